/**
 * Scans the parser asks for by name, where what the next characters mean depends on what it just
 * read, which the mode does not say: `.`, `::`, `?.`, `[` and `(` written right after an expression,
 * a `[` after blanks that may open an attribute, the rest of the line after `--%`, and an assembly
 * name in a type literal.
 */
import { endsAssemblyNamePart, isDoubleQuote, isWhitespace } from "./characters.js";
import { NumberScanner } from "./number-scanner.js";
import { Mode, type Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";

// Declared here, not imported: see scanner.ts.
const EOF = -1;
const CR = 0x0d;
const LF = 0x0a;

export abstract class ContextualScanner extends NumberScanner {
  /**
   * `.`, `::`, `?.`, `[` or `?[` written right after an expression, without blanks: member access,
   * a static member, or an index. Null when none follows.
   */
  memberAccessOperator(allowLBracket: boolean): Token | null {
    let code = this.peek();
    while (code === 0x3c) {
      // `$x<# comment #>.Member`
      this.tokenStart = this.pos;
      this.skip();
      if (this.peek() !== 0x23) {
        this.unget();
        return null;
      }
      this.skip();
      this.scanBlockComment();
      code = this.peek();
    }
    this.tokenStart = this.pos;
    if (code === 0x2e) {
      this.skip();
      const following = this.peek();
      if (following === 0x2e || (this.mode === Mode.Command && (isWhitespace(following) || following === EOF || following === CR || following === LF))) {
        this.unget();
        return null;
      }
      return this.newToken(TokenKind.Dot);
    }
    if (code === 0x3a) {
      this.skip();
      if (this.peek() !== 0x3a) {
        this.unget();
        return null;
      }
      this.skip();
      const following = this.peek();
      if (this.mode === Mode.Command && (isWhitespace(following) || following === EOF || following === CR || following === LF)) {
        this.pos -= 2;
        return null;
      }
      return this.newToken(TokenKind.ColonColon);
    }
    if (code === 0x5b && allowLBracket) {
      this.skip();
      return this.newToken(TokenKind.LBracket);
    }
    if (code === 0x3f) {
      this.skip();
      const following = this.peek();
      if (following === 0x2e) {
        this.skip();
        return this.newToken(TokenKind.QuestionDot);
      }
      if (following === 0x5b && allowLBracket) {
        this.skip();
        return this.newToken(TokenKind.QuestionLBracket);
      }
      this.unget();
    }
    return null;
  }

  /** `(` or `{` right after a member name: the member is invoked. */
  invokeMemberOpenParen(): Token | null {
    const code = this.peek();
    if (code !== 0x28 && code !== 0x7b) return null;
    this.tokenStart = this.pos;
    this.skip();
    return this.newToken(code === 0x28 ? TokenKind.LParen : TokenKind.LCurly);
  }

  /**
   * A `[` that may start an attribute or type, possibly after blanks and comments. A `.` or `:` after
   * blanks means the blanks ended an expression: back up.
   */
  lBracket(): Token | null {
    const resyncPoint = this.pos;
    let sawBlank = false;
    for (;;) {
      this.tokenStart = this.pos;
      const code = this.next();
      if (code === 0x20 || code === 0x09 || code === 0x0c || code === 0x0b || code === 0xa0 || code === 0x85) {
        sawBlank = true;
        this.skipWhitespace();
        continue;
      }
      if (code === 0x23) {
        sawBlank = true;
        this.scanLineComment();
        continue;
      }
      if (code === 0x3c && this.peek() === 0x23) {
        sawBlank = false;
        this.skip();
        this.scanBlockComment();
        continue;
      }
      if (code === 0x5b) return this.newToken(TokenKind.LBracket);
      if ((code === 0x2e || code === 0x3a) && sawBlank) {
        this.resync(resyncPoint);
        return null;
      }
      if (code !== 0x3c && isWhitespace(code)) {
        sawBlank = true;
        this.skipWhitespace();
        continue;
      }
      this.unget();
      return null;
    }
  }

  /** After `--%`: the rest of the line as one argument, up to `|` or `&&` outside double quotes. */
  verbatimCommandArgument(): Token {
    this.skipWhitespace();
    this.tokenStart = this.pos;
    let inQuotes = false;
    for (;;) {
      const code = this.next();
      if (code === CR || code === LF || code === EOF) {
        this.unget();
        break;
      }
      if (isDoubleQuote(code)) {
        inQuotes = !inQuotes;
        continue;
      }
      if (!inQuotes && (code === 0x7c || (code === 0x26 && this.peek() === 0x26))) {
        this.unget();
        break;
      }
    }
    const token = this.newToken(TokenKind.Generic);
    token.text = this.text.slice(token.start, token.end);
    return token;
  }

  /** An assembly name after a comma in a type literal: `[Type, Assembly, Version=1.0]`. */
  assemblyNameSpec(): string {
    let spec = this.assemblyNamePart();
    while (this.peek() === 0x2c) {
      this.skip();
      spec += `, ${this.assemblyNamePart()}`;
      if (this.peek() === 0x3d) {
        this.skip();
        spec += `=${this.assemblyNamePart()}`;
      }
    }
    return spec;
  }

  private assemblyNamePart(): string {
    this.skipWhitespace();
    const start = this.pos;
    while (!endsAssemblyNamePart(this.peek())) this.skip();
    const part = this.text.slice(start, this.pos);
    this.skipWhitespace();
    return part;
  }

}
