/**
 * Character classes of VBScript's lexical grammar. Names are ASCII letters, digits and `_`, and, as
 * Windows reads them, other letters too; blanks include the no-break space and the BOM (a file saved
 * as "Unicode" by Notepad, decoded without stripping it).
 */

const UNDERSCORE = 0x5f;
const NON_ASCII_LETTER = /\p{L}/u;

export function isAsciiLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A letter: what a name starts with. */
export function isLetter(code: number): boolean {
  return isAsciiLetter(code) || (code > 0x7f && NON_ASCII_LETTER.test(String.fromCharCode(code)));
}

/** A letter, digit or `_`: what a name goes on with. */
export function isWordPart(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code) || code === UNDERSCORE || (code > 0x7f && NON_ASCII_LETTER.test(String.fromCharCode(code)));
}

/** Blanks between tokens: space, tab, vertical tab, form feed, no-break space, the BOM, ideographic space. */
export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0xfeff || code === 0x3000;
}
