/**
 * Expressions: what each kind yields. `f(a)`, `coll(i)` and `arr(i)` are one syntax
 * (`IndexOrCallExpression`), told apart here by what the name is: a variable (its default member or
 * element), a procedure of the file, or one of VBScript's functions. Strings are data: the text
 * handed to `Execute`, `ExecuteGlobal` or `Eval` is not run.
 */
import type { BinaryExpression, Expression, IndexOrCallExpression, MemberExpression, Node } from "../parser/ast.js";
import { CreationInterpreter } from "./creations.js";
import { lowerName, type Argument, type Frame } from "./interpreter-base.js";
import type { MemberMode } from "./members.js";
import type { Scope } from "./scope.js";
import { arrayOf, EMPTY, join, scalar, stringOf, UNKNOWN, type Value } from "./values.js";

/** VBScript's string functions that keep a computer name a known constant. */
const STRING_FUNCTIONS: Readonly<Record<string, (text: string) => string>> = {
  cstr: (text) => text,
  trim: (text) => text.trim(),
  ltrim: (text) => text.trimStart(),
  rtrim: (text) => text.trimEnd(),
  lcase: (text) => text.toLowerCase(),
  ucase: (text) => text.toUpperCase(),
};

export abstract class ExpressionInterpreter extends CreationInterpreter {
  expression(node: Expression, scope: Scope, frame: Frame): Value {
    if (node.type === "StringLiteral") return scalar(node.value);
    if (node.type === "Identifier") return this.readName(node, scope, frame);
    if (!this.enter()) return UNKNOWN;
    try {
      return this.expressionUnguarded(node, scope, frame);
    } finally {
      this.leave();
    }
  }

  private expressionUnguarded(node: Expression, scope: Scope, frame: Frame): Value {
    switch (node.type) {
      case "NumberLiteral":
      case "BooleanLiteral":
        return scalar(node.value);
      case "EmptyLiteral":
      case "NullLiteral":
      case "NothingLiteral":
        return EMPTY;
      case "ParenthesizedExpression":
        return this.expression(node.expression, scope, frame);
      case "MeExpression":
        return frame.self;
      case "NewExpression":
        return this.construct(lowerName(node.callee.name), node, scope, frame);
      case "MemberExpression":
        return this.member(node, null, "use", node, scope, frame);
      case "IndexOrCallExpression":
        return this.invoke(node, node.callee, node.arguments, scope, frame);
      case "BinaryExpression":
        return this.binary(node, scope, frame);
      case "UnaryExpression": {
        const value = this.expression(node.argument, scope, frame);
        return node.operator === "-" && value.kind === "scalar" && typeof value.value === "number" ? scalar(-value.value) : UNKNOWN;
      }
      default:
        // Dates, and what the parser could not read.
        return UNKNOWN;
    }
  }

  /** `a & b` and `a + b` of constants are constants: a computer name built from parts is still known. */
  private binary(node: BinaryExpression, scope: Scope, frame: Frame): Value {
    const left = this.expression(node.left, scope, frame);
    const right = this.expression(node.right, scope, frame);
    if (node.operator === "&") return concatenated(left, right);
    if (node.operator === "+" && left.kind === "scalar" && right.kind === "scalar") {
      if (typeof left.value === "string" && typeof right.value === "string") return scalar(left.value + right.value);
      if (typeof left.value === "number" && typeof right.value === "number") return scalar(left.value + right.value);
    }
    return UNKNOWN;
  }

  /** The object `.Member` is read from: the written one, or the `With` block's. */
  protected objectOf(node: MemberExpression, scope: Scope, frame: Frame): Value {
    if (node.object !== null) return this.expression(node.object, scope, frame);
    return frame.withObjects[frame.withObjects.length - 1] ?? UNKNOWN;
  }

  protected member(node: MemberExpression, args: readonly Argument[] | null, mode: MemberMode, whole: Node, scope: Scope, frame: Frame, written?: Value): Value {
    const object = this.objectOf(node, scope, frame);
    return this.memberOf(object, node.property, args, mode, whole, scope, frame, written);
  }

