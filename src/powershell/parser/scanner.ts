/**
 * The lower half of the tokenizer: reading characters, blanks and comments, strings and here-strings,
 * variables, barewords and numbers, each as PowerShell's own tokenizer reads them. `Tokenizer`
 * (tokenizer.ts) adds the dispatch on the first character and the helpers the parser calls directly.
 */
import {
  endsNumber,
  forcesNewToken,
  isAnyWhitespace,
  isDash,
  isDigit,
  isDoubleQuote,
  isHexDigit,
  isLetterOrDigit,
  isMultiplierStart,
  isSingleQuote,
  isTypeSuffix,
  isVariableStart,
  isWhitespace,
} from "./characters.js";
import type { Comment } from "./ast.js";
import type { LineIndex } from "./positions.js";
import { Mode, Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";

export type ErrorSink = (start: number, end: number, errorId: string, message: string, incomplete: boolean) => void;

const EOF = -1;
const CR = 0x0d;
const LF = 0x0a;
const BACKTICK = 0x60;
const DOLLAR = 0x24;

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
  protected skipped: ReadonlySet<number> | null = null;
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

  protected atEnd(): boolean {
    return this.pos > this.limit;
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

  protected record(kind: TokenKind, start: number, end: number): void {
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

  // --- comments ------------------------------------------------------------------------------

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

  // --- escapes -------------------------------------------------------------------------------

  /** The text a backtick escape stands for; `code` is the character after the backtick. */
  protected backtick(code: number): string {
    switch (code) {
      case 0x30: return "\0";
      case 0x61: return "\x07";
      case 0x62: return "\b";
      case 0x65: return "\x1b";
      case 0x66: return "\f";
      case 0x6e: return "\n";
      case 0x72: return "\r";
      case 0x74: return "\t";
      case 0x76: return "\v";
      case 0x75: return this.unicodeEscape();
      default: return String.fromCharCode(code);
    }
  }

  /** `` `u{1F600} ``: up to six hex digits in braces. */
  private unicodeEscape(): string {
    const escapeStart = this.pos - 2;
    if (this.next() !== 0x7b) {
      this.unget();
      this.error(escapeStart, this.pos, "InvalidUnicodeEscapeSequence", "A Unicode escape must be written `u{hex digits}.");
      return "";
    }
    let digits = "";
    for (;;) {
      const code = this.next();
      if (code === 0x7d && digits.length > 0) break;
      if (!isHexDigit(code) || digits.length === 6) {
        this.unget();
        this.error(escapeStart, this.pos, "InvalidUnicodeEscapeSequence", "A Unicode escape must be written `u{hex digits}, with one to six digits.");
        return "";
      }
      digits += String.fromCharCode(code);
    }
    const value = Number.parseInt(digits, 16);
    if (value > 0x10ffff) {
      this.error(escapeStart, this.pos, "InvalidUnicodeEscapeSequenceValue", "A Unicode escape names no character above 10FFFF.");
      return "";
    }
    return String.fromCodePoint(value);
  }

  // --- strings -------------------------------------------------------------------------------

  /** After an opening single quote: the value, with doubled quotes read as one. */
  protected scanVerbatimString(): { value: string; inError: boolean } {
    const quote = this.pos - 1;
    let value = "";
    let runStart = this.pos;
    for (;;) {
      const code = this.next();
      if (code === EOF) {
        value += this.slice(runStart, this.limit);
        this.unget();
        this.incomplete(quote, 1, "TerminatorExpectedAtEndOfString", "The string is missing its closing quote (').", true);
        return { value, inError: true };
      }
      if (isSingleQuote(code)) {
        value += this.slice(runStart, this.pos - 1);
        if (!isSingleQuote(this.peek())) return { value, inError: false };
        // The doubled quote stands for one: it starts the next run.
        this.next();
        runStart = this.pos - 1;
      }
    }
  }

  /**
   * After an opening double quote: the value, and the variables and `$( )` inside it. The value is
   * sliced from the text in runs, broken only where an escape or a doubled quote stands.
   */
  protected scanExpandableString(nested: Token[]): { value: string; inError: boolean } {
    const quote = this.pos - 1;
    let value = "";
    let runStart = this.pos;
    for (;;) {
      const code = this.next();
      if (code === EOF) {
        value += this.slice(runStart, this.limit);
        this.unget();
        this.incomplete(quote, 1, "TerminatorExpectedAtEndOfString", 'The string is missing its closing quote (").', true);
        return { value, inError: true };
      }
      if (isDoubleQuote(code)) {
        value += this.slice(runStart, this.pos - 1);
        if (!isDoubleQuote(this.peek())) return { value, inError: false };
        this.next();
        runStart = this.pos - 1;
      } else if (code === DOLLAR) {
        // A variable or `$( )` stays in the value as written.
        this.scanDollarInString(false, nested);
      } else if (code === BACKTICK && this.peek() !== EOF) {
        value += this.slice(runStart, this.pos - 1) + this.backtick(this.next());
        runStart = this.pos;
      }
    }
  }

  /**
   * After `$` inside an expandable string or bareword: a variable or `$( )` becomes a nested token
   * (true); a lone `$` is text (false).
   */
  protected scanDollarInString(hereString: boolean, nested: Token[]): boolean {
    const dollar = this.pos - 1;
    const following = this.peek();
    const savedStart = this.tokenStart;
    const savedMode = this.mode;
    let token: Token | undefined;
    this.nesting++;
    try {
      this.mode = Mode.Expression;
      if (following === 0x28) {
        this.skip();
        token = this.scanSubExpressionText(dollar, hereString);
      } else if (isVariableStart(following) || following === 0x7b) {
        this.tokenStart = dollar;
        token = this.scanVariable(false, true);
      }
    } finally {
      this.nesting--;
      this.tokenStart = savedStart;
      this.mode = savedMode;
    }
    if (token === undefined) return false;
    nested.push(token);
    return true;
  }

  /**
   * `$( ... )` inside a string: found by counting parentheses, as PowerShell does, and parsed later.
   * In a double-quoted string `""` inside it stands for `"`; the offsets of the quotes so dropped are kept.
   */
  private scanSubExpressionText(start: number, hereString: boolean): Token {
    let depth = 1;
    let skipped: number[] | null = null;
    let inError = false;
    for (;;) {
      const code = this.next();
      if (code === 0x28) depth++;
      else if (code === 0x29) {
        if (--depth === 0) break;
      } else if ((code === BACKTICK || isDoubleQuote(code)) && !hereString && isDoubleQuote(this.peek())) {
        (skipped ??= []).push(this.pos - 1);
        this.skip();
      } else if (code === EOF) {
        this.unget();
        this.incomplete(start, 2, "IncompleteDollarSubexpressionReference", "The `$(` is never closed: a `)` is missing.", true);
        inError = true;
        break;
      }
    }
    const token = new Token(TokenKind.DollarParen, start, this.pos);
    token.skipped = skipped;
    token.inError = inError;
    return token;
  }

  /**
   * After `@'` or `@"`: nothing but blanks may follow on the header line. Returns false when the
   * here-string cannot start (its error is reported).
   */
  private scanHereStringHeader(double: boolean): boolean {
    const header = this.pos - 2;
    let code: number;
    do code = this.next();
    while (isWhitespace(code));
    if (code === CR) this.normalizeCrLf(code);
    else if (code !== LF) {
      if (code === EOF) {
        this.unget();
        this.incomplete(header, 2, "TerminatorExpectedAtEndOfString", `The here-string is never closed: it needs a line that starts with ${double ? '"@' : "'@"}.`, true);
        return false;
      }
      this.unget();
      this.error(this.pos, this.pos, "UnexpectedCharactersAfterHereStringHeader", "A here-string's opening @' or @\" must end its line.");
      for (;;) {
        const c = this.next();
        if ((double ? isDoubleQuote(c) : isSingleQuote(c)) && this.peek() === 0x40) {
          this.skip();
          break;
        }
        if (c === CR || c === LF || c === EOF) {
          this.unget();
          break;
        }
      }
      return false;
    }
    return true;
  }

  /**
   * At a line start inside a here-string: true when the line is the footer (`'@` or `"@` first on
   * it). Blanks before a quote-at are only noted, as PowerShell requires the footer at column 1.
   */
  private atHereStringFooter(double: boolean, falseFooter: { at: number }): boolean {
    const isQuote = double ? isDoubleQuote : isSingleQuote;
    const start = this.pos;
    const code = this.next();
    if (isQuote(code) && this.peek() === 0x40) {
      this.skip();
      return true;
    }
    let c = code;
    while (isWhitespace(c)) c = this.next();
    if (isQuote(c) && this.peek() === 0x40 && falseFooter.at === -1) falseFooter.at = this.pos - 1;
    this.pos = start;
    return false;
  }

  protected scanHereString(double: boolean, nested: Token[]): Token {
    const header = this.pos - 2;
    const kind = double ? TokenKind.HereStringExpandable : TokenKind.HereStringLiteral;
    if (!this.scanHereStringHeader(double)) {
      const token = this.newToken(kind);
      token.inError = true;
      return token;
    }
    const falseFooter = { at: -1 };
    let value = "";
    let inError = false;
    // The value is sliced from the text in runs, broken at line ends and escapes.
    let runStart = this.pos;
    if (!this.atHereStringFooter(double, falseFooter)) {
      for (;;) {
        const code = this.next();
        if (code === CR || code === LF) {
          value += this.slice(runStart, this.pos - 1);
          const lineEnd = value.length;
          if (code === CR && this.peek() === LF) this.skip();
          value += this.slice(this.pos - (code === CR && this.text.charCodeAt(this.pos - 1) === LF ? 2 : 1), this.pos);
          runStart = this.pos;
          if (this.atHereStringFooter(double, falseFooter)) {
            value = value.slice(0, lineEnd);
            break;
          }
          continue;
        }
        if (code === EOF) {
          value += this.slice(runStart, this.limit);
          this.unget();
          if (falseFooter.at !== -1) {
            this.incomplete(falseFooter.at, 2, "WhitespaceBeforeHereStringFooter", "A here-string's closing '@ or \"@ must start its line, with nothing before it.", true);
          } else {
            this.incomplete(header, 2, "TerminatorExpectedAtEndOfString", `The here-string is never closed: it needs a line that starts with ${double ? '"@' : "'@"}.`, true);
          }
          inError = true;
          break;
        }
        if (double && code === DOLLAR) {
          // A variable or `$( )` stays in the value as written.
          this.scanDollarInString(true, nested);
        } else if (double && code === BACKTICK && this.peek() !== EOF) {
          value += this.slice(runStart, this.pos - 1) + this.backtick(this.next());
          runStart = this.pos;
        }
      }
    }
    const token = this.newToken(kind);
    token.text = value;
    token.inError = inError;
    return token;
  }

  // --- variables -----------------------------------------------------------------------------

  /** After `$` (or `@` when `splatted`): a variable, or in command mode a bareword that starts with one. */
  protected scanVariable(splatted: boolean, inString: boolean): Token {
    const errorStart = this.pos;
    let code = this.next();
    if (code === 0x7b) return this.scanBracedVariable(errorStart, inString);
    if (!isVariableStart(code)) {
      this.unget();
      return this.scanGenericToken("$");
    }
    const nameStart = this.pos - 1;
    if (code === DOLLAR || code === 0x3f || code === 0x5e) {
      // `$$`, `$?`, `$^`
      if (this.mode === Mode.Command && !forcesNewToken(this.peek())) {
        this.pos = this.tokenStart;
        return this.scanGenericToken("");
      }
    } else {
      for (;;) {
        code = this.next();
        if (isNameCharacter(code)) continue;
        if (code === 0x3a) {
          if (this.peek() === 0x3a) {
            this.unget();
            break;
          }
          continue;
        }
        if (endsVariableName(code)) {
          this.unget();
          break;
        }
        if (isLetterOrDigit(code)) continue;
        if (this.mode === Mode.Command && !forcesNewToken(code)) {
          this.pos = this.tokenStart;
          return this.scanGenericToken("");
        }
        this.unget();
        break;
      }
    }
    const name = this.slice(nameStart, this.pos);
    const token = this.newToken(splatted ? TokenKind.SplattedVariable : TokenKind.Variable);
    token.text = name;
    if (unqualified(name) === "") {
      if (isDriveQualified(name)) this.error(this.tokenStart, this.pos, "InvalidVariableReferenceWithDrive", "A variable name is missing after the drive name and its ':' (write ${name:} to use the colon in a name).");
      else this.error(this.tokenStart, this.pos, "InvalidVariableReference", "A variable name is missing after `$` or the scope name.");
    }
    return token;
  }

  /** `${any text}`: backtick escapes inside; in a string, `""` is one quote. */
  private scanBracedVariable(errorStart: number, inString: boolean): Token {
    let name = "";
    let code: number;
    for (;;) {
      code = this.next();
      if (code === 0x7d) break;
      if (code === EOF) {
        this.unget();
        break;
      }
      if (code === BACKTICK) {
        const escaped = this.next();
        if (escaped === EOF) {
          this.unget();
          break;
        }
        name += this.backtick(escaped);
        continue;
      }
      if (inString && isDoubleQuote(code)) {
        const after = this.next();
        if (after === EOF) {
          this.unget();
          break;
        }
        if (isDoubleQuote(after)) code = after;
        else this.unget();
      } else if (code === 0x7b) {
        this.error(this.pos - 1, this.pos, "OpenBraceNeedsToBeBackTickedInVariableName", "A `{` inside `${...}` must be escaped with a backtick.");
      }
      name += String.fromCharCode(code);
    }
    if (code !== 0x7d) this.incomplete(errorStart, 1, "IncompleteDollarVariableReference", "The `${` is never closed: a `}` is missing.", true);
    if (name.length === 0 && code === 0x7d) this.error(this.pos - 1, this.pos, "EmptyVariableReference", "The variable name inside `${}` is empty.");
    if (this.mode === Mode.Command) {
      const after = this.peek();
      if (!forcesNewToken(after) && after !== 0x2e && after !== 0x5b) {
        this.pos = this.tokenStart;
        return this.scanGenericToken("");
      }
    }
    const token = this.newToken(TokenKind.Variable);
    token.text = name;
    return token;
  }

  // --- barewords -----------------------------------------------------------------------------

  /**
   * A generic token (bareword) whose first characters, `prefix`, were read already: runs to the next
   * character that forces a new token. Quoted parts are read as strings inside it, backticks escape,
   * and `$` starts a variable or `$( )` that makes it expandable.
   */
  protected scanGenericToken(prefix: string): Token {
    let value = prefix;
    let nested: Token[] | null = null;
    // The value is sliced from the text in runs, broken where an escape or a quoted part stands.
    let runStart = this.pos;
    for (;;) {
      const code = this.next();
      if (forcesNewToken(code)) break;
      if (code === BACKTICK) {
        const escaped = this.peek();
        if (escaped !== EOF) {
          value += this.slice(runStart, this.pos - 1);
          this.skip();
          value += this.backtick(escaped);
          runStart = this.pos;
        }
      } else if (isSingleQuote(code)) {
        value += this.slice(runStart, this.pos - 1) + this.scanVerbatimString().value;
        runStart = this.pos;
      } else if (isDoubleQuote(code)) {
        value += this.slice(runStart, this.pos - 1) + this.scanExpandableString((nested ??= [])).value;
        runStart = this.pos;
      } else if (code === DOLLAR) {
        // A variable or `$( )` stays in the value as written.
        this.scanDollarInString(false, (nested ??= []));
      }
    }
    this.unget();
    value += this.slice(runStart, this.pos);
    const token = this.newToken(TokenKind.Generic);
    token.text = value;
    if (nested !== null && nested.length > 0) token.nested = nested;
    return token;
  }

  // --- numbers -------------------------------------------------------------------------------

  /**
   * A number whose first character (a digit, `.`, or a sign when signed numbers are allowed) was read.
   * What does not read as a number becomes a bareword, as in PowerShell (`1.2.3`, `7zip`).
   */
  protected scanNumber(first: number): Token {
    const parsed = this.readNumber(first);
    if (parsed === undefined) {
      this.pos = this.tokenStart;
      return this.scanGenericToken("");
    }
    let value = numberValue(parsed);
    if (value === undefined) {
      if (this.mode !== Mode.Expression) {
        this.pos = this.tokenStart;
        return this.scanGenericToken("");
      }
      this.error(this.tokenStart, this.pos, "BadNumericConstant", `${this.text.slice(this.tokenStart, this.pos)} is not a valid number.`);
      value = 0;
    }
    const token = this.newToken(TokenKind.Number);
    token.number = value;
    return token;
  }

  private readNumber(first: number): NumberParts | undefined {
    const parts: NumberParts = { digits: "", format: "decimal", suffix: "", real: false, multiplier: 1 };
    let notNumber = false;
    if (isDash(first) || first === 0x2b) {
      parts.digits = first === 0x2b ? "+" : "-";
      first = this.next();
    }
    if (first === 0x2e) {
      parts.digits += ".";
      notNumber = this.readFraction(parts) || notNumber;
      parts.real = true;
    } else {
      const after = this.peek();
      if (first === 0x30 && (after === 0x78 || after === 0x58)) {
        this.skip();
        parts.format = "hex";
        while (isHexDigit(this.peek())) parts.digits += String.fromCharCode(this.next());
      } else if (first === 0x30 && (after === 0x62 || after === 0x42)) {
        this.skip();
        parts.format = "binary";
        while (this.peek() === 0x30 || this.peek() === 0x31) parts.digits += String.fromCharCode(this.next());
        if (!parts.digits.includes("0") && !parts.digits.includes("1")) notNumber = true;
      } else {
        parts.digits += String.fromCharCode(first);
        this.readDigits(parts);
        const c = this.peek();
        if (c === 0x2e) {
          this.skip();
          if (this.peek() === 0x2e) this.unget();
          else {
            parts.digits += ".";
            parts.real = true;
            notNumber = this.readFraction(parts) || notNumber;
          }
        } else if (c === 0x65 || c === 0x45) {
          this.skip();
          parts.digits += "e";
          parts.real = true;
          notNumber = this.readExponent(parts) || notNumber;
        }
      }
    }
    let c = this.peek();
    if (isTypeSuffix(c)) {
      this.skip();
      parts.suffix = String.fromCharCode(c).toLowerCase();
      c = this.peek();
      if (isTypeSuffix(c)) {
        this.skip();
        const second = String.fromCharCode(c).toLowerCase();
        if (parts.suffix === "u" && (second === "l" || second === "s" || second === "y")) parts.suffix += second;
        else notNumber = true;
        c = this.peek();
      }
    }
    if (isMultiplierStart(c)) {
      this.skip();
      parts.multiplier = MULTIPLIERS[String.fromCharCode(c).toLowerCase()]!;
      const b = this.peek();
      if (b === 0x62 || b === 0x42) {
        this.skip();
        c = this.peek();
      } else {
        notNumber = true;
      }
    }
    if (!forcesNewToken(c) && (this.mode !== Mode.Expression || !endsNumber(c, this.forceEndNumberOnTernary))) notNumber = true;
    return notNumber ? undefined : parts;
  }

  private readDigits(parts: NumberParts): number {
    const start = this.pos;
    while (isDigit(this.peek())) this.skip();
    parts.digits += this.slice(start, this.pos);
    return this.pos - start;
  }

  /** Digits after the point and an exponent; true when what follows is not a number. */
  private readFraction(parts: NumberParts): boolean {
    this.readDigits(parts);
    const c = this.peek();
    if (c === 0x65 || c === 0x45) {
      this.skip();
      parts.digits += "e";
      return this.readExponent(parts);
    }
    return false;
  }

  private readExponent(parts: NumberParts): boolean {
    const c = this.peek();
    if (c === 0x2b || isDash(c)) {
      this.skip();
      parts.digits += c === 0x2b ? "+" : "-";
    }
    return this.readDigits(parts) === 0;
  }
}

interface NumberParts {
  digits: string;
  format: "decimal" | "hex" | "binary";
  suffix: string;
  real: boolean;
  multiplier: number;
}

const MULTIPLIERS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
const DECIMAL_MAX = 2n ** 96n - 1n;

/** The ranges of the integer types a suffix selects, as PowerShell checks them. */
const RANGES: Record<string, readonly [bigint, bigint]> = {
  y: [-128n, 127n],
  uy: [0n, 255n],
  s: [-32768n, 32767n],
  us: [0n, 65535n],
  l: [-(2n ** 63n), 2n ** 63n - 1n],
  ul: [0n, 2n ** 64n - 1n],
  d: [-DECIMAL_MAX, DECIMAL_MAX],
};

/**
 * A number's value as PowerShell computes it, or undefined when PowerShell rejects it (out of its
 * type's range). Hex and binary literals of a type's full width are two's complement (`0xFFFFFFFF`
 * is -1, `0xFFy` is -1), as PowerShell reads them.
 */
function numberValue(parts: NumberParts): number | bigint | undefined {
  const { digits, format, suffix, real, multiplier } = parts;
  if (real) {
    let value = Number(digits) * multiplier;
    if (suffix === "d") return Number.isFinite(value) && Math.abs(value) <= Number(DECIMAL_MAX) ? value : undefined;
    // .NET reads an exponent too large for a double as infinity.
    if (suffix === "") return value === 0 && digits.startsWith("-") ? -0 : value;
    if (!Number.isFinite(value)) return undefined;
    value = roundHalfToEven(value);
    return suffix === "n" ? BigInt(value) : integerOfSuffix(BigInt(value), suffix, false);
  }
  const negative = digits.startsWith("-");
  const body = negative || digits.startsWith("+") ? digits.slice(1) : digits;
  let big: bigint;
  let typeSuffix = suffix;
  if (format === "hex") {
    let hex = `0${body}`;
    if (!suffix.startsWith("u")) {
      const width = suffix === "y" ? 2 : suffix === "s" ? 4 : suffix === "l" ? 16 : hex.length < 16 ? 8 : 16;
      if (hex.length === width + 1) hex = hex.slice(1);
    }
    big = BigInt(`0x${hex}`);
    if (Number.parseInt(hex[0]!, 16) >= 8) big -= 16n ** BigInt(hex.length);
    if (hex.length === 16 && (suffix === "" || suffix === "u")) typeSuffix = `${suffix}l`;
  } else if (format === "binary") {
    big = BigInt(`0b${body}`);
    const signed = !suffix.startsWith("u") && body[0] === "1" && (body.length >= 128 || [8, 16, 32, 64, 96].includes(body.length));
    if (signed) big -= 2n ** BigInt(body.length);
    if (body.length === 64 && (suffix === "" || suffix === "u")) typeSuffix = `${suffix}l`;
  } else {
    big = BigInt(body);
  }
  big *= BigInt(multiplier) * (negative ? -1n : 1n);
  if (typeSuffix === "n") return big;
  return integerOfSuffix(big, typeSuffix, format === "decimal");
}

/** `big` as the type its suffix selects; without one int, long, then (for decimal literals) decimal or double. */
function integerOfSuffix(big: bigint, suffix: string, decimalLiteral: boolean): number | bigint | undefined {
  const fits = (range: readonly [bigint, bigint] | undefined): boolean => range !== undefined && big >= range[0] && big <= range[1];
  let ok: boolean;
  switch (suffix) {
    case "":
      ok = fits(RANGES["l"]) || (decimalLiteral && (fits(RANGES["d"]) || Number.isFinite(Number(big))));
      break;
    case "u":
      ok = fits(RANGES["ul"]);
      break;
    default:
      ok = fits(RANGES[suffix]);
  }
  if (!ok) return undefined;
  return Number.isSafeInteger(Number(big)) ? Number(big) : big;
}

/** .NET's `Math.Round`: halves go to the even neighbour. */
function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Letters, digits, `_` and `?` continue a variable name. */
function isNameCharacter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x3f;
}

/** Characters that end a variable name in every mode. */
function endsVariableName(code: number): boolean {
  switch (code) {
    case EOF:
    case 0x00:
    case 0x09:
    case CR:
    case LF:
    case 0x20:
    case 0x26:
    case 0x28:
    case 0x29:
    case 0x2c:
    case 0x3b:
    case 0x7b:
    case 0x7d:
    case 0x7c:
    case 0x2e:
    case 0x5b:
    case 0x3d:
      return true;
    default:
      return false;
  }
}

const SCOPES = new Set(["global", "local", "private", "script", "using", "workflow"]);

/** `env:PATH` names a drive; `script:x` a scope. */
function isDriveQualified(path: string): boolean {
  const colon = path.indexOf(":");
  return colon > 0 && !SCOPES.has(path.slice(0, colon).toLowerCase());
}

/** The name after a drive or scope qualifier (`env:PATH` gives `PATH`). */
function unqualified(path: string): string {
  const colon = path.indexOf(":");
  return colon === -1 ? path : path.slice(colon + 1);
}

export { isAnyWhitespace };
