/**
 * The code in a constant string (`[scriptblock]::Create('...')`), parsed as PowerShell would parse
 * it, with every node placed where its text sits inside the string in the file, so that findings in
 * it are reported there.
 */
import { LineIndex } from "../../text/line-index.js";
import type { Ast, Comment, ScriptBlockAst, ScriptBlockExpressionAst, StringConstantExpressionAst, StringConstantType, TypeName } from "../parser/ast.js";
import { backtickEscape, isDoubleQuote, isSingleQuote } from "../parser/characters.js";
import { forEachChild } from "../parser/children.js";
import { parse } from "../parser/index.js";
import { NODE, registerTree } from "../parser/node.js";

const fromStrings = new WeakSet<object>();

/** Whether `root` was made by `parseStringAsCode` rather than parsed from the file. */
export function isStringCode(root: ScriptBlockAst): boolean {
  return fromStrings.has(root);
}

/**
 * `[scriptblock]::Create('...')`: the string's code as a script block of its own, to be run where the
 * block is sent; undefined when PowerShell could not parse it.
 */
export function codeOfString(node: StringConstantExpressionAst, fileText: string, lines: LineIndex): ScriptBlockExpressionAst | undefined {
  const root = parseStringAsCode(node, fileText, lines);
  if (root === undefined) return undefined;
  const block = { __proto__: NODE, type: "ScriptBlockExpressionAst", scriptBlock: root, range: root.range, parent: null };
  (root as { parent: Ast | null }).parent = block as unknown as Ast;
  registerTree(block, lines);
  return block as unknown as ScriptBlockExpressionAst;
}

/** Whether a node belongs to code made from a string rather than to the file's own tree. */
export function isMadeFromText(node: Ast): boolean {
  let root: Ast = node;
  while (root.parent !== null) root = root.parent;
  return root.type === "ScriptBlockExpressionAst" && isStringCode(root.scriptBlock);
}

/**
 * The code of a constant string (`'...'`, `"..."` without variables, here-strings `@'...'@` / `@"..."@`, a bare word) as PowerShell would parse it,
 * with every node's `range` (and so `loc`) pointing at its place in `fileText`; undefined when the text does not parse without errors,
 * or when its nodes cannot be placed in the file.
 */
export function parseStringAsCode(node: StringConstantExpressionAst, fileText: string, fileLines?: LineIndex): ScriptBlockAst | undefined {
  const script = parse(node.value);
  if (script.errors.length > 0) return undefined;
  const start = node.range[0];
  const read = readString(fileText.slice(start, node.range[1]), node.stringConstantType);
  // A string whose text does not read back to its value (one inside a string's `$( )`, where PowerShell
  // drops quotes, or one the parser could not close) has no place for its nodes: a finding at a wrong
  // place, or several stacked on the string, would be worse than none.
  if (read === undefined || read.value !== node.value) return undefined;
  const places = read;
  const range = (r: readonly [number, number]): [number, number] => {
    const from = start + (places.starts[r[0]] ?? places.starts[places.starts.length - 1]!);
    // A node ends where the text of its last character ends, not at the next one's: in a bare word
    // the quotes of a quoted part lie between the two.
    return [from, r[1] > r[0] ? start + (places.ends[r[1]] ?? places.ends[places.ends.length - 1]!) : from];
  };

  // A copy of the root without the parse's `tokens`, which can be neither moved nor removed and would
  // point into the string's own text.
  const root = Object.assign(Object.create(NODE) as object, script) as ScriptBlockAst & { comments: Comment[]; range: [number, number] };
  forEachChild(root, (child) => {
    child.parent = root;
  });
  const lines = fileLines ?? new LineIndex(fileText);
  root.comments = script.comments.map((comment) => {
    const moved = range(comment.range);
    return { ...comment, range: moved, loc: { start: lines.positionAt(moved[0]), end: lines.positionAt(moved[1]) } };
  });
  // Ranges are replaced, not changed in place: a node may share its range array with another.
  const movedTypes = new Set<TypeName>();
  const moveType = (type: TypeName | null | undefined): void => {
    if (type == null || movedTypes.has(type)) return;
    movedTypes.add(type);
    (type as { range: [number, number] }).range = range(type.range);
    if (type.kind === "ArrayTypeName") moveType(type.elementType);
    else if (type.kind === "GenericTypeName") {
      moveType(type.typeName);
      type.genericArguments.forEach(moveType);
    }
  };
  const stack: Ast[] = [root];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const fields = next as unknown as { range: [number, number]; nameRange?: [number, number]; typeName?: TypeName; genericTypeArguments?: TypeName[] | null };
    fields.range = range(fields.range);
    if (fields.nameRange !== undefined) fields.nameRange = range(fields.nameRange);
    moveType(fields.typeName);
    fields.genericTypeArguments?.forEach(moveType);
    forEachChild(next, (child) => stack.push(child));
  }
  registerTree(root, lines);
  fromStrings.add(root);
  return root;
}

