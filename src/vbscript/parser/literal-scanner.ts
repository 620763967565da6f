/**
 * Names and literals: words (looked up as keywords once scanned, except after a dot; `Rem` starts a
 * comment), `[bracketed names]`, strings with `""`, `#dates#`, `&H`/`&O` numbers with VBScript's
 * Integer and Long wrapping, and decimal numbers with fractions and exponents.
 */
import { isDigit, isWordPart } from "./characters.js";
import { MESSAGES } from "./messages.js";
import { Scanner } from "./scanner.js";
import { KEYWORDS, LONGEST_KEYWORD, TokenKind } from "./token-kinds.js";

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;
const DOT = 0x2e;
const MAX_IDENTIFIER_LENGTH = 255;

export abstract class LiteralScanner extends Scanner {
  /** A name or keyword; false when the word is `Rem` and started a comment. */
  protected scanWord(start: number, afterDot: boolean, previous: TokenKind): boolean {
    const text = this.text;
    let end = start + 1;
    while (end < text.length && isWordPart(text.charCodeAt(end))) end++;
    const length = end - start;
    this.value = text.slice(start, end);
    this.bracketed = false;
    if (!afterDot && length <= LONGEST_KEYWORD) {
      const lower = this.value.toLowerCase();
      if (lower === "rem") {
        // `Rem` is a statement: after other statements on a line it needs a `:` before it.
        if (previous !== TokenKind.EndOfInput && previous !== TokenKind.NewLine && previous !== TokenKind.Colon && previous !== TokenKind.Then && previous !== TokenKind.Else) {
          this.onError(MESSAGES.expectedEndOfStatement, start, end);
        }
        this.lineComment(start, end, this.value);
        return false;
      }
      const keyword = KEYWORDS.get(lower);
      if (keyword !== undefined) {
        this.pos = end;
        this.finish(keyword, end);
        return true;
      }
    }
    if (length > MAX_IDENTIFIER_LENGTH) this.onError(MESSAGES.identifierTooLong, start, end);
    this.pos = end;
    this.finish(TokenKind.Identifier, end);
    return true;
  }

  /** `[any text]` on one line: a name that may hold blanks or be a keyword. */
  protected scanBracketedName(start: number): void {
    const text = this.text;
    let end = start + 1;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 0x5d || code === LF || code === CR) break;
      end++;
    }
    if (text.charCodeAt(end) !== 0x5d) {
      this.onError(MESSAGES.invalidCharacter, start, start + 1);
      this.value = "[";
      this.pos = start + 1;
      this.finish(TokenKind.Unknown, start + 1);
      return;
    }
    this.value = text.slice(start + 1, end);
    this.bracketed = true;
    this.pos = end + 1;
    this.finish(TokenKind.Identifier, end + 1);
  }

  /** `"..."` on one line, `""` standing for one quote. */
  protected scanString(start: number): void {
    const text = this.text;
    let at = start + 1;
    let value = "";
    let chunk = at;
    for (;;) {
      if (at >= text.length) break;
      const code = text.charCodeAt(at);
      if (code === QUOTE) {
        if (text.charCodeAt(at + 1) === QUOTE) {
          value += text.slice(chunk, at + 1);
          at += 2;
          chunk = at;
          continue;
        }
        this.value = value + text.slice(chunk, at);
        this.pos = at + 1;
        this.finish(TokenKind.String, at + 1);
        return;
      }
      if (code === LF || code === CR) break;
      at++;
    }
    // cscript reports it at the line's end; the string keeps what was written.
    this.onError(MESSAGES.unterminatedString, at, at);
    this.value = value + text.slice(chunk, at);
    this.pos = at;
    this.finish(TokenKind.String, at);
  }

  /** `#date#` on one line. */
  protected scanDate(start: number): void {
    const text = this.text;
    let at = start + 1;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 0x23 || code === LF || code === CR) break;
      at++;
    }
    if (text.charCodeAt(at) !== 0x23) {
      this.onError(MESSAGES.syntaxError, start, start + 1);
      this.value = "#";
      this.pos = start + 1;
      this.finish(TokenKind.Unknown, start + 1);
      return;
    }
    this.value = text.slice(start + 1, at);
    this.pos = at + 1;
    this.finish(TokenKind.Date, at + 1);
  }

  /** `&` (concatenation), or `&H1F` / `&O17`, each with an optional `&` after. */
  protected scanAmpersand(start: number): void {
    const text = this.text;
    const letter = text.charCodeAt(start + 1) | 0x20;
    const base = letter === 0x68 ? 16 : letter === 0x6f ? 8 : 0;
    if (base === 0) {
      this.pos = start + 1;
      this.finish(TokenKind.Ampersand, start + 1);
      return;
    }
    let at = start + 2;
    let value = 0;
    for (;;) {
      const code = text.charCodeAt(at);
      const digit = isDigit(code) ? code - 0x30 : base === 16 && (code | 0x20) >= 0x61 && (code | 0x20) <= 0x66 ? (code | 0x20) - 0x57 : -1;
      if (digit < 0 || digit >= base) break;
      value = value * base + digit;
      at++;
    }
    if (at === start + 2) {
      // `&H` with no digits: VBScript reads `&` and a name, and the name rarely makes sense.
      this.pos = start + 1;
      this.finish(TokenKind.Ampersand, start + 1);
      return;
    }
    let long = false;
    if (text.charCodeAt(at) === 0x26) {
      long = true;
      at++;
    }
    // An Integer when it fits in 16 bits and has no `&`, else a Long: both wrap to negative.
    if (!long && value <= 0xffff) value = value >= 0x8000 ? value - 0x10000 : value;
    else if (value <= 0xffffffff) value = value >= 0x80000000 ? value - 0x100000000 : value;
    else this.onError(MESSAGES.invalidNumber, start, at);
    this.number = value;
    this.base = base;
    this.pos = at;
    this.finish(TokenKind.Number, at);
  }

  /** `12`, `1.5`, `.5`, `1E10`, `2.5e-3`. */
  protected scanNumber(start: number): void {
    const text = this.text;
    let at = start;
    while (isDigit(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) === DOT) {
      at++;
      while (isDigit(text.charCodeAt(at))) at++;
    }
    if ((text.charCodeAt(at) | 0x20) === 0x65) {
      let exponent = at + 1;
      const sign = text.charCodeAt(exponent);
      if (sign === 0x2b || sign === 0x2d) exponent++;
      if (isDigit(text.charCodeAt(exponent))) {
        at = exponent;
        while (isDigit(text.charCodeAt(at))) at++;
      } else {
        this.onError(MESSAGES.invalidNumber, start, exponent);
        at = exponent;
      }
    }
    const value = Number.parseFloat(text.slice(start, at));
    this.number = Number.isNaN(value) ? 0 : value;
    this.base = 10;
    this.pos = at;
    this.finish(TokenKind.Number, at);
  }
}
