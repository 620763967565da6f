/**
 * VBScript's tokenizer, pulled one token at a time by the parser: the current token lives in this
 * object's fields (`kind`, `start`, `end`, `value`, ...), and a token object is built only for
 * `ast.tokens`, from a compact record. Line ends and `:` are tokens (they end statements); blanks,
 * `_` line continuations, `'` and `Rem` comments are not. The first character decides what is
 * scanned; a word is looked up as a keyword once scanned, except after a `.`, where any word is a
 * member name (`obj.End`, `.Select`).
 */
import { isBlank, isDigit, isLetter, isWordPart } from "./characters.js";
import { LiteralScanner } from "./literal-scanner.js";
import { TokenKind } from "./token-kinds.js";

export type { ErrorSink } from "./scanner.js";

const EOF = -1;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const UNDERSCORE = 0x5f;
const DOT = 0x2e;

export class Tokenizer extends LiteralScanner {
  /** Moves to the next token. */
  next(): void {
    const previous = this.kind;
    const text = this.text;
    const length = text.length;
    for (;;) {
      const start = this.pos;
      this.start = start;
      if (start >= length) {
        // Not recorded: ESLint's token lists end with the last real token.
        this.kind = TokenKind.EndOfInput;
        this.end = start;
        return;
      }
      const code = text.charCodeAt(start);
      switch (code) {
        case SPACE:
        case TAB:
          this.pos++;
          continue;
        case LF:
          this.token(TokenKind.NewLine, start + 1);
          return;
        case CR:
          this.token(TokenKind.NewLine, text.charCodeAt(start + 1) === LF ? start + 2 : start + 1);
          return;
        case 0x3a: // ':'
          this.token(TokenKind.Colon, start + 1);
          return;
        case APOSTROPHE:
          this.lineComment(start, start + 1, "'");
          continue;
        case QUOTE:
          this.scanString(start);
          return;
        case 0x28: // '('
          this.token(TokenKind.LParen, start + 1);
          return;
        case 0x29: // ')'
          this.token(TokenKind.RParen, start + 1);
          return;
        case 0x2c: // ','
          this.token(TokenKind.Comma, start + 1);
          return;
        case 0x2b: // '+'
          this.token(TokenKind.Plus, start + 1);
          return;
        case 0x2d: // '-'
          if (this.html && text.charCodeAt(start + 1) === 0x2d && text.charCodeAt(start + 2) === 0x3e) {
            this.lineComment(start, start + 3, "-->");
            continue;
          }
          this.token(TokenKind.Minus, start + 1);
          return;
        case 0x2a: // '*'
          this.token(TokenKind.Star, start + 1);
          return;
        case 0x2f: // '/'
          this.token(TokenKind.Slash, start + 1);
          return;
        case 0x5c: // '\'
          this.token(TokenKind.Backslash, start + 1);
          return;
        case 0x5e: // '^'
          this.token(TokenKind.Caret, start + 1);
          return;
        case 0x3d: {
          // '=', and the old spellings '=<' and '=>' of '<=' and '>=' (in Microsoft's own samples).
          const following = text.charCodeAt(start + 1);
          if (following === 0x3c) this.token(TokenKind.LessEqual, start + 2);
          else if (following === 0x3e) this.token(TokenKind.GreaterEqual, start + 2);
          else this.token(TokenKind.Equals, start + 1);
          return;
        }
        case 0x3c: {
          // '<', '<=', '<>', and in a page '<!--'
          const following = text.charCodeAt(start + 1);
          if (this.html && following === 0x21 && text.charCodeAt(start + 2) === 0x2d && text.charCodeAt(start + 3) === 0x2d) {
            this.lineComment(start, start + 4, "<!--");
            continue;
          }
          if (following === 0x3d) this.token(TokenKind.LessEqual, start + 2);
          else if (following === 0x3e) this.token(TokenKind.NotEqual, start + 2);
          else this.token(TokenKind.Less, start + 1);
          return;
        }
        case 0x3e: {
          // '>', '>=', and '><', an old spelling of '<>'
          const following = text.charCodeAt(start + 1);
          if (following === 0x3d) this.token(TokenKind.GreaterEqual, start + 2);
          else if (following === 0x3c) this.token(TokenKind.NotEqual, start + 2);
          else this.token(TokenKind.Greater, start + 1);
          return;
        }
        case 0x26: // '&', '&H', '&O'
          this.scanAmpersand(start);
          return;
        case 0x23: // '#'
          this.scanDate(start);
          return;
        case 0x5b: // '['
          this.scanBracketedName(start);
          return;
        case DOT: {
          // Glued to a name or a closing bracket, a dot reads a member; after a blank, a line start
          // or an operator it may start a number (`.5`) or a `With` member (`.Name`).
          const before = start > 0 ? text.charCodeAt(start - 1) : EOF;
          if (isWordPart(before) || before === 0x29 || before === 0x5d) {
            this.token(TokenKind.Dot, start + 1);
          } else if (isDigit(text.charCodeAt(start + 1))) {
            this.scanNumber(start);
            } else {
            this.token(TokenKind.SpacedDot, start + 1);
          }
          return;
        }
        case UNDERSCORE:
          if (this.continuation(start)) continue;
          this.unknown(start);
          return;
        default:
          if (isDigit(code)) {
            this.scanNumber(start);
              return;
          }
          if (isLetter(code)) {
            if (this.scanWord(start, previous === TokenKind.Dot || previous === TokenKind.SpacedDot, previous)) {
                  return;
            }
            continue; // `Rem`: a comment
          }
          if (isBlank(code)) {
            this.pos++;
            continue;
          }
          this.unknown(start);
          return;
      }
    }
  }
}