const BACKTICK = 0x60;

/**
 * The value of a string's source text read as the tokenizer reads it (string-and-variable-scanner.ts),
 * and where in `raw` the text each of its characters was read from lies: a doubled quote or an escape
 * as a whole. `starts[k]` and `ends[k + 1]` are character k's; `starts` ends with the content's end and
 * `ends` begins with its start, so that both can be indexed by a node's offsets.
 */
function readString(raw: string, kind: StringConstantType): { value: string; starts: number[]; ends: number[] } | undefined {
  const bounds = contentOf(raw, kind);
  if (bounds === undefined) return undefined;
  const [start, end] = bounds;
  const bare = kind === "BareWord";
  // The quote being read inside: the string's own, or that of a quoted part of a bare word.
  let quote: "'" | '"' | null = kind === "SingleQuoted" ? "'" : kind === "DoubleQuoted" ? '"' : null;
  let value = "";
  const starts: number[] = [];
  const ends: number[] = [start];
  const add = (text: string, from: number, to: number): void => {
    value += text;
    for (let k = 0; k < text.length; k++) {
      starts.push(from);
      ends.push(to);
    }
  };
  for (let i = start; i < end; ) {
    const code = raw.charCodeAt(i);
    const verbatim = quote === "'" || kind === "SingleQuotedHereString";
    const isQuote = quote === "'" ? isSingleQuote(code) : quote === '"' && isDoubleQuote(code);
    if (!verbatim && code === BACKTICK && i + 1 < end) {
      const escape = readEscape(raw, i + 1);
      if (escape === undefined) return undefined;
      add(escape.text, i, i + 1 + escape.length);
      i += 1 + escape.length;
    } else if (isQuote) {
      const again = raw.charCodeAt(i + 1);
      if (i + 1 < end && (quote === "'" ? isSingleQuote(again) : isDoubleQuote(again))) {
        // PowerShell keeps the second of a doubled quote.
        add(raw[i + 1]!, i, i + 2);
        i += 2;
      } else if (bare) {
        quote = null;
        i++;
      } else return undefined;
    } else if (bare && quote === null && (isSingleQuote(code) || isDoubleQuote(code))) {
      quote = isSingleQuote(code) ? "'" : '"';
      i++;
    } else {
      add(raw[i]!, i, i + 1);
      i++;
    }
  }
  starts.push(end);
  return { value, starts, ends };
}

/** Where a string's value is read from: inside the quotes; for a here-string, from after its header's line end to before the footer's. */
function contentOf(raw: string, kind: StringConstantType): [number, number] | undefined {
  if (kind === "BareWord") return [0, raw.length];
  if (kind === "SingleQuoted" || kind === "DoubleQuoted") return raw.length >= 2 ? [1, raw.length - 1] : undefined;
  let start = raw.slice(2).search(/[\r\n]/);
  if (start === -1) return undefined;
  start += raw.startsWith("\r\n", start + 2) ? 4 : 3;
  const footer = raw.length - 2;
  if (footer <= start) return footer === start ? [start, start] : undefined;
  let end = footer - 1;
  if (raw[end] !== "\n" && raw[end] !== "\r") return undefined;
  if (raw[end] === "\n" && raw[end - 1] === "\r" && end - 1 >= start) end--;
  return [start, end];
}

/** The escape whose letter is at `i` (after a backtick), as `backtick()` in the scanner reads it. */
function readEscape(raw: string, i: number): { text: string; length: number } | undefined {
  if (raw[i] !== "u") return { text: backtickEscape(raw.charCodeAt(i)), length: 1 };
  const unicode = /^u\{([0-9a-fA-F]{1,6})\}/.exec(raw.slice(i, i + 9));
  const point = unicode === null ? NaN : Number.parseInt(unicode[1]!, 16);
  if (unicode === null || point > 0x10ffff) return undefined;
  return { text: String.fromCodePoint(point), length: unicode[0].length };
}
