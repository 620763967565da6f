/**
 * PowerShell's tokenizer: pulled one token at a time by the parser, in the mode the parser asks for
 * (argument mode reads `Get-Item` and `C:\x` as words, expression mode reads `-` and `.` as operators).
 * The first character decides what is scanned, as in PowerShell's own `NextToken`; the scans the
 * parser asks for by name are in the classes it is built on (scanner.ts, contextual-scanner.ts).
 */
import { forcesNewToken, isAnyWhitespace, isDash, isDigit, isDoubleQuote, isIdentifierFollow, isIdentifierStart, isLetter, isLetterOrDigit, isSingleQuote, isVariableStart, isWhitespace } from "./characters.js";
import { ContextualScanner } from "./contextual-scanner.js";
import { Mode, Token } from "./token.js";
import { DASH_OPERATORS, KEYWORDS, TokenKind } from "./token-kinds.js";

// Declared here, not imported: see scanner.ts.
const EOF = -1;
const CR = 0x0d;
const LF = 0x0a;

export class Tokenizer extends ContextualScanner {
  /** The next token in the current mode. */
  nextToken(): Token {
    for (;;) {
      this.tokenStart = this.pos;
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
        case 0x27:
        case 0x2018:
        case 0x2019:
        case 0x201a:
        case 0x201b: {
          const value = this.scanVerbatimString();
          const token = this.newToken(TokenKind.StringLiteral);
          token.text = value;
          return token;
        }
        case 0x22:
        case 0x201c:
        case 0x201d:
        case 0x201e: {
          const nested: Token[] = [];
          const value = this.scanExpandableString(nested);
          const token = this.newToken(TokenKind.StringExpandable);
          token.text = value;
          if (nested.length > 0) token.nested = nested;
          return token;
        }
        case 0x40:
          return this.scanAt();
        case 0x23:
          this.scanLineComment();
          continue;
        case LF:
          return this.newToken(TokenKind.NewLine);
        case CR:
          this.normalizeCrLf(code);
          return this.newToken(TokenKind.NewLine);
        case 0x60: {
          const escaped = this.next();
          if (escaped === CR) this.normalizeCrLf(escaped);
          if (escaped === LF || escaped === CR) continue;
          if (isAnyWhitespace(escaped)) {
            this.skipWhitespace();
            continue;
          }
          if (escaped === EOF) {
            this.incomplete(this.pos - 1, 1, "IncompleteString", "The script ends with a backtick that escapes nothing.");
            this.unget();
            continue;
          }
          return this.scanGenericToken(this.backtick(escaped));
        }
        case 0x3d:
          return this.operatorOrWord(TokenKind.Equals, 1);
        case 0x2b:
          return this.scanPlus();
        case 0x2d:
        case 0x2013:
        case 0x2014:
        case 0x2015:
          return this.scanDash();
        case 0x2a:
          return this.scanStar();
        case 0x2f:
          if (this.peek() === 0x3d) {
            this.skip();
            return this.operatorOrWord(TokenKind.DivideEquals, 2);
          }
          return this.operatorOrWord(TokenKind.Divide, 1);
        case 0x25:
          if (this.peek() === 0x3d) {
            this.skip();
            return this.operatorOrWord(TokenKind.RemainderEquals, 2);
          }
          return this.operatorOrWord(TokenKind.Rem, 1);
        case 0x24:
          if (this.peek() === 0x28) {
            this.skip();
            return this.newToken(TokenKind.DollarParen);
          }
          return this.scanVariable(false, false);
        case 0x3c:
          if (this.peek() === 0x23) {
            this.skip();
            this.scanBlockComment();
            continue;
          }
          return this.newToken(TokenKind.RedirectInStd);
        case 0x3e:
          if (this.peek() === 0x3e) {
            this.skip();
            return this.redirection(1, -1, true);
          }
          return this.redirection(1, -1, false);
        case 0x28:
          return this.newToken(TokenKind.LParen);
        case 0x29:
          return this.newToken(TokenKind.RParen);
        case 0x5b:
          if (this.mode === Mode.Command && !forcesNewToken(this.peek())) return this.scanGenericToken("[");
          return this.newToken(TokenKind.LBracket);
        case 0x5d:
          return this.newToken(TokenKind.RBracket);
        case 0x7b:
          return this.newToken(TokenKind.LCurly);
        case 0x7d:
          return this.newToken(TokenKind.RCurly);
        case 0x2e:
          return this.scanDot();
        case 0x3b:
          return this.newToken(TokenKind.Semi);
        case 0x2c:
          return this.newToken(TokenKind.Comma);
        case 0x26:
          if (this.peek() === 0x26) {
            this.skip();
            return this.newToken(TokenKind.AndAnd);
          }
          return this.newToken(TokenKind.Ampersand);
        case 0x7c:
          if (this.peek() === 0x7c) {
            this.skip();
            return this.newToken(TokenKind.OrOr);
          }
          return this.newToken(TokenKind.Pipe);
        case 0x21:
          return this.scanExclaim();
        case 0x3a:
          return this.scanColon();
        case EOF:
          this.unget();
          return new Token(TokenKind.EndOfInput, this.limit, this.limit);
        default:
          if (code >= 0x31 && code <= 0x36 && this.peek() === 0x3e) return this.scanNumberedRedirection(code - 0x30);
          if (isDigit(code)) return this.scanNumber(code);
          if (code === 0x3f && this.mode === Mode.Expression) return this.scanQuestion();
          if (isIdentifierStart(code)) return this.scanIdentifier();
          if (isWhitespace(code)) {
            this.skipWhitespace();
            continue;
          }
          return this.scanGenericToken(String.fromCharCode(code));
      }
    }
  }

  /** An operator, unless in command mode a word character follows (`=x` and `*.txt` are words there). */
  private operatorOrWord(kind: TokenKind, length: number): Token {
    if (this.mode === Mode.Command && !forcesNewToken(this.peek())) return this.scanGenericToken(this.text.slice(this.tokenStart, this.tokenStart + length));
    return this.newToken(kind);
  }

  private scanAt(): Token {
    const code = this.next();
    if (code === 0x7b) return this.newToken(TokenKind.AtCurly);
    if (code === 0x28) return this.newToken(TokenKind.AtParen);
    if (isSingleQuote(code)) return this.scanHereString(false, []);
    if (isDoubleQuote(code)) {
      const nested: Token[] = [];
      const token = this.scanHereString(true, nested);
      if (nested.length > 0) token.nested = nested;
      return token;
    }
    this.unget();
    if (isVariableStart(code)) return this.scanVariable(true, false);
    this.error(this.pos - 1, this.pos, "UnrecognizedToken", "`@` here starts nothing PowerShell knows: `@(`, `@{`, `@'`, `@\"` or a splatted `@name`.");
    return this.newToken(TokenKind.Unknown);
  }

  private scanPlus(): Token {
    const following = this.peek();
    if (following === 0x2b) {
      this.skip();
      return this.operatorOrWord(TokenKind.PlusPlus, 2);
    }
    if (following === 0x3d) {
      this.skip();
      return this.operatorOrWord(TokenKind.PlusEquals, 2);
    }
    if (this.allowSignedNumbers && (isDigit(following) || following === 0x2e)) return this.scanNumber(0x2b);
    return this.operatorOrWord(TokenKind.Plus, 1);
  }

  private scanDash(): Token {
    const following = this.peek();
    if (isDash(following)) {
      this.skip();
      return this.operatorOrWord(TokenKind.MinusMinus, 2);
    }
    if (following === 0x3d) {
      this.skip();
      return this.operatorOrWord(TokenKind.MinusEquals, 2);
    }
    if (isLetter(following) || following === 0x5f || following === 0x3f) return this.scanParameter();
    if (this.allowSignedNumbers && (isDigit(following) || following === 0x2e)) return this.scanNumber(0x2d);
    return this.operatorOrWord(TokenKind.Minus, 1);
  }

  private scanStar(): Token {
    const following = this.peek();
    if (following === 0x3d) {
      this.skip();
      return this.operatorOrWord(TokenKind.MultiplyEquals, 2);
    }
    if (following === 0x3e) {
      this.skip();
      if (this.peek() === 0x3e) {
        this.skip();
        return this.redirection(0, -1, true);
      }
      if (this.peek() === 0x26) {
        this.skip();
        if (this.peek() === 0x31) {
          this.skip();
          return this.redirection(0, 1, false);
        }
        this.unget();
      }
      return this.redirection(0, -1, false);
    }
    return this.operatorOrWord(TokenKind.Multiply, 1);
  }

  /**
   * `2>`, `2>>`, `3>&1` and the other streams 1 to 6. In expression mode a file redirection that names
   * its stream is the number alone (`1..3>variable:a` ends with the number 3, then `>`).
   */
  private scanNumberedRedirection(from: number): Token {
    this.skip();
    const following = this.peek();
    if (following === 0x3e) {
      this.skip();
      return this.numberedFileRedirection(from, true);
    }
    if (following === 0x26) {
      this.skip();
      const to = this.peek();
      if (to === 0x31 || to === 0x32) {
        this.skip();
        return this.redirection(from, to - 0x30, false);
      }
      this.unget();
    }
    return this.numberedFileRedirection(from, false);
  }

  private numberedFileRedirection(from: number, append: boolean): Token {
    if (this.mode !== Mode.Expression) return this.redirection(from, -1, append);
    this.pos = this.tokenStart + 1;
    const token = this.newToken(TokenKind.Number);
    token.number = from;
    return token;
  }

  private redirection(from: number, to: number, append: boolean): Token {
    const token = this.newToken(TokenKind.Redirection);
    token.fromStream = from;
    token.toStream = to;
    token.append = append;
    return token;
  }

  private scanExclaim(): Token {
    const following = this.peek();
    if ((this.mode === Mode.Command && !forcesNewToken(following)) || (this.mode === Mode.Expression && isIdentifierStart(following))) {
      return this.scanGenericToken("!");
    }
    return this.newToken(TokenKind.Exclaim);
  }

  private scanColon(): Token {
    if (this.peek() === 0x3a) {
      this.skip();
      if (this.mode === Mode.Command && !this.wantSimpleName && !forcesNewToken(this.peek())) return this.scanGenericToken("::");
      return this.newToken(TokenKind.ColonColon);
    }
    if (this.mode === Mode.Command) return this.scanLabel();
    return this.newToken(TokenKind.Colon);
  }

  private scanQuestion(): Token {
    if (this.peek() === 0x3f) {
      this.skip();
      if (this.peek() === 0x3d) {
        this.skip();
        return this.newToken(TokenKind.QuestionQuestionEquals);
      }
      return this.newToken(TokenKind.QuestionQuestion);
    }
    return this.newToken(TokenKind.QuestionMark);
  }

  /** After a dash: a parameter (`-Name`, `-Name:`), or in expression mode an operator (`-eq`). */
  private scanParameter(): Token {
    const nameStart = this.pos;
    let nameEnd = -1;
    let colon = false;
    for (;;) {
      const code = this.next();
      if (isWhitespace(code)) {
        this.unget();
        break;
      }
      if (code === 0x7b || code === 0x7d || code === 0x28 || code === 0x29 || code === 0x3b || code === 0x2c || code === 0x7c || code === 0x26 || code === 0x2e || code === 0x5b || code === CR || code === LF || code === EOF) {
        this.unget();
        break;
      }
      if (code === 0x3a) {
        colon = true;
        nameEnd = this.pos - 1;
        if (this.mode !== Mode.Command) this.unget();
        break;
      }
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) continue;
      if (isSingleQuote(code) || isDoubleQuote(code)) {
        this.unget();
        if (this.mode === Mode.Command) return this.scanGenericToken(this.slice(this.tokenStart, this.pos));
        break;
      }
      if (this.mode === Mode.Command) continue;
      this.unget();
      break;
    }
    const name = this.slice(nameStart, nameEnd === -1 ? this.pos : nameEnd);
    if (this.mode === Mode.Expression) {
      const operator = DASH_OPERATORS.get(name.toLowerCase());
      if (operator !== undefined) {
        const token = this.newToken(operator);
        token.text = `-${name.toLowerCase()}`;
        return token;
      }
    }
    if (name.length === 0) return this.newToken(TokenKind.Minus);
    const token = this.newToken(TokenKind.Parameter);
    token.text = name;
    token.colon = colon;
    return token;
  }

  private scanDot(): Token {
    const following = this.peek();
    if (following === 0x2e) {
      this.skip();
      if (this.mode === Mode.Command && !forcesNewToken(this.peek())) {
        this.unget();
        return this.scanGenericToken(".");
      }
      return this.newToken(TokenKind.DotDot);
    }
    if (isDigit(following)) return this.scanNumber(0x2e);
    if (this.mode === Mode.Command && !forcesNewToken(following) && following !== 0x24 && following !== 0x22 && following !== 0x27) {
      return this.scanGenericToken(".");
    }
    return this.newToken(TokenKind.Dot);
  }

  /** A word that starts with a letter: a keyword, an identifier, or in command mode a bareword. */
  private scanIdentifier(): Token {
    while (isIdentifierFollow(this.peek())) this.skip();
    const following = this.peek();
    if (this.mode === Mode.TypeName) return this.scanTypeName();
    if (!this.wantSimpleName && this.mode === Mode.Command && !forcesNewToken(following)) {
      return this.scanGenericToken(this.text.slice(this.tokenStart, this.pos));
    }
    const word = this.text.slice(this.tokenStart, this.pos);
    if (!this.wantSimpleName && (this.mode === Mode.Command || this.mode === Mode.Signature)) {
      const keyword = KEYWORDS.get(word.toLowerCase());
      if (keyword !== undefined && (keyword !== TokenKind.InlineScript || this.inWorkflowContext)) {
        const token = this.newToken(keyword);
        token.text = word;
        return token;
      }
    }
    const token = this.newToken(TokenKind.Identifier);
    token.text = word;
    return token;
  }

  /** A type name's word: dots, backticks, `+`, `#` and `\` belong to it (`System.Collections.Generic.List`). */
  private scanTypeName(): Token {
    for (;;) {
      const code = this.peek();
      if (code === 0x2e || code === 0x60 || code === 0x5f || code === 0x2b || code === 0x23 || code === 0x5c || (code >= 0 && isLetterOrDigit(code))) {
        this.skip();
        continue;
      }
      break;
    }
    const token = this.newToken(TokenKind.Identifier);
    token.text = this.slice(this.tokenStart, this.pos);
    return token;
  }

  /** After `:` in command mode: a loop label (`:outer`), or a bareword. */
  private scanLabel(): Token {
    let code = this.next();
    if (!isIdentifierStart(code)) {
      this.unget();
      if (code === EOF) {
        const token = this.newToken(TokenKind.Generic);
        token.text = ":";
        return token;
      }
      return this.scanGenericToken(":");
    }
    while (isIdentifierFollow(code)) code = this.next();
    if (this.mode === Mode.Command && !forcesNewToken(code)) {
      return this.scanGenericToken(this.text.slice(this.tokenStart, this.pos));
    }
    this.unget();
    const token = this.newToken(TokenKind.Label);
    token.text = this.text.slice(this.tokenStart + 1, this.pos);
    return token;
  }
}
