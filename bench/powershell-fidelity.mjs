// Fidelity of our PowerShell parser (dist/powershell/parser) on real scripts. Dev-only.
//
//   npx tsc -p tsconfig.build.json
//   node bench/powershell-fidelity.mjs <corpus folder | manifest.json> [details.json]
//
// 1. Parses every .ps1/.psm1 file (a manifest's list, or the folder walked) and counts the files
//    read without error; lists each file with errors (its first error), and the parse time.
// 2. On the files tree-sitter-powershell reads without an ERROR or MISSING node, compares four sets
//    of [start, end) ranges taken from both trees (bench/tree-sitter-reference.mjs for tree-sitter):
//    command names (the bareword name of a command not called with & or .), member names (after
//    `.` or `::`), variables (also those in strings and in `$using:`), and quoted strings. Prints
//    per category the files and ranges that differ, with a few examples, and writes every difference
//    to a JSON file (default /tmp/powershell-fidelity.json).
// 3. Times our parse against tree-sitter's bare parse (no walk) and its read (parse + walk). The
//    reference reader runs V8 with --liftoff-only (baseline wasm code), which slows tree-sitter.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { parse } from "../dist/powershell/parser/index.js";
import { VISITOR_KEYS } from "../dist/powershell/parser/visitor-keys.js";
import { decodeScriptBytes, loadTreeSitter, readWithTreeSitter } from "./tree-sitter-reference.mjs";

const CATEGORIES = ["commandNames", "memberNames", "variables", "strings"];
const EXAMPLES_PER_CATEGORY = 8;

const [input, detailsPath = "/tmp/powershell-fidelity.json"] = process.argv.slice(2);
if (input === undefined) {
  process.stderr.write("usage: node bench/powershell-fidelity.mjs <corpus folder | manifest.json> [details.json]\n");
  process.exit(2);
}

/** [{ path (as reported), file (to read) }] from a manifest or a folder. */
function listFiles(target) {
  const manifest = target.endsWith(".json") ? target : join(target, "manifest.json");
  try {
    return JSON.parse(readFileSync(manifest, "utf8")).map((entry) => ({ path: `${entry.repo}/${entry.path}`, file: entry.file }));
  } catch (error) {
    if (error.code !== "ENOENT" || target.endsWith(".json")) throw error;
  }
  return readdirSync(target, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.psm?1$/i.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort()
    .map((file) => ({ path: file.slice(resolve(target).length + 1), file }));
}

/** Our tree's four range lists, shaped as tree-sitter-reference.mjs shapes its own. */
function readOurs(root) {
  const sets = { commandNames: [], memberNames: [], variables: [], strings: [] };
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    switch (node.type) {
      case "CommandAst": {
        const name = node.commandElements[0];
        if (node.invocationOperator === null && name !== undefined && isBareWord(name)) sets.commandNames.push(name.range);
        break;
      }
      case "MemberExpressionAst":
      case "InvokeMemberExpressionAst":
        sets.memberNames.push(node.member.range);
        break;
      case "VariableExpressionAst":
        sets.variables.push(node.range);
        break;
      case "StringConstantExpressionAst":
      case "ExpandableStringExpressionAst":
        if (node.stringConstantType !== "BareWord") sets.strings.push(node.range);
        break;
    }
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child != null) pending.push(child);
      } else if (value != null) {
        pending.push(value);
      }
    }
  }
  return sets;
}

function isBareWord(node) {
  return (node.type === "StringConstantExpressionAst" || node.type === "ExpandableStringExpressionAst") && node.stringConstantType === "BareWord";
}

/** Ranges in one list and not the other, both ways (duplicates count once). */
function difference(ours, theirs) {
  const oursKeys = new Set(ours.map(([s, e]) => `${s}:${e}`));
  const theirsKeys = new Set(theirs.map(([s, e]) => `${s}:${e}`));
  const only = (keys, other) => [...keys].filter((key) => !other.has(key)).map((key) => key.split(":").map(Number));
  return { ours: only(oursKeys, theirsKeys), treeSitter: only(theirsKeys, oursKeys) };
}

function lineStarts(text) {
  const starts = [0];
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** 1-based line of a UTF-16 offset. */
function lineOf(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** Up to `count` items taken evenly from the list (the first ones are often of one kind: one repository). */
function spread(items, count) {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]);
}

const clip = (text, max = 60) => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
const formatMs = (ms) => `${Math.round(ms).toLocaleString("en-US")} ms`;

const files = listFiles(input);
await loadTreeSitter();
const bareTreeSitter = await loadBareTreeSitter();

