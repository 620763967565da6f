/**
 * PowerShell's character classes, as its tokenizer applies them: which characters are blanks, which
 * dashes and quotes it takes for `-`, `'` and `"` (text pasted from web pages is full of them), and
 * which characters end a bareword. ASCII is looked up in one table; other characters by Unicode class.
 */

export const EN_DASH = 0x2013;
export const EM_DASH = 0x2014;
export const HORIZONTAL_BAR = 0x2015;
const NO_BREAK_SPACE = 0x00a0;
const NEXT_LINE = 0x0085;

const enum Trait {
  IdentifierStart = 0x1,
  MultiplierStart = 0x2,
  TypeSuffix = 0x4,
  Whitespace = 0x8,
  Newline = 0x10,
  HexDigit = 0x20,
  Digit = 0x40,
  VariableStart = 0x80,
  /** Ends the token being scanned in every mode: blanks, line ends, `{ } ( ) ; , | &`. */
  ForceStartNewToken = 0x100,
  /** Ends a number in expression mode (`1+2`, `5KB]`). */
  EndsNumber = 0x200,
  /** Ends a part of an assembly name in a type literal. */
  EndsAssemblyNamePart = 0x400,
}

const TRAITS = new Uint16Array(128);

function give(chars: string, traits: number): void {
  for (const char of chars) TRAITS[char.charCodeAt(0)]! |= traits;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
give("\0", Trait.ForceStartNewToken | Trait.EndsAssemblyNamePart);
give("\t\v\f ", Trait.Whitespace | Trait.ForceStartNewToken | Trait.EndsAssemblyNamePart);
give("\n\r", Trait.Newline | Trait.ForceStartNewToken | Trait.EndsAssemblyNamePart);
give("&(){}|;", Trait.ForceStartNewToken);
give(",", Trait.ForceStartNewToken | Trait.EndsAssemblyNamePart);
give("!#%*+-./<>]", Trait.EndsNumber);
give("=", Trait.EndsNumber | Trait.EndsAssemblyNamePart);
give("]", Trait.EndsAssemblyNamePart);
give(LETTERS + "_", Trait.IdentifierStart);
give(LETTERS + "_0123456789$:?^", Trait.VariableStart);
give("0123456789", Trait.Digit | Trait.HexDigit);
give("abcdefABCDEF", Trait.HexDigit);
give("dlnsuyDLNSUY", Trait.TypeSuffix);
give("kmgtpKMGTP", Trait.MultiplierStart);

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
const SEPARATOR = /[\p{Zs}\p{Zl}\p{Zp}]/u;
// Compiled now: V8 compiles a regular expression on its first use, and a first use deep in a nested
// script, close to the stack's limit, can fail fatally (out of memory) instead of throwing.
for (const pattern of [LETTER, LETTER_OR_DIGIT, SEPARATOR]) pattern.test("\u00e9");

function has(code: number, trait: Trait): boolean {
  return (TRAITS[code]! & trait) !== 0;
}

/**
 * What the character after a backtick stands for: a control character for `0 a b e f n r t v`,
 * itself for any other (`u`, the Unicode escape, is read apart).
 */
export function backtickEscape(code: number): string {
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
    default: return String.fromCharCode(code);
  }
}

export function isLetter(code: number): boolean {
  return code < 128 ? has(code, Trait.IdentifierStart) && code !== 0x5f : LETTER.test(String.fromCharCode(code));
}

export function isLetterOrDigit(code: number): boolean {
  return code < 128 ? has(code, Trait.IdentifierStart | Trait.Digit) && code !== 0x5f : LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

/** Blanks between tokens (not line ends). */
export function isWhitespace(code: number): boolean {
  if (code < 128) return has(code, Trait.Whitespace);
  if (code <= 256) return code === NO_BREAK_SPACE || code === NEXT_LINE;
  return SEPARATOR.test(String.fromCharCode(code));
}

/** .NET's `char.IsWhiteSpace`: blanks, line ends and the separators, as after a backtick. */
export function isAnyWhitespace(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === NEXT_LINE || code === NO_BREAK_SPACE || isWhitespace(code);
}

export function isNewline(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

export function isDash(code: number): boolean {
  return code === 0x2d || code === EN_DASH || code === EM_DASH || code === HORIZONTAL_BAR;
}

/** `'` and the typographic single quotes ‘ ’ ‚ ‛. */
export function isSingleQuote(code: number): boolean {
  return code === 0x27 || (code >= 0x2018 && code <= 0x201b);
}

/** `"` and the typographic double quotes “ ” „. */
export function isDoubleQuote(code: number): boolean {
  return code === 0x22 || (code >= 0x201c && code <= 0x201e);
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isHexDigit(code: number): boolean {
  return code < 128 && has(code, Trait.HexDigit);
}

export function isIdentifierStart(code: number): boolean {
  return code < 128 ? has(code, Trait.IdentifierStart) : LETTER.test(String.fromCharCode(code));
}

export function isIdentifierFollow(code: number): boolean {
  return code < 128 ? has(code, Trait.IdentifierStart | Trait.Digit) : LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

/** What may follow `$` in a variable written without braces. */
export function isVariableStart(code: number): boolean {
  return code < 128 ? has(code, Trait.VariableStart) : LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

export function isTypeSuffix(code: number): boolean {
  return code < 128 && has(code, Trait.TypeSuffix);
}

export function isMultiplierStart(code: number): boolean {
  return code < 128 && has(code, Trait.MultiplierStart);
}

/** Ends a bareword, a number or an identifier whatever the mode. `-1` (end of text) does too. */
export function forcesNewToken(code: number): boolean {
  if (code < 0) return true;
  return code < 128 ? has(code, Trait.ForceStartNewToken) : isWhitespace(code);
}

/** Ends a number in expression mode; `?` and `:` too inside a ternary. */
export function endsNumber(code: number, inTernary: boolean): boolean {
  if (code < 128) return has(code, Trait.EndsNumber) || (inTernary && (code === 0x3f || code === 0x3a));
  return isDash(code);
}

export function endsAssemblyNamePart(code: number): boolean {
  if (code < 0) return true;
  return code < 128 ? has(code, Trait.EndsAssemblyNamePart) : isWhitespace(code);
}
