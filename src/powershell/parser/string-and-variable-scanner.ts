/**
 * Strings and variables as PowerShell's tokenizer reads them: backtick escapes, single-quoted
 * (verbatim) and double-quoted (expandable) strings, here-strings, barewords (the unquoted strings of
 * argument mode) and variables (`$name`, `$env:PATH`, `${any text}`, `@splat`). They read into one
 * another: an expandable string holds variables, a variable in argument mode may run on as a
 * bareword, and a bareword may hold quoted parts.
 */
import { backtickEscape, forcesNewToken, isDoubleQuote, isHexDigit, isLetterOrDigit, isSingleQuote, isVariableStart, isWhitespace } from "./characters.js";
import { Scanner } from "./scanner.js";
import { Mode, Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";

// Declared here, not imported: see scanner.ts.
const EOF = -1;
const CR = 0x0d;
const LF = 0x0a;
const BACKTICK = 0x60;
const DOLLAR = 0x24;

export abstract class StringAndVariableScanner extends Scanner {
  // --- escapes -------------------------------------------------------------------------------

  /** The text a backtick escape stands for; `code` is the character after the backtick. */
  protected backtick(code: number): string {
    return code === 0x75 ? this.unicodeEscape() : backtickEscape(code);
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
  protected scanVerbatimString(): string {
    const quote = this.pos - 1;
    let value = "";
    let runStart = this.pos;
    for (;;) {
      const code = this.next();
      if (code === EOF) {
        value += this.slice(runStart, this.limit);
        this.unget();
        this.incomplete(quote, 1, "TerminatorExpectedAtEndOfString", "The string is missing its closing quote (').", true);
        return value;
      }
      if (isSingleQuote(code)) {
        value += this.slice(runStart, this.pos - 1);
        if (!isSingleQuote(this.peek())) return value;
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
  protected scanExpandableString(nested: Token[]): string {
    const quote = this.pos - 1;
    let value = "";
    let runStart = this.pos;
    for (;;) {
      const code = this.next();
      if (code === EOF) {
        value += this.slice(runStart, this.limit);
        this.unget();
        this.incomplete(quote, 1, "TerminatorExpectedAtEndOfString", 'The string is missing its closing quote (").', true);
        return value;
      }
      if (isDoubleQuote(code)) {
        value += this.slice(runStart, this.pos - 1);
        if (!isDoubleQuote(this.peek())) return value;
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
  private scanDollarInString(hereString: boolean, nested: Token[]): boolean {
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
        break;
      }
    }
    const token = new Token(TokenKind.DollarParen, start, this.pos);
    token.skipped = skipped;
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
    if (!this.scanHereStringHeader(double)) return this.newToken(kind);
    const falseFooter = { at: -1 };
    let value = "";
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
        value += this.slice(runStart, this.pos - 1) + this.scanVerbatimString();
        runStart = this.pos;
      } else if (isDoubleQuote(code)) {
        value += this.slice(runStart, this.pos - 1) + this.scanExpandableString((nested ??= []));
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