const totals = { ours: 0, treeSitterBare: 0, treeSitterRead: 0 };
const filesWithErrors = [];
const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c, { files: 0, onlyOurs: 0, onlyTreeSitter: 0 }]));
const differingFiles = [];
let treeSitterClean = 0;
let cleanWithOurErrors = 0;
let agreeing = 0;

for (const { path, file } of files) {
  const text = decodeScriptBytes(readFileSync(file));
  let start = performance.now();
  const ast = parse(text);
  totals.ours += performance.now() - start;

  if (ast.errors.length > 0) {
    const [first] = ast.errors;
    filesWithErrors.push({ path, errors: ast.errors.length, errorId: first.errorId, line: first.loc.start.line, column: first.loc.start.column + 1, message: first.message });
  }

  start = performance.now();
  bareTreeSitter.parse(text).delete();
  totals.treeSitterBare += performance.now() - start;
  start = performance.now();
  const reference = readWithTreeSitter(text);
  totals.treeSitterRead += performance.now() - start;
  if (!reference.clean) continue;
  treeSitterClean++;
  if (ast.errors.length > 0) cleanWithOurErrors++;

  const ours = readOurs(ast);
  let starts;
  const record = { path, ourErrors: ast.errors.length };
  let differs = false;
  for (const category of CATEGORIES) {
    const { ours: onlyOurs, treeSitter: onlyTreeSitter } = difference(ours[category], reference[category]);
    if (onlyOurs.length + onlyTreeSitter.length === 0) continue;
    differs = true;
    starts ??= lineStarts(text);
    const describe = (side) => ([s, e]) => ({ side, line: lineOf(starts, s), range: [s, e], text: text.slice(s, e) });
    record[category] = [...onlyOurs.map(describe("ours")), ...onlyTreeSitter.map(describe("tree-sitter"))].sort((a, b) => a.range[0] - b.range[0]);
    const counts = perCategory[category];
    counts.files++;
    counts.onlyOurs += onlyOurs.length;
    counts.onlyTreeSitter += onlyTreeSitter.length;
  }
  if (differs) differingFiles.push(record);
  else agreeing++;
}

const parsedClean = files.length - filesWithErrors.length;
console.log(`files ${files.length}: ${parsedClean} parsed without error, ${filesWithErrors.length} with errors`);
for (const f of filesWithErrors) console.log(`  ${f.path}:${f.line}:${f.column} ${f.errorId} (${f.errors} in all) ${f.message}`);
console.log(`\ndifferential on the ${treeSitterClean} files tree-sitter reads without error (${cleanWithOurErrors} of them with errors of ours):`);
console.log(`  ${agreeing} agree on all four categories, ${differingFiles.length} differ`);
console.log(`  ${"category".padEnd(14)} ${"files".padStart(6)} ${"only ours".padStart(10)} ${"only t-s".padStart(10)}`);
for (const category of CATEGORIES) {
  const c = perCategory[category];
  console.log(`  ${category.padEnd(14)} ${String(c.files).padStart(6)} ${String(c.onlyOurs).padStart(10)} ${String(c.onlyTreeSitter).padStart(10)}`);
}
for (const category of CATEGORIES) {
  const examples = spread(differingFiles.filter((f) => f[category] !== undefined), EXAMPLES_PER_CATEGORY);
  if (examples.length === 0) continue;
  console.log(`\n${category}, files that differ (spread over the list):`);
  for (const f of examples) {
    const shown = f[category].slice(0, 3).map((d) => `${d.side === "ours" ? "+ours" : "+t-s"} ${clip(d.text)}`);
    const more = f[category].length > 3 ? ` (+${f[category].length - 3} more)` : "";
    console.log(`  ${f.path}:${f[category][0].line}: ${shown.join(", ")}${more}`);
  }
}
console.log(`\ntime: ours ${formatMs(totals.ours)}; tree-sitter bare parse ${formatMs(totals.treeSitterBare)}, read (parse + walk) ${formatMs(totals.treeSitterRead)}`);

writeFileSync(detailsPath, JSON.stringify({ input, files: files.length, filesWithErrors, treeSitterClean, agreeing, perCategory, times: totals, differingFiles }, null, 1));
console.log(`details: ${detailsPath}`);

/** A second tree-sitter parser for the bare parse (the reference reader's is private); loadTreeSitter() ran Parser.init(). */
async function loadBareTreeSitter() {
  const require = createRequire(import.meta.url);
  const { Parser, Language } = await import("web-tree-sitter");
  const wasm = require.resolve("tree-sitter-powershell/tree-sitter-powershell.wasm");
  const parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
  return parser;
}
