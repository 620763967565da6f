/**
 * Scripts saved by Notepad ("Unicode"), the PowerShell ISE or `Out-File` in Windows PowerShell are
 * UTF-16, sometimes UTF-32, where ESLint reads every file as UTF-8. wua-lint decodes such bytes
 * itself; under plain ESLint the languages and processors recognise the misread text and say so once.
 */

export type ScriptEncoding = "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

export interface DecodedScript {
  readonly encoding: ScriptEncoding;
  readonly text: string;
}

/** How many leading bytes `unicodeEncodingOf` looks at. */
export const ENCODING_SAMPLE_BYTES = 4096;

/**
 * The encoding of a file whose bytes are UTF-16 or UTF-32 rather than UTF-8, judged from its first
 * bytes: a byte-order mark, or (UTF-16 only) NUL bytes that all fall on the same side of each pair,
 * as ASCII text has them. UTF-32 without a mark is not guessed: its NUL pattern is not unambiguous.
 */
export function unicodeEncodingOf(head: Uint8Array): ScriptEncoding | undefined {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return "utf-32le";
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return "utf-32be";
  if (b0 === 0xff && b1 === 0xfe) return "utf-16le";
  if (b0 === 0xfe && b1 === 0xff) return "utf-16be";
  return utf16WithoutMark(head);
}

/**
 * A UTF-8 script has no NUL byte at all. Latin text in UTF-16 has one in every pair, on the high
 * byte's side; on the other side only the rare character that ends in 00 (U+0100, a low surrogate)
 * puts one. Demanding a quarter of the pairs on one side and a sixteenth of that on the other keeps
 * binary files out.
 */
function utf16WithoutMark(head: Uint8Array): ScriptEncoding | undefined {
  const pairs = Math.floor(head.length / 2);
  if (pairs === 0) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  if (oddNuls * 4 >= pairs && evenNuls * 16 <= oddNuls) return "utf-16le";
  if (evenNuls * 4 >= pairs && oddNuls * 16 <= evenNuls) return "utf-16be";
  return undefined;
}

/**
 * The text of a UTF-16 or UTF-32 file, without its byte-order mark; undefined when the bytes are not
 * valid in that encoding (an odd length, a lone surrogate, a code point out of range), so that the
 * file is left to be read as UTF-8 and reported as unreadable.
 */
export function decodeUnicode(bytes: Uint8Array, encoding: ScriptEncoding): string | undefined {
  if (encoding === "utf-32le" || encoding === "utf-32be") return decodeUtf32(bytes, encoding === "utf-32le");
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** TextDecoder has no UTF-32. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string | undefined {
  if (bytes.length % 4 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: string[] = [];
  let codePoints: number[] = [];
  for (let offset = 0; offset < bytes.length; offset += 4) {
    const codePoint = view.getUint32(offset, littleEndian);
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
    if (offset === 0 && codePoint === 0xfeff) continue;
    codePoints.push(codePoint);
    // String.fromCodePoint takes its code points as arguments: keep each call well under the stack's limit.
    if (codePoints.length === 8192) {
      chunks.push(String.fromCodePoint(...codePoints));
      codePoints = [];
    }
  }
  chunks.push(String.fromCodePoint(...codePoints));
  return chunks.join("");
}

/**
 * UTF-16 or UTF-32 read as UTF-8, as ESLint reads every file: the byte-order mark becomes two
 * replacement characters followed by text full of NULs (one per character of Latin text, fewer for
 * other scripts); without a mark, Latin text is still every other character NUL.
 */
export function looksMisreadUnicode(text: string): boolean {
  // Text without a NUL is neither (every script in its right encoding): one fast search, no count.
  const firstNul = text.indexOf("\0");
  if (firstNul === -1) return false;
  if (/^\uFFFD\uFFFD/u.test(text) && text.slice(2, 512).includes("\0")) return true;
  let nuls = 0;
  for (let i = firstNul; i < text.length; i++) if (text.charCodeAt(i) === 0) nuls++;
  return nuls * 4 >= text.length;
}

/** The one message such a file gets under plain ESLint, whatever its language. */
export const MISREAD_UNICODE_MESSAGE =
  'This file could not be read: it looks saved as UTF-16 ("Unicode") or UTF-32, and ESLint reads files as UTF-8. ' +
  "wua rules did not check it. Save the file as UTF-8 (with or without a BOM), or lint it with wua-lint, which reads UTF-16 and UTF-32.";
