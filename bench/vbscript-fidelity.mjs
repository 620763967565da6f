// Fidelity of our VBScript parser (dist/vbscript/parser) on real scripts. Dev-only.
//
//   npx tsc -p tsconfig.build.json
//   node bench/vbscript-fidelity.mjs <corpus folder> [details.json]
//
// Parses every .vbs file under the folder (decoded as cscript reads it: UTF-16 or UTF-8 by their BOM,
// else UTF-8 when valid, else Windows-1252), counts the files read without error, and lists each file
// with errors, its first error (message, number, line:column and the line's text). Errors are grouped
// by message to show which kinds dominate. Also checks, on every tree, that each node's range lies
// within its parent's and that parents are set, and prints the parse time.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "../dist/vbscript/parser/index.js";
import { forEachChild } from "../dist/vbscript/parser/children.js";

const [input, detailsPath = "/tmp/vbscript-fidelity.json"] = process.argv.slice(2);
if (input === undefined) {
  process.stderr.write("usage: node bench/vbscript-fidelity.mjs <corpus folder> [details.json]\n");
  process.exit(2);
}

// The bytes 0x80-0x9F of Windows-1252, where it differs from Latin-1.
const WINDOWS_1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    let text = "";
    for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    return text;
  }
}

/** Problems in the tree's shape: a child outside its parent, a wrong parent. */
function shapeProblems(root) {
  const problems = [];
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    forEachChild(node, (child) => {
      if (child.parent !== node) problems.push(`${child.type} [${child.range}] has the wrong parent`);
      if (child.range[0] < node.range[0] || child.range[1] > node.range[1]) problems.push(`${child.type} [${child.range}] lies outside ${node.type} [${node.range}]`);
      pending.push(child);
    });
  }
  return problems;
}

const root = resolve(input);
const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.vbs$/i.test(entry.name))
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
  .sort();

const texts = files.map((file) => decode(readFileSync(file)));
let clean = 0;
let lines = 0;
const failures = [];
const byMessage = new Map();
const shape = [];
for (const [index, text] of texts.entries()) {
  lines += text.split("\n").length;
  const tree = parse(text);
  const problems = shapeProblems(tree);
  if (problems.length > 0) shape.push({ file: files[index].slice(root.length + 1), problems: problems.slice(0, 3) });
  if (tree.errors.length === 0) {
    clean++;
    continue;
  }
  const error = tree.errors[0];
  const lineText = text.split(/\r\n|\r|\n/)[error.loc.start.line - 1] ?? "";
  const failure = {
    file: files[index].slice(root.length + 1),
    message: error.message,
    code: error.code,
    at: `${error.loc.start.line}:${error.loc.start.column}`,
    line: lineText.trim().slice(0, 160),
    errors: tree.errors.length,
  };
  failures.push(failure);
  byMessage.set(error.message, (byMessage.get(error.message) ?? 0) + 1);
}

// Time: every file parsed several times, the median pass.
const passes = [];
for (let pass = 0; pass < 5; pass++) {
  const start = performance.now();
  for (const text of texts) parse(text);
  passes.push(performance.now() - start);
}
passes.sort((a, b) => a - b);

console.log(`VBScript corpus: ${files.length} files, ${lines} lines under ${root}`);
console.log(`parsed without error: ${clean} (${((100 * clean) / Math.max(1, files.length)).toFixed(1)}%); with errors: ${failures.length}`);
console.log(`tree shape problems: ${shape.length} files`);
for (const { file, problems } of shape.slice(0, 10)) console.log(`  ${file}: ${problems.join("; ")}`);
console.log("first errors by message:");
for (const [message, count] of [...byMessage].sort((a, b) => b[1] - a[1])) console.log(`  ${count}  ${message}`);
console.log("files with errors (first error):");
for (const failure of failures) console.log(`  ${failure.file} ${failure.at} ${failure.message} (${failure.code}): ${failure.line}`);
console.log(`parse time, median of ${passes.length} passes: ${passes[Math.floor(passes.length / 2)].toFixed(0)} ms`);
writeFileSync(detailsPath, JSON.stringify({ files: files.length, clean, failures, shape }, null, 2));
