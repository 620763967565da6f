/** Compile-time string values: ProgIDs, computer names, call arguments. */
import type { TSESTree } from "@typescript-eslint/utils";
import { isHostGlobal, type NameResolver, type Variable } from "./name-resolver.js";
import { staticKeyName, unwrap } from "./syntax.js";

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
        const constant = this.variableValue(variable!);
        // An array or object is a constant only while nothing can change it.
        return constant !== undefined && typeof constant.value === "object" && constant.value !== null && !isOnlyRead(variable!)
          ? undefined
          : constant;
      }
      case "ArrayExpression": {
        const values: unknown[] = [];
        for (const element of inner.elements) {
          const part = element === null || element.type === "SpreadElement" ? undefined : this.valueOf(element);
          if (part === undefined) return undefined;
          values.push(part.value);
        }
        return { value: values };
      }
      case "ObjectExpression": {
        const fields: Record<string, unknown> = {};
        for (const property of inner.properties) {
          const name = property.type === "Property" && property.kind === "init" && !property.method ? staticKeyName(property.key, property.computed) : undefined;
          const part = name === undefined ? undefined : this.valueOf((property as TSESTree.Property).value);
          if (name === undefined || part === undefined) return undefined;
          Object.defineProperty(fields, name, { value: part.value, enumerable: true });
        }
        return { value: fields };
      }
      case "MemberExpression": {
        const object = this.valueOf(inner.object)?.value;
        const name = inner.computed ? this.valueOf(inner.property)?.value : staticKeyName(inner.property, false);
        if (typeof object !== "object" || object === null || (typeof name !== "string" && typeof name !== "number")) return undefined;
        return Object.prototype.hasOwnProperty.call(object, name) ? { value: (object as Record<string, unknown>)[name] } : undefined;
      }
      case "CallExpression":
        return this.callValue(inner);
      default:
        return undefined;
    }
  }

  /** `parts.join(".")` of a constant array, `"a".concat(b)` of constant strings. */
  private callValue(call: TSESTree.CallExpression): Constant | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return undefined;
    const method = callee.property.name;
    if (method !== "join" && method !== "concat") return undefined;
    const args: unknown[] = [];
    for (const argument of call.arguments) {
      const part = argument.type === "SpreadElement" ? undefined : this.valueOf(argument);
      if (part === undefined) return undefined;
      args.push(part.value);
    }
    const receiver = this.valueOf(callee.object)?.value;
    if (method === "join" && Array.isArray(receiver) && args.length <= 1) {
      const separator = args[0] === undefined ? "," : args[0];
      if (typeof separator !== "string" || !receiver.every(isTextLike)) return undefined;
      return { value: receiver.map((part) => (part === null || part === undefined ? "" : String(part))).join(separator) };
    }
    if (method === "concat" && typeof receiver === "string" && args.every(isTextLike)) {
      return { value: receiver + args.map(String).join("") };
    }
    return undefined;
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

function isTextLike(value: unknown): boolean {
  return value === null || value === undefined || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** Methods that read an array or an object without changing it. */
const READING_METHODS = new Set(["join", "concat", "slice", "indexOf", "includes", "toString"]);

/**
 * Whether every use of a variable only reads what it holds: `parts.join(".")`, `ids[0]`, `ids.session`,
 * never handed elsewhere, written into, or asked to change itself.
 */
function isOnlyRead(variable: Variable): boolean {
  return variable.references.every((reference) => {
    if (reference.init) return true;
    const use = reference.identifier.parent;
    if (use?.type !== "MemberExpression" || use.object !== reference.identifier) return false;
    const { parent } = use;
    if (parent?.type === "CallExpression" && parent.callee === use) {
      const name = staticKeyName(use.property, use.computed);
      return name !== undefined && READING_METHODS.has(name);
    }
    const written =
      (parent?.type === "AssignmentExpression" && parent.left === use) ||
      parent?.type === "UpdateExpression" ||
      (parent?.type === "UnaryExpression" && parent.operator === "delete") ||
      parent?.type === "ArrayPattern" ||
      parent?.type === "RestElement" ||
      (parent?.type === "Property" && parent.value === use) ||
      ((parent?.type === "ForInStatement" || parent?.type === "ForOfStatement") && parent.left === use);
    return !written;
  });
}
