/** Compile-time string values: ProgIDs, computer names, call arguments. */
import type { TSESTree } from "@typescript-eslint/utils";
import { isHostGlobal, type NameResolver, type Variable } from "./name-resolver.js";
import { unwrap } from "./syntax.js";

export interface Constant {
  readonly value: unknown;
}

const UNDEFINED: Constant = { value: undefined };

export class ConstantFolder {
  private readonly memo = new Map<Variable, Constant | undefined>();
  private readonly inProgress = new Set<Variable>();

  constructor(private readonly scopes: NameResolver) {}

  valueOf(node: TSESTree.Node): Constant | undefined {
    const inner = unwrap(node);
    switch (inner.type) {
      case "Literal":
        return "regex" in inner && inner.regex ? undefined : { value: inner.value };
      case "TemplateLiteral": {
        let text = inner.quasis[0]?.value.cooked ?? "";
        for (let i = 0; i < inner.expressions.length; i++) {
          const part = this.valueOf(inner.expressions[i]!);
          if (part === undefined) return undefined;
          text += String(part.value) + (inner.quasis[i + 1]?.value.cooked ?? "");
        }
        return { value: text };
      }
      case "BinaryExpression": {
        if (inner.operator !== "+") return undefined;
        const left = this.valueOf(inner.left);
        const right = left && this.valueOf(inner.right);
        if (left === undefined || right === undefined) return undefined;
        if (typeof left.value === "string" || typeof right.value === "string") {
          return { value: String(left.value) + String(right.value) };
        }
        return typeof left.value === "number" && typeof right.value === "number"
          ? { value: left.value + right.value }
          : undefined;
      }
      case "Identifier": {
        const variable = this.scopes.variableOf(inner);
        if (isHostGlobal(variable)) return inner.name === "undefined" ? UNDEFINED : undefined;
        return this.variableValue(variable!);
      }
      default:
        return undefined;
    }
  }

  /** A variable written once, by its declaration, with a constant. */
  private variableValue(variable: Variable): Constant | undefined {
    if (this.memo.has(variable)) return this.memo.get(variable);
    if (this.inProgress.has(variable)) return undefined;
    this.inProgress.add(variable);
    let result: Constant | undefined;
    const def = variable.defs[0];
    const writes = variable.references.filter((reference) => reference.isWrite());
    if (
      variable.defs.length === 1 &&
      def?.type === "Variable" &&
      def.node.type === "VariableDeclarator" &&
      def.node.init &&
      writes.length === 1 &&
      writes[0]!.identifier === def.name
    ) {
      result = this.valueOf(def.node.init);
    }
    this.inProgress.delete(variable);
    this.memo.set(variable, result);
    return result;
  }
}
