/** Syntactic shapes the evaluator asks about: how a member is used, calls, callbacks, methods. */
import type { TSESTree } from "@typescript-eslint/utils";
import type { Access } from "../core/findings.js";
import { staticKeyName, syntacticParent, unwrap } from "./syntax.js";
import type { FunctionNode } from "./values.js";

type Node = TSESTree.Node;
type Argument = TSESTree.CallExpressionArgument;

/** The argument at `index`; "unknown" when a spread comes first, since positions are then lost. */
export function argumentAt(args: readonly Argument[], index: number): TSESTree.Expression | "missing" | "unknown" {
  for (let i = 0; i <= index && i < args.length; i++) if (args[i]!.type === "SpreadElement") return "unknown";
  return (args[index] as TSESTree.Expression | undefined) ?? "missing";
}

const ARRAY_CALLBACK_METHODS = new Set(["forEach", "map", "filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "flatMap"]);

/** How a member expression is used: called, read, or written (assignment, ++, destructuring target). */
export function accessOf(node: Node): Access {
  const { parent, child } = syntacticParent(node);
  if (!parent) return "read";
  switch (parent.type) {
    case "CallExpression":
    case "NewExpression":
      return parent.callee === child ? "call" : "read";
    case "AssignmentExpression":
    case "AssignmentPattern":
      return parent.left === child ? "write" : "read";
    case "UpdateExpression":
    case "ArrayPattern":
    case "RestElement":
      return "write";
    case "ForInStatement":
    case "ForOfStatement":
      return parent.left === child ? "write" : "read";
    case "Property":
      return parent.value === child && parent.parent?.type === "ObjectPattern" ? "write" : "read";
    default:
      return "read";
  }
}

/** A location argument that can be dropped without losing a side effect. */
export function isSideEffectFree(node: Node): boolean {
  const inner = unwrap(node);
  switch (inner.type) {
    case "Literal":
    case "Identifier":
      return true;
    case "TemplateLiteral":
      return inner.expressions.every(isSideEffectFree);
    case "MemberExpression":
      return isSideEffectFree(inner.object) && (!inner.computed || isSideEffectFree(inner.property));
    case "BinaryExpression":
      return inner.left.type !== "PrivateIdentifier" && isSideEffectFree(inner.left) && isSideEffectFree(inner.right);
    default:
      return false;
  }
}

/** The collection a callback walks: `list.forEach(function (item) {...})`, `list.forEach(check)`. */
export function arrayCallbackReceiver(callback: Node): Node | undefined {
  const { parent, child } = syntacticParent(callback);
  if (parent?.type !== "CallExpression" || parent.arguments[0] !== child) return undefined;
  const callee = unwrap(parent.callee);
  if (callee.type !== "MemberExpression") return undefined;
  const name = staticKeyName(callee.property, callee.computed);
  return name !== undefined && ARRAY_CALLBACK_METHODS.has(name) ? callee.object : undefined;
}

/** The name a function is called by as a method: `{ check(s) {} }`, `X.prototype.check = function`, class methods. */
export function methodNameOf(fn: FunctionNode, parent: Node | undefined, child: Node): string | undefined {
  if (parent?.type === "MethodDefinition" && parent.kind === "method") return staticKeyName(parent.key, parent.computed);
  if (parent?.type === "Property" && parent.value === child) return staticKeyName(parent.key, parent.computed);
  if (parent?.type === "AssignmentExpression" && parent.right === child && parent.left.type === "MemberExpression") {
    return staticKeyName(parent.left.property, parent.left.computed);
  }
  return undefined;
}

/** The binding a class is known by: `class C {}` or `const C = class {}`. */
export function classNameOf(classNode: Node | undefined): Node | null {
  if (classNode?.type === "ClassDeclaration") return classNode.id;
  if (classNode?.type === "ClassExpression" && classNode.parent?.type === "VariableDeclarator") return classNode.parent.id;
  return null;
}
