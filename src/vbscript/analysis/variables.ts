/**
 * Names: which variable a bare name means where it is read or written (a procedure's local, a field
 * of the running class, a global), and what a name that is no variable means (a procedure called
 * without arguments, a member of the running class, `WScript`).
 */
import type { Expression, Identifier } from "../parser/ast.js";
import { InterpreterBase, lowerName, type Frame } from "./interpreter-base.js";
import type { Scope } from "./scope.js";
import { ANY_SITE, EMPTY, host, scalar, UNKNOWN, type Value } from "./values.js";

export abstract class VariableInterpreter extends InterpreterBase {
  /** Where the variable `written` (in any case) lives for this frame: its key in the scope. */
  protected variableKey(written: string, frame: Frame): string {
    // Remembered per call, by the name as written: where a name lives does not change while a body runs.
    let key = frame.keys.get(written);
    if (key === undefined) {
      const name = lowerName(written);
      if (frame.procedure !== null && frame.locals.has(name)) key = `${frame.localPrefix}\0${name}`;
      else if (frame.owner?.fields.has(name)) key = fieldKey(frame.owner.name, siteOf(frame.self), name);
      else key = `g\0${name}`;
      frame.keys.set(written, key);
    }
    return key;
  }

  protected readName(identifier: Identifier, scope: Scope, frame: Frame): Value {
    const value = scope.get(this.variableKey(identifier.name, frame));
    if (value !== undefined) return value;
    const name = lowerName(identifier.name);
    // Declared but not yet assigned: a local, a field, a result not yet set. A field of an object
    // that may be any of its class's is not known.
    if (frame.procedure !== null && frame.locals.has(name)) return EMPTY;
    if (frame.owner?.fields.has(name)) return siteOf(frame.self) === ANY_SITE ? UNKNOWN : EMPTY;
    const constant = frame.owner?.constants.get(name);
    if (constant !== undefined) return this.constantValue(constant, scope, frame);
    const member = frame.owner?.members.get(name);
    if (member !== undefined) {
      const getter = member.find((procedure) => procedure.type !== "PropertyDeclaration" || procedure.accessor === "Get");
      return getter === undefined ? UNKNOWN : this.callProcedure(getter, [], frame.self, scope, frame);
    }
    const procedure = this.facts.index.procedures.get(name);
    // A procedure named without arguments is called (VBScript needs no parentheses).
    if (procedure !== undefined) return this.callProcedure(procedure, [], UNKNOWN, scope, frame);
    if (this.facts.index.assigned.has(name)) return EMPTY;
    switch (name) {
      case "wscript":
        return host("wscript");
      case "vbnullstring":
        return scalar("");
    }
    // Nothing in the file sets it: it may come from elsewhere (another block of a .wsf job).
    return UNKNOWN;
  }

  /** A class's constant, worked out where it is read (guarded: `Const A = A` must end). */
  private constantValue(init: Expression, scope: Scope, frame: Frame): Value {
    if (!this.enter()) return UNKNOWN;
    try {
      return this.expression(init, scope, frame);
    } finally {
      this.leave();
    }
  }

  protected assignName(identifier: Identifier, value: Value, scope: Scope, frame: Frame): void {
    scope.set(this.variableKey(identifier.name, frame), value);
  }

  /** `Dim x`: Empty until assigned. Running a `Dim` again (in a loop) resets nothing, as in VBScript. */
  protected declareName(identifier: Identifier, scope: Scope, frame: Frame): void {
    const key = this.variableKey(identifier.name, frame);
    if (scope.get(key) === undefined) scope.set(key, EMPTY);
  }

  /** Whether a bare name is a variable for this frame (not a procedure or a built-in). */
  protected isVariable(name: string, frame: Frame): boolean {
    const lower = lowerName(name);
    if (frame.procedure !== null && frame.locals.has(lower)) return true;
    if (frame.owner?.fields.has(lower)) return true;
    if (frame.owner?.members.has(lower)) return false;
    return !this.facts.index.procedures.has(lower) && this.facts.index.assigned.has(lower);
  }
}

export function fieldKey(className: string, site: number, field: string): string {
  return `c\0${className}\0${site}\0${field}`;
}

/** The `New` an object of the file's classes came from, or ANY_SITE. */
export function siteOf(value: Value): number {
  return value.kind === "instance" ? value.site : ANY_SITE;
}
