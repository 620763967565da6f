/**
 * Plain JavaScript objects that carry WUA objects: `Patcher.session = ...`, `this.session` in a
 * constructor and its methods, `hosts.push(session)`. An object is named by the binding that holds it
 * (a variable, a class, a constructor function), so that a write and a later read meet.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { ConstantFolder } from "./constants.js";
import type { NameResolver, Variable } from "./name-resolver.js";
import { isFunction, staticKeyName, unwrap } from "./syntax.js";
import type { FunctionNode } from "./values.js";

type Node = TSESTree.Node;

/** A variable, a class node, or the name of an undeclared global (`Patcher = {}` in a script). */
export type ObjectKey = Variable | Node | string;

/** The pseudo-property under which array elements are kept. */
export const ELEMENTS = "[]";

export const ARRAY_ADDERS: ReadonlySet<string> = new Set(["push", "unshift"]);

export class ObjectKeys {
  constructor(private readonly scopes: NameResolver) {}

  /** The object an expression names, when it names one by a binding. */
  keyOf(base: Node): ObjectKey | undefined {
    const inner = unwrap(base);
    switch (inner.type) {
      case "Identifier": {
        const variable = this.scopes.variableOf(inner);
        if (variable === null) return `global:${inner.name}`;
        const classDef = variable.defs.find((def) => def.type === "ClassName");
        return classDef ? (classDef.node as Node) : variable;
      }
      case "ThisExpression":
        return this.ownerOfThis(inner);
      case "MemberExpression":
        // `Patcher.prototype.x` belongs to what `new Patcher()` creates.
        return !inner.computed && inner.property.type === "Identifier" && inner.property.name === "prototype"
          ? this.keyOf(inner.object)
          : undefined;
      default:
        return undefined;
    }
  }

  /** What `this` is inside the function or class body that holds it. */
  ownerOfThis(node: Node): ObjectKey | undefined {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === "PropertyDefinition" || current.type === "StaticBlock") return current.parent?.parent;
      if (isFunction(current) && current.type !== "ArrowFunctionExpression") return this.ownerOfFunction(current);
    }
    return undefined;
  }

  /** The object a function is a constructor or a method of. */
  ownerOfFunction(fn: FunctionNode): ObjectKey | undefined {
    const parent = fn.parent;
    if (!parent) return undefined;
    if (parent.type === "MethodDefinition") return parent.parent?.parent;
    if (fn.type === "FunctionDeclaration") return fn.id ? (this.scopes.variableOf(fn.id) ?? undefined) : undefined;
    if (parent.type === "VariableDeclarator" && parent.init === fn) return this.keyOf(parent.id);
    if (parent.type === "AssignmentExpression" && parent.right === fn) {
      return parent.left.type === "MemberExpression" ? this.keyOf(parent.left.object) : this.keyOf(parent.left);
    }
    if (parent.type === "Property" && parent.parent?.type === "ObjectExpression") {
      return this.ownerOfObjectLiteral(parent.parent);
    }
    return undefined;
  }

  private ownerOfObjectLiteral(object: TSESTree.ObjectExpression): ObjectKey | undefined {
    const parent = object.parent;
    if (parent?.type === "VariableDeclarator" && parent.init === object) return this.keyOf(parent.id);
    if (parent?.type === "AssignmentExpression" && parent.right === object) return this.keyOf(parent.left);
    return undefined;
  }
}

/** Every write to a property of a named object in the file, indexed once. */
export class PropertyStore {
  /** By property name first: most names read in a file are never written, and need no key. */
  private index: Map<string, Map<ObjectKey, Node[]>> | undefined;

  constructor(
    private readonly writes: readonly Node[],
    private readonly keys: ObjectKeys,
    private readonly constants: ConstantFolder,
  ) {}

  /** Whether the file stores into a property of this name (or adds elements, for ELEMENTS) at all. */
  isWritten(name: string): boolean {
    this.index ??= this.build();
    return this.index.has(name);
  }

  /** The expressions ever stored into `key[name]` (or added to it, for ELEMENTS). */
  written(key: ObjectKey, name: string): readonly Node[] {
    this.index ??= this.build();
    return this.index.get(name)?.get(key) ?? [];
  }

  private build(): Map<string, Map<ObjectKey, Node[]>> {
    const index = new Map<string, Map<ObjectKey, Node[]>>();
    const add = (key: ObjectKey | undefined, name: string | undefined, value: Node): void => {
      if (key === undefined || name === undefined) return;
      let byKey = index.get(name);
      if (!byKey) index.set(name, (byKey = new Map()));
      const list = byKey.get(key);
      if (list) list.push(value);
      else byKey.set(key, [value]);
    };
    for (const write of this.writes) {
      if (write.type === "AssignmentExpression" && write.operator === "=" && write.left.type === "MemberExpression") {
        add(this.keys.keyOf(write.left.object), this.propertyName(write.left), write.right);
      } else if ((write.type === "PropertyDefinition" || write.type === "MethodDefinition") && write.value) {
        add(write.parent?.parent, staticKeyName(write.key, write.computed), write.value);
      } else if (write.type === "CallExpression" && write.callee.type === "MemberExpression") {
        const name = staticKeyName(write.callee.property, write.callee.computed);
        if (name === undefined || !ARRAY_ADDERS.has(name)) continue;
        const key = this.keys.keyOf(write.callee.object);
        for (const argument of write.arguments) if (argument.type !== "SpreadElement") add(key, ELEMENTS, argument);
      }
    }
    return index;
  }

  /** `obj.name` and `obj["name"]` give the name; any other index is an array element. */
  private propertyName(member: TSESTree.MemberExpression): string {
    if (!member.computed) return staticKeyName(member.property, false) ?? ELEMENTS;
    const constant = this.constants.valueOf(member.property);
    return typeof constant?.value === "string" ? constant.value : ELEMENTS;
  }
}
