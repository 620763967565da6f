/**
 * A VBScript syntax tree as compact, deterministic text, for the fixture files: one line per node,
 * indented two spaces a level,
 *
 *     field: Type [start,end] key=value flag ... text="source"
 *
 * - `field:` is the parent's field the node sits in (a list field repeats its name per item; an
 *   argument left out shows as `arguments: (omitted)`); children come in VISITOR_KEYS order, so the
 *   text shows the tree ESLint walks.
 * - `[start,end]` is the node's range (UTF-16 offsets, end exclusive).
 * - Scalar fields follow in a fixed order, then any others alphabetically (so a field added to a node
 *   shows up in the fixtures): a `true` boolean is printed as its bare name and a `false` one not at
 *   all (except `value`); strings are JSON-quoted, except fields from a fixed set (`operator=Mod`,
 *   `kind=Dim`); `null` is left out.
 * - A node without children ends with its source text (`text="..."`), unless that is exactly its value.
 * - After the tree, `comments:` and one line per comment (its marker, range and value), then
 *   `errors:` and one line per parse error, `message (code) line:column`, with
 *   ESLint's convention (line 1-based, column 0-based).
 */
import type { Node, ParseError, ProgramAst } from "../../../src/vbscript/parser/index.js";
import { VISITOR_KEYS } from "../../../src/vbscript/parser/visitor-keys.js";

/** Fields that are not the node's own data: structure, or the root's side tables. */
const STRUCTURAL = new Set(["type", "range", "loc", "parent", "comments", "errors", "tokens"]);

const FIELD_ORDER = ["name", "kind", "visibility", "accessor", "isDefault", "passing", "isArray", "operator", "value", "base", "bracketed", "call", "let", "preserve", "singleLine", "isElse", "testKind", "testPosition"];

const ENUM_FIELDS = new Set(["kind", "visibility", "accessor", "passing", "operator", "testKind", "testPosition"]);

/** Child lists whose emptiness means something (`a()` is a dynamic array, `f()` an empty argument list). */
const EMPTY_LIST_SHOWN: Readonly<Record<string, string>> = { VariableDeclarator: "bounds", IndexOrCallExpression: "arguments" };

export function printTree(tree: ProgramAst, source: string): string {
  const lines: string[] = [];
  printNode(tree, null, 0, source, lines);
  if (tree.comments.length > 0) {
    lines.push("comments:");
    for (const comment of tree.comments) lines.push(`  ${comment.marker} [${comment.range[0]},${comment.range[1]}] ${JSON.stringify(comment.value)}`);
  }
  if (tree.errors.length > 0) {
    lines.push("errors:");
    for (const error of tree.errors) lines.push(`  ${printError(error)}`);
  }
  return lines.join("\n");
}

/** `message (code) line:column`: line 1-based, column 0-based. */
export function printError(error: ParseError): string {
  return `${error.message} (${error.code ?? "no code"}) ${error.loc.start.line}:${error.loc.start.column}`;
}

function printNode(node: Node, field: string | null, depth: number, source: string, lines: string[]): void {
  const record = node as unknown as Record<string, unknown>;
  const childKeys = VISITOR_KEYS[node.type] ?? [];
  const indent = "  ".repeat(depth);
  const parts = [`${indent}${field === null ? "" : `${field}: `}${node.type} [${node.range[0]},${node.range[1]}]`];

  const scalarKeys = Object.keys(record).filter((key) => !STRUCTURAL.has(key) && !childKeys.includes(key));
  scalarKeys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of scalarKeys) {
    const shown = printScalar(key, record[key]);
    if (shown !== null) parts.push(shown);
  }

  const children: [string, Node | null][] = [];
  for (const key of childKeys) {
    const value = record[key];
    if (Array.isArray(value)) {
      if (value.length === 0 && EMPTY_LIST_SHOWN[node.type] === key) parts.push(`${key}=[]`);
      for (const item of value) children.push([key, (item as Node | null) ?? null]);
    } else if (value != null) {
      children.push([key, value as Node]);
    }
  }

  if (children.length === 0) {
    const text = source.slice(node.range[0], node.range[1]);
    const value = record.value;
    const shown = typeof value === "string" ? value : value === undefined ? record.name : String(value);
    if (text !== shown) parts.push(`text=${JSON.stringify(text)}`);
  }
  lines.push(parts.join(" "));
  for (const [key, child] of children) {
    if (child === null) lines.push(`${indent}  ${key}: (omitted)`);
    else printNode(child, key, depth + 1, source, lines);
  }
}

function rank(key: string): number {
  const index = FIELD_ORDER.indexOf(key);
  return index === -1 ? FIELD_ORDER.length : index;
}

function printScalar(key: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return key === "value" ? `${key}=${value}` : value ? key : null;
  if (typeof value === "string" && ENUM_FIELDS.has(key)) return `${key}=${value}`;
  if (typeof value === "number") return `${key}=${Object.is(value, -0) ? "-0" : String(value)}`;
  return `${key}=${JSON.stringify(value)}`;
}
