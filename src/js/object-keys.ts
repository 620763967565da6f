/**
 * Plain JavaScript objects that carry WUA objects: `Patcher.session = ...`, `this.session` in a
 * constructor and its methods, `hosts.push(session)`. An object is named by the binding that holds it
 * (a variable, a class, a constructor function), so that a write and a later read meet.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { ConstantFolder } from "./constants.js";
import { isHostGlobal, type NameResolver, type Variable } from "./name-resolver.js";
import { isFunction, staticKeyName, unwrap } from "./syntax.js";
import type { FunctionNode } from "./values.js";

type Node = TSESTree.Node;

/** A variable, a class node, or the name of an undeclared global (`Patcher = {}` in a script). */
export type ObjectKey = Variable | Node | string;

/** The pseudo-property under which array elements are kept. */
export const ELEMENTS = "[]";

export const ARRAY_ADDERS: ReadonlySet<string> = new Set(["push", "unshift"]);

/** Methods whose calls the property store reads: array adders, and `Object.assign` / `Object.defineProperty`. */
export const STORING_METHODS: ReadonlySet<string> = new Set([...ARRAY_ADDERS, "assign", "defineProperty"]);

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

  /** `Object`, the language's own: `Object.assign(...)` copies properties. */
  isGlobalObjectConstructor(node: Node): boolean {
    const inner = unwrap(node);
    return inner.type === "Identifier" && inner.name === "Object" && isHostGlobal(this.scopes.variableOf(inner));
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

/** How a property of a named object gets its value. */
export interface StoredWrite {
  /** The expression stored, the getter function, or the object whose own properties are copied. */
  readonly value: Node;
  readonly how: "value" | "getter" | "copy";
  /** `o.s = value`: the member written, for ordering the write against reads in the same function. */
  readonly target?: TSESTree.MemberExpression;
}

const NO_WRITES: readonly StoredWrite[] = [];

/** Objects copied whole into another (`Object.assign(o, source)`): they may carry any property. */
export const COPIED = "[copied]";

/** A write as first indexed: the object it writes into is worked out when its property name is asked about. */
interface PendingWrite {
  /** The expression naming the object, or the object's key when the write names it directly. */
  readonly object: { readonly expression: Node } | { readonly key: ObjectKey | undefined };
  readonly write: StoredWrite;
}

/**
 * Every write to a property of a named object in the file, indexed once by property name; the
 * objects written into are named only for the property names a read asks about, since working one
 * out means resolving a name, and most properties written in a file are never read back through
 * the store.
 */
export class PropertyStore {
  private pending: Map<string, PendingWrite[]> | undefined;
  private readonly byName = new Map<string, Map<ObjectKey, StoredWrite[]>>();

  constructor(
    private readonly writes: readonly Node[],
    private readonly keys: ObjectKeys,
    private readonly constants: ConstantFolder,
  ) {}

  /** Whether the file stores into a property of this name (or adds elements, for ELEMENTS) at all. */
  isWritten(name: string): boolean {
    return this.writtenByKey(name) !== undefined;
  }

  /** The writes ever made into `key[name]` (or added to it, for ELEMENTS). */
  written(key: ObjectKey, name: string): readonly StoredWrite[] {
    return this.writtenByKey(name)?.get(key) ?? NO_WRITES;
  }

  /** The writes of a property name by the object written into; undefined when there is none. */
  private writtenByKey(name: string): Map<ObjectKey, StoredWrite[]> | undefined {
    const known = this.byName.get(name);
    if (known !== undefined) return known.size > 0 ? known : undefined;
    this.pending ??= this.build();
    const byKey = new Map<ObjectKey, StoredWrite[]>();
    for (const { object, write } of this.pending.get(name) ?? []) {
      const key = "key" in object ? object.key : this.keys.keyOf(object.expression);
      if (key === undefined) continue;
      const list = byKey.get(key);
      if (list) list.push(write);
      else byKey.set(key, [write]);
    }
    this.byName.set(name, byKey);
    return byKey.size > 0 ? byKey : undefined;
  }

  private build(): Map<string, PendingWrite[]> {
    const index = new Map<string, PendingWrite[]>();
    const add = (object: PendingWrite["object"], name: string | undefined, write: StoredWrite): void => {
      if (name === undefined) return;
      const list = index.get(name);
      if (list) list.push({ object, write });
      else index.set(name, [{ object, write }]);
    };
    for (const write of this.writes) {
      if (write.type === "AssignmentExpression" && write.operator === "=" && write.left.type === "MemberExpression") {
        add({ expression: write.left.object }, this.propertyName(write.left), { value: write.right, how: "value", target: write.left });
      } else if (write.type === "PropertyDefinition" && write.value) {
        add({ key: write.parent?.parent }, staticKeyName(write.key, write.computed), { value: write.value, how: "value" });
      } else if (write.type === "MethodDefinition" && (write.kind === "method" || write.kind === "get")) {
        add({ key: write.parent?.parent }, staticKeyName(write.key, write.computed), { value: write.value, how: write.kind === "get" ? "getter" : "value" });
      } else if (write.type === "CallExpression" && write.callee.type === "MemberExpression") {
        this.indexCall(write, write.callee, add);
      }
    }
    return index;
  }

  /** `list.push(x)`, `Object.assign(o, { s: x })`, `Object.defineProperty(o, "s", { get() {...} })`. */
  private indexCall(
    call: TSESTree.CallExpression,
    callee: TSESTree.MemberExpression,
    add: (object: PendingWrite["object"], name: string | undefined, write: StoredWrite) => void,
  ): void {
    const method = staticKeyName(callee.property, callee.computed);
    if (method !== undefined && ARRAY_ADDERS.has(method)) {
      const object = { expression: callee.object };
      for (const argument of call.arguments) if (argument.type !== "SpreadElement") add(object, ELEMENTS, { value: argument, how: "value" });
      return;
    }
    if (!this.keys.isGlobalObjectConstructor(callee.object)) return;
    const [target, ...rest] = call.arguments;
    if (!target || target.type === "SpreadElement") return;
    const targetObject = { expression: target };
    if (method === "assign") {
      // Each source, a literal or not, is read for the property asked about when it is asked.
      for (const source of rest) add(targetObject, COPIED, { value: source.type === "SpreadElement" ? source.argument : source, how: "copy" });
    } else if (method === "defineProperty") {
      const [nameArgument, descriptor] = rest;
      const name = nameArgument && nameArgument.type !== "SpreadElement" ? this.constants.valueOf(nameArgument)?.value : undefined;
      if (typeof name !== "string" || descriptor?.type !== "ObjectExpression") return;
      for (const property of descriptor.properties) {
        if (property.type !== "Property" || property.kind !== "init") continue;
        const field = staticKeyName(property.key, property.computed);
        if (field === "value") add(targetObject, name, { value: property.value, how: "value" });
        else if (field === "get") add(targetObject, name, { value: property.value, how: "getter" });
      }
    }
  }

  /** `obj.name` and `obj["name"]` give the name; any other index is an array element. */
  private propertyName(member: TSESTree.MemberExpression): string {
    if (!member.computed) return staticKeyName(member.property, false) ?? ELEMENTS;
    const constant = this.constants.valueOf(member.property);
    return typeof constant?.value === "string" ? constant.value : ELEMENTS;
  }
}
