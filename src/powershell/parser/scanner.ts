/**
 * The tokenizer's footing: reading characters (passing over those PowerShell drops inside a string's
 * `$( )`), token records and errors, blanks, line ends and comments, and the positions the parser
 * backs up to. Strings, variables and numbers are read in the classes built on this one; `Tokenizer`
 * (tokenizer.ts) dispatches on a token's first character.
 */
import { isAnyWhitespace, isWhitespace } from "./characters.js";
import type { Comment } from "./ast.js";
import type { LineIndex } from "../../text/line-index.js";
import { Mode, Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";

export type ErrorSink = (start: number, end: number, errorId: string, message: string, incomplete: boolean) => void;

// Each tokenizer file declares the character codes it compares with: V8 builds a module's own
// constants into optimized code, but reads exported and imported ones from memory at every use
// (imported here, they cost the tokenizer an eighth of its time).
const EOF = -1;
const CR = 0x0d;
const LF = 0x0a;

export abstract class Scanner {
  /** Where scanning stops: the text's end, or the end of a `$( )` being scanned inside a string. */
  protected limit: number;
  /** Index of the next character; may pass `limit` by one after reading the end, as `unget` expects. */
  protected pos = 0;
  protected tokenStart = 0;
  mode = Mode.Command;
  /** `-5` and `+5` are numbers (set while the parser reads a unary operand). */
  allowSignedNumbers = false;
  /** `?` and `:` end a number (inside a ternary). */
  forceEndNumberOnTernary = false;
  /** Identifiers stay identifiers (member and attribute names). */
  wantSimpleName = false;
  /** `inlinescript` is a keyword (inside a workflow). */
  inWorkflowContext = false;
  /** Nested scans (variables and `$( )` in strings) record no tokens or comments. */
  protected nesting = 0;
  /**
   * Inside the `$( )` of a double-quoted string, the first character of each `""` or `` `" ``, which
   * PowerShell drops: reading passes over them, and token ranges still cover them.
   */
  private skipped: ReadonlySet<number> | null = null;
  readonly comments: Comment[] = [];
  /**
   * Kind, start and end of each token read, three numbers a token, of which the first
   * `recordedTokens` count (backing up forgets the rest without shrinking the array); `ast.tokens`
   * is built from them on first use.
   */
  readonly tokenRecord: number[] = [];
  recordedTokens = 0;

  constructor(
    public text: string,
    protected readonly lines: LineIndex,
    protected readonly onError: ErrorSink,
  ) {
    this.limit = text.length;
  }

  // --- characters ----------------------------------------------------------------------------

  protected next(): number {
    if (this.skipped !== null && this.skipped.has(this.pos)) this.pos++;
    const at = this.pos++;
    return at < this.limit ? this.text.charCodeAt(at) : EOF;
  }

  protected unget(): void {
    this.pos--;
    if (this.skipped !== null && this.skipped.has(this.pos)) this.pos--;
  }

  protected peek(): number {
    const at = this.skipped !== null && this.skipped.has(this.pos) ? this.pos + 1 : this.pos;
    return at < this.limit ? this.text.charCodeAt(at) : EOF;
  }

  protected skip(): void {
    if (this.skipped !== null && this.skipped.has(this.pos)) this.pos++;
    this.pos++;
  }

  /** The text from `start` to `end` as PowerShell reads it: without the dropped characters. */
  protected slice(start: number, end: number): string {
    const text = this.text.slice(start, end);
    if (this.skipped === null) return text;
    let kept = "";
    for (let i = start; i < end; i++) if (!this.skipped.has(i)) kept += this.text[i];
    return kept;
  }

  /** After a CR, a following LF belongs to the same line end. */
  protected normalizeCrLf(code: number): void {
    if (code === CR && this.peek() === LF) this.skip();
  }

  protected skipWhitespace(): void {
    while (isWhitespace(this.peek())) this.skip();
  }

  protected newToken(kind: TokenKind): Token {
    const token = new Token(kind, this.tokenStart, Math.min(this.pos, this.limit));
    this.record(kind, token.start, token.end);
    return token;
  }

  private record(kind: TokenKind, start: number, end: number): void {
    if (this.nesting > 0) return;
    const at = this.recordedTokens++ * 3;
    this.tokenRecord[at] = kind;
    this.tokenRecord[at + 1] = start;
    this.tokenRecord[at + 2] = end;
  }

  protected error(start: number, end: number, errorId: string, message: string): void {
    this.onError(start, end, errorId, message, false);
  }

  /**
   * An error where the text ended inside a construct: reported at what opened it, or with
   * `toEnd` over everything from there on (a string or comment runs to the end, as in PowerShell).
   */
  protected incomplete(start: number, openerLength: number, errorId: string, message: string, toEnd = false): void {
    this.onError(start, toEnd ? this.limit : start + openerLength, errorId, message, true);
  }

  // --- positions -----------------------------------------------------------------------------

  /** Back up to `start`: what was scanned from there on is scanned again (and recorded again). */
  resync(start: number): void {
    this.pos = Math.max(0, Math.min(start, this.limit + 1));
    if (this.nesting > 0) return;
    let count = this.recordedTokens;
    while (count > 0 && this.tokenRecord[count * 3 - 1]! > start) count--;
    this.recordedTokens = count;
    while (this.comments.length > 0 && this.comments[this.comments.length - 1]!.range[0] >= start) this.comments.pop();
  }

  /** Where the next token would start, to come back to. */
  restorePoint(): number {
    return this.pos;
  }

  /**
   * Scans `start`..`end` (a `$( )` inside a string) with `scan`, then carries on where it was.
   * `skipped` are the offsets of characters PowerShell drops there (see `skipped`).
   */
  nestedScan<T>(start: number, end: number, scan: () => T, skipped: readonly number[] | null): T {
    const saved = { pos: this.pos, limit: this.limit, tokenStart: this.tokenStart, mode: this.mode, skipped: this.skipped };
    this.pos = start;
    this.limit = end;
    this.skipped = skipped === null ? null : new Set(skipped);
    this.nesting++;
    try {
      return scan();
    } finally {
      this.nesting--;
      this.pos = saved.pos;
      this.limit = saved.limit;
      this.tokenStart = saved.tokenStart;
      this.mode = saved.mode;
      this.skipped = saved.skipped;
    }
  }

  // --- blanks and comments -------------------------------------------------------------------

  protected scanLineComment(): void {
    for (;;) {
      const code = this.next();
      if (code === EOF || code === CR || code === LF) {
        this.unget();
        break;
      }
    }
    this.addComment("LineComment", this.tokenStart, this.pos, this.tokenStart + 1, this.pos);
  }

  /** After `<#`: up to `#>` (block comments do not nest). */
  protected scanBlockComment(): void {
    const start = this.tokenStart;
    for (;;) {
      const code = this.next();
      if (code === 0x23 && this.peek() === 0x3e) {
        this.skip();
        this.addComment("BlockComment", start, this.pos, start + 2, this.pos - 2);
        return;
      }
      if (code === EOF) {
        this.unget();
        this.incomplete(start, 2, "MissingTerminatorMultiLineComment", "The block comment is never closed: `#>` is missing.", true);
        this.addComment("BlockComment", start, this.pos, start + 2, this.pos);
        return;
      }
    }
  }

  private addComment(type: Comment["type"], start: number, end: number, valueStart: number, valueEnd: number): void {
    if (this.nesting > 0) return;
    // A comment scanned again after the parser backed up is already known.
    const last = this.comments[this.comments.length - 1];
    if (last !== undefined && last.range[0] >= start) return;
    this.comments.push({
      type,
      value: this.text.slice(valueStart, valueEnd),
      range: [start, end],
      loc: { start: this.lines.positionAt(start), end: this.lines.positionAt(end) },
    });
  }

  /** Blanks, line ends, comments, line continuations and (when asked) semicolons. */
  skipNewlines(skipSemis: boolean): void {
    for (;;) {
      const code = this.next();
      switch (code) {
        case 0x20:
        case 0x09:
        case 0x0c:
        case 0x0b:
        case 0xa0:
        case 0x85:
          this.skipWhitespace();
          continue;
        case CR:
        case LF:
          this.tokenStart = this.pos - 1;
          this.normalizeCrLf(code);
          this.record(TokenKind.NewLine, this.tokenStart, this.pos);
          continue;
        case 0x3b:
          if (skipSemis) {
            this.record(TokenKind.Semi, this.pos - 1, this.pos);
            continue;
          }
          break;
        case 0x23:
          this.tokenStart = this.pos - 1;
          this.scanLineComment();
          continue;
        case 0x3c:
          if (this.peek() === 0x23) {
            this.tokenStart = this.pos - 1;
            this.skip();
            this.scanBlockComment();
            continue;
          }
          break;
        case 0x60: {
          const escaped = this.next();
          if (escaped === CR || escaped === LF) {
            this.normalizeCrLf(escaped);
            continue;
          }
          if (isAnyWhitespace(escaped)) {
            this.skipWhitespace();
            continue;
          }
          this.unget();
          break;
        }
        default:
          if (isWhitespace(code)) {
            this.skipWhitespace();
            continue;
          }
      }
      this.unget();
      return;
    }
  }

  /** Whether only blanks and comments follow `offset`. */
  onlyTriviaAfter(offset: number): boolean {
    const text = this.text;
    for (let i = offset; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x23) {
        while (i < text.length && text.charCodeAt(i) !== CR && text.charCodeAt(i) !== LF) i++;
        continue;
      }
      if (code === 0x3c && text.charCodeAt(i + 1) === 0x23) {
        const close = text.indexOf("#>", i + 2);
        if (close === -1) return true;
        i = close + 1;
        continue;
      }
      if (!isWhitespace(code) && code !== CR && code !== LF) return false;
    }
    return true;
  }

  /**
   * PowerShell 7: a line that starts with `|` continues the pipeline of the line before it (blank lines
   * in between stop it; comments do not).
   */
  isPipeContinuation(offset: number): boolean {
    const text = this.text;
    let lastWasNewline = true;
    let i = offset;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (isWhitespace(code)) {
        i++;
        continue;
      }
      if (code === LF || code === CR) {
        if (lastWasNewline) return false;
        lastWasNewline = true;
        i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        continue;
      }
      lastWasNewline = false;
      if (code === 0x23) {
        while (i < text.length && text.charCodeAt(i) !== CR && text.charCodeAt(i) !== LF) i++;
        continue;
      }
      if (code === 0x3c && text.charCodeAt(i + 1) === 0x23) {
        const close = text.indexOf("#>", i + 2);
        i = close === -1 ? text.length : close + 2;
        continue;
      }
      return code === 0x7c;
    }
    return false;
  }
}

