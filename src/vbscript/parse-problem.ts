/**
 * The one message a VBScript file gets when cscript itself would not run it: VBScript compiles the
 * whole file before running a line, so its first error stops everything; the wua rules still check
 * what the parser could read. Text that is not VBScript at all (UTF-16 read as UTF-8, binary data)
 * gets a message of its own.
 */
import type { FileProblem } from "../languages/script-source-code.js";
import { looksMisreadUnicode, MISREAD_UNICODE_MESSAGE } from "../text/encoding.js";
import type { ProgramAst } from "./parser/ast.js";

export function describeVBScriptProblem(text: string, ast: ProgramAst, lineOf: (offset: number) => number): FileProblem | undefined {
  // Checked first: text read in the wrong encoding may still parse as something.
  if (looksMisreadUnicode(text)) return { range: [0, text.length], message: MISREAD_UNICODE_MESSAGE };
  const [first] = ast.errors;
  if (first === undefined) return undefined;
  if (text.includes("\0") || text.includes("\uFFFD")) {
    return {
      range: [0, text.trimEnd().length],
      message: "This file could not be read as VBScript: it holds bytes that are not text. wua rules did not check what they could not read. Check that it is a VBScript file, saved as UTF-8 or UTF-16.",
    };
  }
  const number = first.code === null ? "" : ` (${first.code})`;
  const [start, end] = first.range;
  // An empty error range is widened to one character, so that editors show it, but never onto a line end.
  const widened = start < text.length && text[start] !== "\r" && text[start] !== "\n" ? start + 1 : start;
  return {
    range: end > start ? first.range : [start, widened],
    message:
      `VBScript cannot run this file: ${first.message}${number} at line ${lineOf(start)}, column ${first.loc.start.column + 1}. ` +
      "cscript stops before running any of it; wua rules checked the rest of the file as code. Correct the script and lint again.",
  };
}
