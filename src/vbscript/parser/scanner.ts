/**
 * The tokenizer's footing: the current token's fields (the parser reads them directly), the compact
 * record `ast.tokens` is built from, comments, errors, `_` line continuations, and saving and
 * restoring a position for a look-ahead. Names, literals and numbers are scanned in
 * literal-scanner.ts; `Tokenizer` (tokenizer.ts) dispatches on a token's first character.
 */
import type { Comment } from "./ast.js";
import { isBlank } from "./characters.js";
import type { ErrorMessage } from "./messages.js";
import { MESSAGES } from "./messages.js";
import type { LineIndex } from "../../text/line-index.js";
import { TokenKind } from "./token-kinds.js";

export type ErrorSink = (error: ErrorMessage, start: number, end: number) => void;

// Declared in each tokenizer module, not imported: V8 builds a module's own constants into optimized code.
const CR = 0x0d;
const LF = 0x0a;

/** What a look-ahead must put back. */
export interface TokenizerState {
  pos: number;
  kind: TokenKind;
  start: number;
  end: number;
  value: string;
  number: number;
  base: 10 | 16 | 8;
  bracketed: boolean;
  recordedTokens: number;
  comments: number;
}

export abstract class Scanner {
  /** Moves to the next token (tokenizer.ts). */
  abstract next(): void;

  /** The current token. */
  kind = TokenKind.EndOfInput;
  start = 0;
  end = 0;
  /** A name (without brackets), a string's or date's value, a keyword's text as written. */
  value = "";
  /** A number's value. */
  number = 0;
  base: 10 | 16 | 8 = 10;
  /** A `[name]`. */
  bracketed = false;

  protected pos = 0;
  readonly comments: Comment[] = [];
  /** Kind, start and end of each token, three numbers a token; `ast.tokens` is built from them. */
  readonly tokenRecord: number[] = [];
  recordedTokens = 0;

  /**
   * Script inside an HTML page (`<script>` in `.hta`, `.htm`): `<!--` and `-->`, which old pages put
   * around their code to hide it from browsers without scripting, start comments, as in the engine.
   */
  protected readonly html: boolean;

  constructor(
    protected readonly text: string,
    protected readonly lines: LineIndex,
    protected readonly onError: ErrorSink,
    html = false,
  ) {
    this.html = html;
  }

  // --- look-ahead ---------------------------------------------------------------------------------

  save(): TokenizerState {
    return {
      pos: this.pos,
      kind: this.kind,
      start: this.start,
      end: this.end,
      value: this.value,
      number: this.number,
      base: this.base,
      bracketed: this.bracketed,
      recordedTokens: this.recordedTokens,
      comments: this.comments.length,
    };
  }

  restore(state: TokenizerState): void {
    this.pos = state.pos;
    this.kind = state.kind;
    this.start = state.start;
    this.end = state.end;
    this.value = state.value;
    this.number = state.number;
    this.base = state.base;
    this.bracketed = state.bracketed;
    this.recordedTokens = state.recordedTokens;
    this.comments.length = state.comments;
  }

  /** The current token's text as written. */
  get raw(): string {
    return this.text.slice(this.start, this.end);
  }

  // --- tokens -------------------------------------------------------------------------------------

  protected token(kind: TokenKind, end: number): void {
    this.pos = end;
    this.finish(kind, end);
  }

  protected finish(kind: TokenKind, end: number): void {
    this.kind = kind;
    this.end = end;
    const at = this.recordedTokens++ * 3;
    const record = this.tokenRecord;
    record[at] = kind;
    record[at + 1] = this.start;
    record[at + 2] = end;
  }

  protected unknown(start: number): void {
    const code = this.text.codePointAt(start)!;
    const end = start + (code > 0xffff ? 2 : 1);
    this.onError(MESSAGES.invalidCharacter, start, end);
    this.value = this.text.slice(start, end);
    this.token(TokenKind.Unknown, end);
  }

  /** `_` then blanks then a line end: the logical line goes on. At the text's end it is just a blank. */
  protected continuation(start: number): boolean {
    const text = this.text;
    let at = start + 1;
    while (at < text.length && isBlank(text.charCodeAt(at))) at++;
    if (at >= text.length) {
      this.pos = at;
      return true;
    }
    const code = text.charCodeAt(at);
    if (code === LF) {
      this.pos = at + 1;
      return true;
    }
    if (code === CR) {
      this.pos = text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
      return true;
    }
    return false;
  }

  protected lineComment(start: number, valueStart: number, marker: string): void {
    const text = this.text;
    let end = valueStart;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === LF || code === CR) break;
      end++;
    }
    this.pos = end;
    const range: [number, number] = [start, end];
    const loc = { start: this.lines.positionAt(start), end: this.lines.positionAt(end) };
    this.comments.push({ type: "LineComment", marker, value: text.slice(valueStart, end), range, loc });
  }
}
