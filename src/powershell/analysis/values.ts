/** What the PowerShell evaluator knows about a value. */
import type { RemoteOrigin } from "../../core/findings.js";
import { choiceOf } from "../../core/scalar-choice.js";
import type { InterfaceName } from "../../core/object-model.js";
import { joinWuaObjects, sharedWuaObject, type WuaObject } from "../../core/wua-object.js";
import type { Ast, FunctionDefinitionAst, HashtableAst, ScriptBlockExpressionAst, StringConstantExpressionAst } from "../parser/ast.js";

export type Origin = RemoteOrigin<Ast>;

/** A scalar a script can compute without running: a ProgID, a computer name, a switch. */
export type Scalar = string | number | boolean;

export type Value =
  /** Nothing known: not a WUA object, and a location that is not known. */
  | { readonly kind: "unknown" }
  /** `$null`, or a variable the file never assigns. */
  | { readonly kind: "null" }
  /** What a failing WUA call would have yielded: never reported on again. */
  | { readonly kind: "failed" }
  /** `source`: the literal a constant string was written as, for `[scriptblock]::Create` to parse. */
  | { readonly kind: "scalar"; readonly value: Scalar; readonly source?: StringConstantExpressionAst }
  /** The name of the computer the script runs on (`$env:COMPUTERNAME`, `[Environment]::MachineName`). */
  | { readonly kind: "this-computer" }
  /** One of a few scalars (a variable assigned in two branches). */
  | { readonly kind: "choice"; readonly options: readonly Value[] }
  | WuaObject<Ast>
  /** `[Type]::GetTypeFromProgID(...)`: what `[Activator]::CreateInstance` will create. */
  | { readonly kind: "com-type"; readonly progId: string; readonly views: readonly InterfaceName[]; readonly origins: readonly Origin[]; readonly node: Ast }
  /** `items`: the values in order, while the array is the one a literal wrote (`-ArgumentList` binds them by position). */
  | { readonly kind: "array"; readonly element: Value; readonly items?: readonly Value[] }
  /** A script block, or a function's body (`${function:Install-All}`). */
  | { readonly kind: "script-block"; readonly node: ScriptBlockExpressionAst | FunctionDefinitionAst }
  /**
   * A block's or function's source text (`$block.ToString()`, `"$block"`, what a serialized block
   * becomes): data, until `[scriptblock]::Create` makes it that block again.
   */
  | { readonly kind: "block-text"; readonly node: ScriptBlockExpressionAst | FunctionDefinitionAst }
  /** `${function:Name}` of a function the file does not define: one it dot-sources or imports, maybe. */
  | { readonly kind: "outside-function"; readonly name: string }
  /** `@{ Key = value }`: its entries by lower-cased key, evaluated where the literal stands. */
  | { readonly kind: "hashtable"; readonly node: HashtableAst; readonly entries: ReadonlyMap<string, Value> }
  | { readonly kind: "instance"; readonly className: string }
  /** A PowerShell session from `New-PSSession`: `remote` unless it is a loopback with network access or a custom endpoint. */
  | { readonly kind: "session"; readonly remote: boolean };

export const UNKNOWN: Value = { kind: "unknown" };
export const NULL: Value = { kind: "null" };
export const FAILED: Value = { kind: "failed" };
export const THIS_COMPUTER: Value = { kind: "this-computer" };

export function scalar(value: Scalar): Value {
  return { kind: "scalar", value };
}

/** Where paths meet: a WUA object on any path wins, and it is remote if any path is remote. */
export function join(values: readonly Value[]): Value {
  let result: Value | undefined;
  for (const value of values) result = result === undefined ? value : joinTwo(result, value);
  return result ?? UNKNOWN;
}

function isScalarLike(value: Value): boolean {
  return value.kind === "scalar" || value.kind === "null" || value.kind === "this-computer";
}

function rank(value: Value): number {
  switch (value.kind) {
    case "unknown": return 0;
    case "null": return 1;
    case "scalar": return 2;
    case "this-computer": return 3;
    case "choice": return 4;
    case "failed": return 5;
    case "hashtable": return 6;
    case "session": return 7;
    case "instance": return 8;
    case "outside-function": return 8;
    case "block-text": return 9;
    case "script-block": return 9;
    case "com-type": return 10;
    case "array": return 11;
    case "wua": return 12;
  }
}

export function joinTwo(a: Value, b: Value): Value {
  if (a === b) return a;
  if (a.kind === "wua" && b.kind === "wua") return joinWuaObjects(a, b);
  if (a.kind === "array" && b.kind === "array") return { kind: "array", element: joinTwo(a.element, b.element), ...(sameItems(a, b) ? { items: a.items } : {}) };
  if (a.kind === "array" && b.kind === "wua") return { kind: "array", element: joinTwo(a.element, b) };
  if (b.kind === "array" && a.kind === "wua") return { kind: "array", element: joinTwo(a, b.element) };
  if (a.kind === "session" && b.kind === "session") return a.remote ? a : b;
  if ((isScalarLike(a) || a.kind === "choice") && (isScalarLike(b) || b.kind === "choice")) return choiceOf(a, b, UNKNOWN);
  // A scalar joined with something unknown is unknown: a location then counts as remote.
  if (a.kind === "unknown" || b.kind === "unknown") {
    const other = a.kind === "unknown" ? b : a;
    return isScalarLike(other) || other.kind === "choice" ? UNKNOWN : other;
  }
  return rank(b) > rank(a) ? b : a;
}

function sameItems(a: Value & { kind: "array" }, b: Value & { kind: "array" }): boolean {
  if (a.items === undefined || b.items === undefined || a.items.length !== b.items.length) return false;
  return a.items.every((item, index) => item === b.items![index]);
}

/** An array literal's value: its elements joined, and in order. */
export function arrayOf(items: readonly Value[]): Value {
  return { kind: "array", element: join(items), items };
}

/** The shared value for a WUA object with these views and origins; unknown without views. */
export function wuaObject(views: readonly InterfaceName[], origins: readonly Origin[]): Value {
  return views.length === 0 ? UNKNOWN : sharedWuaObject(views, origins);
}

/** A short text that identifies a value for memo keys: equal values give equal keys. */
export function valueKey(value: Value, ids: (object: object) => number): string {
  switch (value.kind) {
    case "scalar": return `s:${typeof value.value}:${String(value.value)}`;
    case "choice": return `c(${value.options.map((option) => valueKey(option, ids)).join(",")})`;
    case "wua": return `w:${ids(value.views)}:${ids(value.origins)}`;
    case "com-type": return `t:${value.progId}:${ids(value.origins)}`;
    case "array": return value.items === undefined ? `a(${valueKey(value.element, ids)})` : `a[${value.items.map((item) => valueKey(item, ids)).join(",")}]`;
    case "outside-function": return `f:${value.name}`;
    case "block-text":
    case "script-block":
    case "hashtable": return `${value.kind}:${ids(value.node)}`;
    case "instance": return `i:${value.className}`;
    case "session": return `p:${value.remote}`;
    default: return value.kind;
  }
}
