/** What the VBScript evaluator knows about a value. */
import type { RemoteOrigin } from "../../core/findings.js";
import { choiceOf } from "../../core/scalar-choice.js";
import type { InterfaceName } from "../../core/object-model.js";
import { joinWuaObjects, sharedWuaObject, type WuaObject } from "../../core/wua-object.js";
import type { Node } from "../parser/ast.js";

export type Origin = RemoteOrigin<Node>;

/** A scalar a script can compute without running: a ProgID, a computer name, a counter. */
export type Scalar = string | number | boolean;

/** Objects of Windows Script Host that say something about computers. */
export type HostObject =
  /** `WScript` itself: its `CreateObject` never reaches another computer. */
  | "wscript"
  /** `WScript.Arguments`: whatever the caller passed, not known here. */
  | "arguments"
  /** `CreateObject("WScript.Network")`: its `ComputerName` is this computer. */
  | "network"
  /** `CreateObject("WScript.Shell")`: `ExpandEnvironmentStrings("%COMPUTERNAME%")` is this computer. */
  | "shell";

export type Value =
  /** Nothing known: not a WUA object, and a location that is not known. */
  | { readonly kind: "unknown" }
  /** `Empty`, `Null`, `Nothing`, a variable declared but not yet assigned: as a location, this computer. */
  | { readonly kind: "empty" }
  /** What a failing WUA call would have yielded: never reported on again. */
  | { readonly kind: "failed" }
  | { readonly kind: "scalar"; readonly value: Scalar }
  /** The name of the computer the script runs on (`WScript.Network`'s `ComputerName`). */
  | { readonly kind: "this-computer" }
  /** One of a few scalars (a variable assigned in two branches). */
  | { readonly kind: "choice"; readonly options: readonly Value[] }
  | WuaObject<Node>
  /** An array (`Array(a, b)`, `Dim a(3)` with elements set): what its elements may hold. */
  | { readonly kind: "array"; readonly element: Value }
  /**
   * An object of a class the file declares (`New Helper`), by lower-cased class name, and the `New`
   * that made it (a number per `New` in the file; 0 when it may be any of them): each `New` keeps
   * fields of its own, so that a helper made for this computer is not read as the one made for a
   * server.
   */
  | { readonly kind: "instance"; readonly className: string; readonly site: number }
  | { readonly kind: "host"; readonly object: HostObject };

export type WuaValue = Value & { kind: "wua" };

export const UNKNOWN: Value = { kind: "unknown" };
export const EMPTY: Value = { kind: "empty" };
export const FAILED: Value = { kind: "failed" };
export const THIS_COMPUTER: Value = { kind: "this-computer" };

export function scalar(value: Scalar): Value {
  return { kind: "scalar", value };
}

/** An instance that may come from any `New` of its class: its fields are not known. */
export const ANY_SITE = 0;

export function instance(className: string, site: number): Value & { kind: "instance" } {
  return { kind: "instance", className, site };
}

export function host(object: HostObject): Value {
  return { kind: "host", object };
}

/** Arrays of arrays deeper than a script writes by hand (`a = Array(a)` in a long file) are not followed. */
const MAX_ARRAY_DEPTH = 4;

/** An array whose elements may hold `element`. */
export function arrayOf(element: Value): Value {
  let depth = 1;
  for (let inner = element; inner.kind === "array"; inner = inner.element) if (++depth > MAX_ARRAY_DEPTH) return UNKNOWN;
  return { kind: "array", element };
}

/** Where paths meet: a WUA object on any path wins, and it is remote if any path is remote. */
export function join(values: readonly Value[]): Value {
  let result: Value | undefined;
  for (const value of values) result = result === undefined ? value : joinTwo(result, value);
  return result ?? UNKNOWN;
}

function isScalarLike(value: Value): boolean {
  return value.kind === "scalar" || value.kind === "empty" || value.kind === "this-computer" || value.kind === "choice";
}

/** Which of two unrelated values a join keeps: the one that can lead to a finding. */
function rank(value: Value): number {
  switch (value.kind) {
    case "unknown": return 0;
    case "empty": return 1;
    case "scalar": return 2;
    case "this-computer": return 3;
    case "choice": return 4;
    case "failed": return 5;
    case "host": return 6;
    case "instance": return 7;
    case "array": return 8;
    case "wua": return 9;
  }
}

export function joinTwo(a: Value, b: Value): Value {
  if (a === b) return a;
  if (a.kind === "wua" && b.kind === "wua") return joinWuaObjects(a, b);
  if (a.kind === "array" && b.kind === "array") return arrayOf(joinTwo(a.element, b.element));
  if (isScalarLike(a) && isScalarLike(b)) return choiceOf(a, b, UNKNOWN);
  if (a.kind === "host" && b.kind === "host") return a.object === b.object ? a : UNKNOWN;
  if (a.kind === "instance" && b.kind === "instance") {
    if (a.className !== b.className) return UNKNOWN;
    return a.site === b.site ? a : instance(a.className, ANY_SITE);
  }
  // A scalar joined with something unknown is unknown: a location then counts as another computer.
  if (a.kind === "unknown" || b.kind === "unknown") {
    const other = a.kind === "unknown" ? b : a;
    return isScalarLike(other) ? UNKNOWN : other;
  }
  return rank(b) > rank(a) ? b : a;
}

/** The shared value for a WUA object with these views and origins; unknown without views. */
export function wuaObject(views: readonly InterfaceName[], origins: readonly Origin[]): Value {
  return views.length === 0 ? UNKNOWN : sharedWuaObject(views, origins);
}

/** A string as VBScript would make it from a scalar (`"SRV-" & 1`), if it can be known here. */
export function stringOf(value: Value): string | undefined {
  if (value.kind === "empty") return "";
  if (value.kind !== "scalar") return undefined;
  if (typeof value.value === "boolean") return value.value ? "True" : "False";
  return String(value.value);
}

/**
 * Whether two values are the same for the analysis (to tell when a loop has settled): scalars by type
 * and text, WUA objects by their shared views and origins, the rest by what they hold.
 */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.kind !== b.kind) return false;
  switch (a.kind) {
    case "scalar": {
      const x = a.value;
      const y = (b as typeof a).value;
      if (typeof x !== typeof y) return false;
      // NaN is NaN here: it reads "NaN" either way.
      return x === y || (typeof x === "number" && x !== x && y !== y);
    }
    case "choice": {
      const other = (b as typeof a).options;
      if (a.options.length !== other.length) return false;
      for (let i = 0; i < other.length; i++) if (!sameValue(a.options[i], other[i])) return false;
      return true;
    }
    case "wua":
      return a.views === (b as typeof a).views && a.origins === (b as typeof a).origins;
    case "array":
      return sameValue(a.element, (b as typeof a).element);
    case "instance":
      return a.className === (b as typeof a).className && a.site === (b as typeof a).site;
    case "host":
      return a.object === (b as typeof a).object;
    default:
      return true;
  }
}
