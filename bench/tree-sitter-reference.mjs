// Reference reader for the differential check of our PowerShell parser: what tree-sitter-powershell
// takes to be command names, member names, variables and string literals in a script. Dev-only.
//
//   node bench/tree-sitter-reference.mjs <file>   prints the JSON for one file
//
// Every range is [start, end) in UTF-16 code units, i.e. JS string indices into the text that was
// read. web-tree-sitter hands a JS string to the parser as UTF-16 and reports indices in the same
// units, so no conversion is needed (checked on text with accented letters and astral emoji).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";

const require = createRequire(import.meta.url);

// tree-sitter's symbol for ERROR nodes: (TSSymbol)-1. It has no entry in language.types.
const ERROR_SYMBOL = 0xffff;

// What the walk needs to know about a node type, looked up by symbol id rather than by type name:
// reading a name string from wasm for every node would cost more than the parse.
const OTHER = 0;
const COMMAND = 1;
const COMMAND_NAME = 2;
const MEMBER_OWNER = 3; // member_access and invokation_expression
const MEMBER_NAME = 4;
const VARIABLE = 5;
const STRING = 6;
const ERROR = 7;

const ROLE_BY_TYPE = new Map([
  ["command", COMMAND],
  ["command_name", COMMAND_NAME],
  ["member_access", MEMBER_OWNER],
  ["invokation_expression", MEMBER_OWNER],
  ["member_name", MEMBER_NAME],
  ["variable", VARIABLE],
  // The four leaves under string_literal; each range includes its quotes (or @" "@, @' '@).
  ["expandable_string_literal", STRING],
  ["verbatim_string_characters", STRING],
  ["expandable_here_string_literal", STRING],
  ["verbatim_here_string_characters", STRING],
]);

let parser;
let roleBySymbol;

/**
 * Loads the grammar. `fullSpeed` lets V8 optimise the wasm code (the fastest tree-sitter, as a speed
 * baseline should be); without it V8 runs baseline code only, since otherwise it keeps optimising the
 * grammar's large functions after the last parse and the process waits about 6 s for them to exit.
 */
export async function loadTreeSitter({ fullSpeed = false } = {}) {
  if (parser !== undefined) return;
  if (!fullSpeed) v8.setFlagsFromString("--liftoff-only");
  const { Parser, Language } = await import("web-tree-sitter");
  await Parser.init();
  // The package's main entry loads a native addon; only the wasm grammar is wanted.
  const language = await Language.load(require.resolve("tree-sitter-powershell/tree-sitter-powershell.wasm"));
  roleBySymbol = new Uint8Array(ERROR_SYMBOL + 1);
  // Mapped over every symbol id: one type name can have several ids (aliases).
  language.types.forEach((typeName, symbol) => {
    if (typeName !== undefined && language.nodeTypeIsNamed(symbol)) roleBySymbol[symbol] = ROLE_BY_TYPE.get(typeName) ?? OTHER;
  });
  roleBySymbol[ERROR_SYMBOL] = ERROR;
  const created = new Parser();
  created.setLanguage(language);
  parser = created;
}

/** tree-sitter's parse of `text` and nothing more: the floor a speed comparison measures against. */
export function parseWithTreeSitter(text) {
  parser.parse(text).delete();
}

/**
 * What tree-sitter reads in `text`: `clean` is false when the tree has an ERROR or a MISSING node
 * anywhere; the lists are sorted [start, end] ranges (UTF-16 indices into `text`).
 */
export function readWithTreeSitter(text) {
  if (parser === undefined) throw new Error("Call loadTreeSitter() first.");
  const tree = parser.parse(text);
  if (tree === null) throw new Error("tree-sitter returned no tree");
  const commandNames = [];
  const memberNames = [];
  const variables = [];
  const strings = [];
  let clean = !tree.rootNode.hasError;
  const cursor = tree.walk();
  try {
    // Role of every ancestor of the cursor's node, root first; a stack instead of recursion
    // because real scripts nest deeply enough to matter (long pipelines, generated files).
    const ancestorRoles = [OTHER];
    for (;;) {
      const role = roleBySymbol[cursor.nodeTypeId];
      if (role !== OTHER) {
        const parentRole = ancestorRoles[ancestorRoles.length - 1];
        // A command_name under command_name_expr (after & or .) is an invocation target, not a
        // command written as a word, so only direct children of command count.
        if (role === COMMAND_NAME && parentRole === COMMAND) {
          addRange(commandNames, text, cursor.startIndex, cursor.endIndex);
        } else if (role === MEMBER_NAME && parentRole === MEMBER_OWNER) {
          addRange(memberNames, text, cursor.startIndex, cursor.endIndex);
        } else if (role === VARIABLE) {
          addRange(variables, text, cursor.startIndex, cursor.endIndex);
        } else if (role === STRING) {
          addRange(strings, text, cursor.startIndex, cursor.endIndex);
        } else if (role === ERROR) {
          clean = false;
        }
      }
      if (cursor.gotoFirstChild()) {
        ancestorRoles.push(role);
        continue;
      }
      // MISSING nodes are zero-width leaves inserted by error recovery, so leaves are enough. hasError
      // already counts them (they carry an error cost); the check only keeps `clean` honest if that changes.
      if (clean && cursor.nodeIsMissing) clean = false;
      let finished = false;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          finished = true;
          break;
        }
        ancestorRoles.pop();
      }
      if (finished) break;
    }
  } finally {
    cursor.delete();
    tree.delete();
  }
  for (const ranges of [commandNames, memberNames, variables, strings]) ranges.sort(byStartThenEnd);
  return { clean, commandNames, memberNames, variables, strings };
}

// tree-sitter-powershell sometimes lets a node take in the whitespace before it (a variable at the
// start of a here-string line starts at the newline; now and then a command name starts at the space
// after a pipe, even in a tree without errors). The ranges name what is written, so whitespace is cut,
// and a range with nothing else (error recovery's blank or zero-width nodes) is left out.
function addRange(ranges, text, start, end) {
  while (start < end && WHITESPACE.test(text[start])) start++;
  while (end > start && WHITESPACE.test(text[end - 1])) end--;
  if (start < end) ranges.push([start, end]);
}

const WHITESPACE = /\s/;

function byStartThenEnd(a, b) {
  return a[0] - b[0] || a[1] - b[1];
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. Node 20's TextDecoder("windows-1252")
// decodes those bytes as Latin-1 control characters, hence this table (undefined bytes stay as is).
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * A script file's text as PowerShell and editors see it: a BOM selects UTF-8, UTF-16LE or UTF-16BE
 * and is removed (as ESLint removes it); without a BOM the bytes are UTF-8 when valid, otherwise
 * Windows-1252 (what Windows PowerShell 5.1 assumes for BOM-less files).
 */
export function decodeScriptBytes(bytes) {
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

function printAsJson(result) {
  // One line per list: valid JSON that stays readable for files with thousands of ranges.
  const lines = Object.entries(result).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  process.stdout.write(`{\n${lines.join(",\n")}\n}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (file === undefined) {
    process.stderr.write("usage: node bench/tree-sitter-reference.mjs <file.ps1>\n");
    process.exit(2);
  }
  await loadTreeSitter();
  printAsJson(readWithTreeSitter(decodeScriptBytes(readFileSync(file))));
}
