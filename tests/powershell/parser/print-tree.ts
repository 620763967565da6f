/**
 * A PowerShell syntax tree as compact, deterministic text, for the fixture files: one line per node,
 * indented two spaces a level,
 *
 *     field: Type [start,end] key=value flag ... text="source"
 *
 * - `field:` is the parent's field the node sits in (a list field repeats its name per item);
 *   children come in VISITOR_KEYS order, so the text shows the tree ESLint walks.
 * - `[start,end]` is the node's range (UTF-16 offsets, end exclusive).
 * - Scalar fields follow, known ones first in a fixed order, any others alphabetically (so a field
 *   added to a node shows up in the fixtures): a `true` boolean is printed as its bare name and a
 *   `false` one not at all (except `value`); strings are JSON-quoted, except those from a fixed set
 *   (`operator=-eq`, `stringConstantType=BareWord`, `blockKind=end`); `null` is left out; a type name
 *   is `Kind("fullName")`. An empty list is left out, except where the node's type tells an empty list
 *   from null (`parameters=[]` of a function written `function f() {}`, `baseArguments=[]` of `: base()`,
 *   `genericTypeArguments=[]`).
 * - A node without children ends with its source text (`text="..."`), unless that is exactly its value.
 * - After the tree, `errors:` and one line per parse error, `ErrorId line:column`, with ESLint's
 *   convention (line 1-based, column 0-based, as acorn's `(l:c)`).
 */
import type { Ast, ParseError, ScriptAst, TypeName } from "../../../src/powershell/parser/index.js";
import { VISITOR_KEYS } from "../../../src/powershell/parser/visitor-keys.js";

/** Fields that are not the node's own data: structure, or the root's side tables. */
const STRUCTURAL = new Set(["type", "range", "loc", "parent", "comments", "errors", "tokens"]);

/** The significant scalar fields, in the order they are printed; anything else follows alphabetically. */
const FIELD_ORDER = [
  "name",
  "nameRange",
  "typeAttributes",
  "usingStatementKind",
  "blockKind",
  "unnamed",
  "invocationOperator",
  "parameterName",
  "colon",
  "argumentName",
  "expressionOmitted",
  "operator",
  "prefix",
  "static",
  "nullConditional",
  "variablePath",
  "splatted",
  "value",
  "stringConstantType",
  "typeName",
  "genericTypeArguments",
  "label",
  "flags",
  "kind",
  "variable",
  "isFilter",
  "isWorkflow",
  "isStatic",
  "isHidden",
  "isConstructor",
  "background",
  "fromStream",
  "toStream",
  "append",
];

/** Fields whose strings come from a fixed set (an operator, a kind): printed without quotes. */
const ENUM_FIELDS = new Set(["operator", "invocationOperator", "stringConstantType", "blockKind", "typeAttributes", "usingStatementKind", "kind", "fromStream", "toStream"]);

/** Child lists whose emptiness differs from null in the node's type. */
const EMPTY_LIST_SHOWN: Readonly<Record<string, readonly string[]>> = {
  FunctionDefinitionAst: ["parameters"],
  FunctionMemberAst: ["baseArguments"],
};

export function printTree(tree: ScriptAst, source: string): string {
  const lines: string[] = [];
  printNode(tree, null, 0, source, lines);
  if (tree.errors.length > 0) {
    lines.push("errors:");
    for (const error of tree.errors) lines.push(`  ${printError(error)}`);
  }
  return lines.join("\n");
}

/** `ErrorId line:column`: line 1-based, column 0-based. */
export function printError(error: ParseError): string {
  return `${error.errorId} ${error.loc.start.line}:${error.loc.start.column}`;
}

function printNode(node: Ast, field: string | null, depth: number, source: string, lines: string[]): void {
  const record = node as unknown as Record<string, unknown>;
  const childKeys = VISITOR_KEYS[node.type] ?? [];
  const parts = [`${"  ".repeat(depth)}${field === null ? "" : `${field}: `}${node.type} [${node.range[0]},${node.range[1]}]`];

  const scalarKeys = Object.keys(record).filter((key) => !STRUCTURAL.has(key) && !childKeys.includes(key));
  scalarKeys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of scalarKeys) {
    const shown = printScalar(key, record[key]);
    if (shown !== null) parts.push(shown);
  }

  const children: [string, Ast][] = [];
  for (const key of childKeys) {
    const value = record[key];
    if (Array.isArray(value)) {
      if (value.length === 0 && EMPTY_LIST_SHOWN[node.type]?.includes(key)) parts.push(`${key}=[]`);
      for (const item of value) if (item != null) children.push([key, item as Ast]);
    } else if (value != null) {
      children.push([key, value as Ast]);
    }
  }

  if (children.length === 0) {
    const text = source.slice(node.range[0], node.range[1]);
    const value = record.value;
    if (value === undefined || text !== (typeof value === "string" ? value : printValue(value))) parts.push(`text=${JSON.stringify(text)}`);
  }
  lines.push(parts.join(" "));
  for (const [key, child] of children) printNode(child, key, depth + 1, source, lines);
}

function rank(key: string): number {
  const index = FIELD_ORDER.indexOf(key);
  return index === -1 ? FIELD_ORDER.length : index;
}

function printScalar(key: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return key === "value" ? `${key}=${value}` : value ? key : null;
  if (Array.isArray(value)) {
    if (value.length === 0 && key !== "genericTypeArguments") return null;
    return `${key}=[${value.map(printValue).join(",")}]`;
  }
  if (typeof value === "string" && ENUM_FIELDS.has(key)) return `${key}=${value}`;
  return `${key}=${printValue(value)}`;
}

function printValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "bigint":
      return `${value}n`;
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "object":
      if (value === null) return "null";
      if (isTypeName(value)) return `${value.kind}(${JSON.stringify(value.fullName)})`;
      if (Array.isArray(value)) return `[${value.map(printValue).join(",")}]`;
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

function isTypeName(value: object): value is TypeName {
  return "kind" in value && "fullName" in value;
}
