/** Small syntactic helpers over ESTree (and the TypeScript additions). */
import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "./values.js";

const TRANSPARENT = new Set([
  "TSAsExpression",
  "TSNonNullExpression",
  "TSSatisfiesExpression",
  "TSTypeAssertion",
  "TSInstantiationExpression",
  "ChainExpression",
]);

/** The expression under TypeScript wrappers and optional-chain boundaries. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (TRANSPARENT.has(current.type)) current = (current as { expression: TSESTree.Node }).expression;
  return current;
}

/** The nearest ancestor that is not a wrapper, and the child through which it was reached. */
export function syntacticParent(node: TSESTree.Node): { parent: TSESTree.Node | undefined; child: TSESTree.Node } {
  let child = node;
  let parent = node.parent;
  while (parent && TRANSPARENT.has(parent.type)) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

export function isFunction(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === "FunctionDeclaration" ||
    node?.type === "FunctionExpression" ||
    node?.type === "ArrowFunctionExpression"
  );
}

/** The name in `obj.name`, `obj["name"]`, `{ name: x }`; undefined when not static. */
export function staticKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === "Identifier") return key.name;
  const inner = unwrap(key);
  if (inner.type === "Literal" && (typeof inner.value === "string" || typeof inner.value === "number")) {
    return String(inner.value);
  }
  if (inner.type === "TemplateLiteral" && inner.expressions.length === 0) return inner.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
