/** What the evaluator knows about an expression. */
import type { TSESTree } from "@typescript-eslint/utils";
import type { InterfaceName } from "../core/object-model.js";
import { joinWuaObjects, sharedWuaObject } from "../core/wua-object.js";
import type { RemoteOrigin } from "../core/findings.js";
import type { ObjectKey } from "./object-keys.js";

export type Origin = RemoteOrigin<TSESTree.Node>;

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

/** Objects of the scripting host that create or walk WUA objects. */
export type HostObject =
  | "jscript-activex" // JScript's ActiveXObject: honours its location argument
  | "winax-activex" // winax's ActiveXObject / Object: always creates locally
  | "winax-module"
  | "wscript"
  | "wscript-create-object"
  | "enumerator"
  | "require"
  // The language's Object, whose assign and defineProperty give objects their properties.
  | "object-constructor"
  | "object-assign"
  | "object-define-property"
  // Ways a script names the computer it runs on: a location built from them is local.
  | "wscript-network"
  | "wscript-shell"
  | "expand-environment-strings"
  | "this-computer-name";

export type Value =
  | { readonly kind: "none" }
  /** What a failing WUA call would have yielded: never reported on again. */
  | { readonly kind: "failed" }
  | {
      readonly kind: "wua";
      readonly views: readonly InterfaceName[];
      /** Empty when the object is local. */
      readonly origins: readonly Origin[];
    }
  | { readonly kind: "enumerator"; readonly element: Value }
  | { readonly kind: "function"; readonly node: FunctionNode }
  | { readonly kind: "host"; readonly host: HostObject }
  /** An object literal, or what `Object.assign(...)` makes of its arguments. */
  | { readonly kind: "object"; readonly node: TSESTree.ObjectExpression | TSESTree.CallExpression }
  /**
   * An array: `element` joins every element; `items` holds each position while it is known (an array
   * literal without spreads, or arrays of the same length joined position by position).
   */
  | { readonly kind: "array"; readonly element: Value; readonly items?: readonly Value[] }
  | { readonly kind: "class"; readonly node: TSESTree.Node }
  /** What `new F()` creates: its properties are those stored on `this` in F and its methods. */
  | { readonly kind: "instance"; readonly key: ObjectKey };

export const NONE: Value = { kind: "none" };
export const FAILED: Value = { kind: "failed" };

/** Where paths meet: a WUA object on any path wins, and it is remote if any path is remote. */
export function join(values: readonly Value[]): Value {
  if (values.length === 1) return values[0]!;
  let result: Value = NONE;
  for (const value of values) result = joinTwo(result, value);
  return result;
}

function rank(value: Value): number {
  switch (value.kind) {
    case "none": return 0;
    case "failed": return 1;
    case "object": return 2;
    case "class": return 3;
    case "instance": return 4;
    case "host": return 5;
    case "function": return 6;
    case "array": return 7;
    case "enumerator": return 8;
    case "wua": return 9;
  }
}

function joinTwo(a: Value, b: Value): Value {
  if (a === b) return a;
  if (a.kind === "wua" && b.kind === "wua") return joinWuaObjects(a, b);
  if (a.kind === "enumerator" && b.kind === "enumerator") {
    return { kind: "enumerator", element: joinTwo(a.element, b.element) };
  }
  if (a.kind === "array" && b.kind === "array") {
    const element = joinTwo(a.element, b.element);
    if (a.items === undefined || b.items === undefined || a.items.length !== b.items.length) return { kind: "array", element };
    return { kind: "array", element, items: a.items.map((item, i) => joinTwo(item, b.items![i]!)) };
  }
  return rank(b) > rank(a) ? b : a;
}

/** Whether two values say the same: a cycle has settled when its value stops changing. */
export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case "enumerator":
      return b.kind === "enumerator" && sameValue(a.element, b.element);
    case "array":
      return b.kind === "array" && sameValue(a.element, b.element) && sameItems(a.items, b.items);
    case "function":
    case "object":
    case "class":
      return b.kind === a.kind && b.node === a.node;
    case "instance":
      return b.kind === "instance" && b.key === a.key;
    default:
      // "none" and "failed" are single values; WUA objects and host objects are shared.
      return false;
  }
}

function sameItems(a: readonly Value[] | undefined, b: readonly Value[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((item, i) => sameValue(item, b[i]!));
}

/** The value at one position of an array; the joined elements where positions are not known. */
export function itemAt(array: Extract<Value, { kind: "array" }>, index: number): Value {
  if (array.items === undefined) return array.element;
  return array.items[index] ?? NONE;
}

/** The shared value for a WUA object with these views and origins; "none" without views. */
export function wuaObject(views: readonly InterfaceName[], origins: readonly Origin[]): Value {
  return views.length === 0 ? NONE : sharedWuaObject(views, origins);
}
