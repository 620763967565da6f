/** Telling UTF-16 and UTF-32 bytes from UTF-8 and binary ones, and decoding them. */
import { describe, expect, it } from "vitest";
import { pseudoRandomBytes } from "../pseudo-random-bytes.js";
import { decodeUnicode, looksMisreadUnicode, unicodeEncodingOf } from "../../src/text/encoding.js";

const TEXT = 'Set-Content -Path x.txt -Value "é 😀 日本"\r\n$s = New-Object -ComObject Microsoft.Update.Session\r\n';
const le = (text: string): Buffer => Buffer.from(text, "utf16le");
const be = (text: string): Buffer => le(text).swap16();
const mark = (bytes: number[], body: Buffer): Buffer => Buffer.concat([Buffer.from(bytes), body]);

function utf32(text: string, littleEndian: boolean, withMark = true): Buffer {
  const codePoints = [...(withMark ? [0xfeff] : []), ...Array.from(text, (c) => c.codePointAt(0)!)];
  const bytes = Buffer.alloc(codePoints.length * 4);
  codePoints.forEach((cp, i) => (littleEndian ? bytes.writeUInt32LE(cp, i * 4) : bytes.writeUInt32BE(cp, i * 4)));
  return bytes;
}

describe("unicodeEncodingOf and decodeUnicode", () => {
  it.each([
    ["UTF-16 LE with a mark", mark([0xff, 0xfe], le(TEXT)), "utf-16le"],
    ["UTF-16 BE with a mark", mark([0xfe, 0xff], be(TEXT)), "utf-16be"],
    ["UTF-16 LE without a mark", le(TEXT), "utf-16le"],
    ["UTF-16 BE without a mark", be(TEXT), "utf-16be"],
    ["UTF-32 LE", utf32(TEXT, true), "utf-32le"],
    ["UTF-32 BE", utf32(TEXT, false), "utf-32be"],
  ])("%s is recognised and decoded to the text, without its mark", (_, bytes, encoding) => {
    expect(unicodeEncodingOf(bytes.subarray(0, 4096))).toBe(encoding);
    expect(decodeUnicode(bytes, encoding as never)).toBe(TEXT);
  });

  it.each([
    ["UTF-8", Buffer.from(TEXT)],
    ["UTF-8 with a mark", mark([0xef, 0xbb, 0xbf], Buffer.from(TEXT))],
    ["empty", Buffer.alloc(0)],
    ["one byte", Buffer.from([0x41])],
    ["UTF-32 LE without a mark (NULs on both sides of each pair)", utf32(TEXT, true, false)],
    ...[1, 2, 3, 4, 5].map((seed) => [`random bytes #${seed}`, pseudoRandomBytes(3000, seed)] as [string, Buffer]),
  ])("%s is left to be read as UTF-8", (_, bytes) => {
    expect(unicodeEncodingOf(bytes)).toBeUndefined();
  });

  it("refuses bytes that are not valid in the encoding, so that they are read as UTF-8 and reported", () => {
    expect(decodeUnicode(Buffer.from([0xff, 0xfe, 0x41]), "utf-16le")).toBeUndefined();
    expect(decodeUnicode(mark([0xff, 0xfe], Buffer.from([0x3d, 0xd8, 0x41, 0x00])), "utf-16le")).toBeUndefined();
    expect(decodeUnicode(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0]), "utf-32le")).toBeUndefined();
    expect(decodeUnicode(Buffer.from([0xff, 0xfe, 0, 0, 0, 0, 0x11, 0]), "utf-32le")).toBeUndefined();
    expect(decodeUnicode(Buffer.from([0xff, 0xfe, 0, 0, 0x00, 0xd8, 0, 0]), "utf-32le")).toBeUndefined();
  });

  it("decodes a long UTF-32 file whole", () => {
    const long = "Get-HotFix | Out-Null # 😀\r\n".repeat(2000);
    expect(decodeUnicode(utf32(long, true), "utf-32le")).toBe(long);
  });
});

describe("looksMisreadUnicode", () => {
  const misread = (bytes: Buffer): string => new TextDecoder("utf-8").decode(bytes);

  it.each([
    ["UTF-16 LE with a mark", mark([0xff, 0xfe], le(TEXT))],
    ["UTF-16 BE without a mark", be(TEXT)],
    ["UTF-32 LE", utf32(TEXT, true)],
  ])("sees %s read as UTF-8", (_, bytes) => {
    expect(looksMisreadUnicode(misread(bytes))).toBe(true);
  });

  it("does not see it in UTF-8 text, even with one NUL", () => {
    expect(looksMisreadUnicode(TEXT)).toBe(false);
    expect(looksMisreadUnicode(`${TEXT}\0`)).toBe(false);
  });
});
