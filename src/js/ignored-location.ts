/**
 * Creations whose second argument reads like a computer name to the author but not to the API:
 * `WScript.CreateObject(progId, prefix)` takes an event-handler prefix, winax takes an options
 * object. Either way the object is created on this computer.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { IgnoredLocationFinding, TextEdit } from "../core/findings.js";
import { localCreators } from "../data/local-creators.js";
import type { ConstantFolder } from "./constants.js";
import { isHostGlobal, type NameResolver } from "./name-resolver.js";
import { isSideEffectFree } from "./shapes.js";
import { unwrap } from "./syntax.js";
import type { Value } from "./values.js";

type Node = TSESTree.Node;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** Hosts that always create on this computer: Windows Script Host's WScript.CreateObject, and winax. */
export type LocalCreator = "wsh" | "winax";

export interface IgnoredLocationFacts {
  readonly constants: ConstantFolder;
  readonly scopes: NameResolver;
  /** The file loads winax: `ActiveXObject` is then winax's, which cannot reach another computer. */
  readonly usesWinax: boolean;
  readonly textOf: (node: Node) => string;
  readonly valueOf: (node: Node) => Value;
  /** Whether every value the expression can have names this computer (a location judged local). */
  readonly namesThisComputer: (node: Node) => boolean;
  /** What to delete to drop the creation's second argument, if that edit keeps every comment. */
  readonly argumentRemoval: (creation: CallNode, argument: TSESTree.CallExpressionArgument) => readonly [number, number] | undefined;
  /** The callee's range, if replacing it keeps every comment and the call's meaning. */
  readonly calleeReplacement: (call: TSESTree.CallExpression) => readonly [number, number] | undefined;
}

/**
 * Host names (letters, digits, hyphens, dots) and IP addresses: what a computer argument looks like.
 * An event prefix such as `wu_` does not, nor does anything with spaces or backslashes.
 */
const COMPUTER_NAME = /^(?:[a-z\d](?:[a-z\d.-]*[a-z\d])?|[\da-f]*:[\da-f:.]*)$/iu;

/**
 * The finding for a WUA creation by a host that takes no computer, when its second argument may name
 * another computer: for WScript.CreateObject any string or value the analysis cannot work out (WUA
 * objects raise no events, so no prefix has a use there); for winax only what is certainly a string,
 * since an unknown value may well be an options object.
 */
export function judgeIgnoredLocation(
  creation: CallNode,
  progId: string,
  creator: LocalCreator,
  facts: IgnoredLocationFacts,
): IgnoredLocationFinding<Node> | undefined {
  const [progIdArgument, argument] = creation.arguments;
  if (!progIdArgument || !argument || progIdArgument.type === "SpreadElement" || argument.type === "SpreadElement") return undefined;
  const constant = facts.constants.valueOf(argument);
  if (constant !== undefined && typeof constant.value !== "string") return undefined;
  if (constant === undefined && !(creator === "wsh" ? mayBeString(facts.valueOf(argument)) : isCertainlyString(argument))) return undefined;
  if (facts.namesThisComputer(argument)) return undefined;
  const value = constant?.value as string | undefined;
  const ignoredAs = creator === "wsh" ? "event-prefix" : "winax-options";
  const removalEdit = removal(creation, argument, facts);
  const remoteEdit = creator === "wsh" && value !== undefined ? remoteCreation(creation, value, facts) : undefined;
  return {
    kind: "ignored-location",
    node: argument,
    progId,
    ignoredAs,
    link: localCreators[ignoredAs].link,
    value,
    text: facts.textOf(argument),
    ...(removalEdit && { removal: removalEdit }),
    ...(remoteEdit && { remoteCreation: remoteEdit }),
  };
}

/** Strings are not among the evaluator's values: anything it knows to be an object, a function, ... is not one. */
function mayBeString(value: Value): boolean {
  return value.kind === "none";
}

/** A template literal, or a `+` with a string on one side, is a string whatever its parts hold. */
function isCertainlyString(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type === "TemplateLiteral") return true;
  if (inner.type === "Literal") return typeof inner.value === "string";
  return inner.type === "BinaryExpression" && inner.operator === "+" && (isCertainlyString(inner.left) || isCertainlyString(inner.right));
}

function removal(creation: CallNode, argument: TSESTree.Expression, facts: IgnoredLocationFacts): TextEdit | undefined {
  if (!isSideEffectFree(argument)) return undefined;
  const range = facts.argumentRemoval(creation, argument);
  return range ? { range, text: "" } : undefined;
}

/**
 * `WScript.CreateObject(progId, "SRV-01")` as `new ActiveXObject(progId, "SRV-01")`: only where both
 * `WScript` and `ActiveXObject` are the host's own (not winax's, not a variable of the file), the
 * call is plain (not optional, no type arguments), and the argument is a constant that looks like a
 * computer name rather than an event prefix.
 */
function remoteCreation(creation: CallNode, computer: string, facts: IgnoredLocationFacts): TextEdit | undefined {
  if (creation.type !== "CallExpression" || creation.optional || creation.typeArguments || creation.arguments.length !== 2) return undefined;
  if (facts.usesWinax || !COMPUTER_NAME.test(computer)) return undefined;
  const callee = creation.callee;
  if (callee.type !== "MemberExpression" || callee.optional || callee.object.type !== "Identifier" || callee.object.name !== "WScript") {
    return undefined;
  }
  const scope = facts.scopes.innermostScope(callee.object);
  if (!isHostGlobal(facts.scopes.variableOf(callee.object, scope))) return undefined;
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get("ActiveXObject");
    if (variable === undefined) continue;
    if (!isHostGlobal(variable)) return undefined;
    break;
  }
  const range = facts.calleeReplacement(creation);
  return range ? { range, text: "new ActiveXObject" } : undefined;
}
