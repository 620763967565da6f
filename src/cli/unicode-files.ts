/**
 * ESLint reads every file as UTF-8. Scripts saved by Notepad ("Unicode") or the PowerShell ISE are
 * UTF-16, and PowerShell, cscript and mshta run them all the same: wua-lint lints their real text.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import type { ESLint } from "eslint";
import { decodeUnicode, ENCODING_SAMPLE_BYTES, unicodeEncodingOf, type ScriptEncoding } from "../text/encoding.js";

/** The results, with each UTF-16 or UTF-32 file linted again from its decoded text. */
export async function withUnicodeFilesDecoded(eslint: ESLint, results: ESLint.LintResult[]): Promise<ESLint.LintResult[]> {
  return Promise.all(
    results.map(async (result) => {
      const text = decodedText(result.filePath);
      if (text === undefined) return result;
      const [decoded] = await eslint.lintText(text, { filePath: result.filePath });
      return decoded ?? result;
    }),
  );
}

/** The file's text when it is UTF-16 or UTF-32; undefined for UTF-8 and anything unreadable (ESLint has said why). */
function decodedText(path: string): string | undefined {
  const encoding = encodingOnDisk(path);
  if (encoding === undefined) return undefined;
  try {
    return decodeUnicode(readFileSync(path), encoding);
  } catch {
    return undefined;
  }
}

/** Only the first bytes: a folder of UTF-8 scripts costs one small read per file. */
function encodingOnDisk(path: string): ScriptEncoding | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "r");
    const head = new Uint8Array(ENCODING_SAMPLE_BYTES);
    const length = readSync(descriptor, head, 0, head.length, 0);
    return unicodeEncodingOf(head.subarray(0, length));
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