  /**
   * `callee(args)` as an expression, and a call statement (`callee args`, `Call callee(args)`):
   * `node` is the whole call, where a default member's use is reported.
   */
  protected invoke(node: Node, callee: Expression, args: readonly (Expression | null)[], scope: Scope, frame: Frame): Value {
    const syntax: readonly Argument[] = args;
    if (callee.type === "MemberExpression") {
      const object = this.objectOf(callee, scope, frame);
      if (object.kind === "host" && object.object === "wscript" && lowerName(callee.property.name) === "createobject") {
        return this.wshCreateObject(node, callee, args, scope, frame);
      }
      return this.memberOf(object, callee.property, syntax, "use", node, scope, frame);
    }
    if (callee.type === "Identifier") return this.invokeName(node, lowerName(callee.name), syntax, args, scope, frame);
    return this.callDefault(this.expression(callee, scope, frame), syntax, node, scope, frame);
  }

  /** `x(args)` where `x` holds an object: its default member (a class's `Public Default` procedure). */
  private callDefault(target: Value, syntax: readonly Argument[], node: Node, scope: Scope, frame: Frame): Value {
    if (target.kind === "instance") {
      const members = this.facts.index.classes.get(target.className)?.members.values() ?? [];
      for (const list of members) {
        const procedure = list.find((p) => p.isDefault && (p.type !== "PropertyDeclaration" || p.accessor === "Get"));
        if (procedure !== undefined) return this.callProcedure(procedure, syntax, target, scope, frame);
      }
    }
    return this.defaultMember(target, this.argumentValues(syntax, scope, frame) ?? [], node);
  }

  private invokeName(node: Node, name: string, syntax: readonly Argument[], args: readonly (Expression | null)[], scope: Scope, frame: Frame): Value {
    const running = frame.procedure;
    // `F(x)` inside function F calls it again (its bare name there is its result).
    if (running !== null && running.type !== "SubDeclaration" && args.length > 0 && lowerName(running.name.name) === name && frame.owner === null) {
      return this.callProcedure(running, syntax, frame.self, scope, frame);
    }
    if (this.isVariable(name, frame)) return this.callDefault(scope.get(this.variableKey(name, frame)) ?? EMPTY, syntax, node, scope, frame);
    const member = frame.owner?.members.get(name);
    if (member !== undefined) {
      const getter = member.find((procedure) => procedure.type !== "PropertyDeclaration" || procedure.accessor === "Get");
      return getter === undefined ? UNKNOWN : this.callProcedure(getter, syntax, frame.self, scope, frame);
    }
    const procedure = this.facts.index.procedures.get(name);
    if (procedure !== undefined) return this.callProcedure(procedure, syntax, UNKNOWN, scope, frame);
    if (name === "createobject") return this.createObject(node, args, scope, frame);
    const values = this.argumentValues(syntax, scope, frame) ?? [];
    if (name === "array") return values.length === 0 ? UNKNOWN : arrayOf(join(values));
    const transform = STRING_FUNCTIONS[name];
    if (transform !== undefined && values.length === 1) return eachOption(values[0]!, (value) => transformed(value, transform));
    // InputBox, GetObject, Eval, Execute, and names from elsewhere: nothing known.
    return UNKNOWN;
  }
}

/** `Trim(c)`, `UCase(c)`: this computer's name in another case or without blanks is still this computer's name. */
function transformed(value: Value, transform: (text: string) => string): Value {
  if (value.kind === "this-computer") return value;
  const text = stringOf(value);
  return text === undefined ? UNKNOWN : scalar(transform(text));
}

/** `a & b`: a constant when both are, and this computer's name when it is joined only to empty strings. */
function concatenated(left: Value, right: Value): Value {
  // Most joins are of two plain values: no option to go through one by one.
  if (left.kind !== "choice" && right.kind !== "choice") return concatenatedPair(left, right);
  return eachOption(left, (a) =>
    eachOption(right, (b) => concatenatedPair(a, b)),
  );
}

function concatenatedPair(a: Value, b: Value): Value {
  if (a.kind === "this-computer" && stringOf(b) === "") return a;
  if (b.kind === "this-computer" && stringOf(a) === "") return b;
  const first = stringOf(a);
  const second = stringOf(b);
  return first === undefined || second === undefined ? UNKNOWN : scalar(first + second);
}

/** A function of one scalar applied to each of a choice's options (`c & ""` where `c` is one of two names). */
function eachOption(value: Value, apply: (option: Value) => Value): Value {
  return value.kind === "choice" ? join(value.options.map(apply)) : apply(value);
}
