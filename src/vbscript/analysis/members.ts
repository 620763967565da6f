/**
 * Members: a member used on a WUA object is judged by the core (names resolved without regard to
 * case, as IDispatch does); `coll(i)` reaches a collection's default member (`Item`); members of the
 * file's own classes run their procedures; a few members of Windows Script Host's objects say which
 * computer a name means.
 */
import type { Access } from "../../core/findings.js";
import { judgeMemberUse } from "../../core/findings.js";
import { resolveDefaultMember, resolveMember, viewsReturnedBy } from "../../core/object-model.js";
import type { ArgumentFact } from "../../core/remote-status.js";
import type { Identifier, Node } from "../parser/ast.js";
import { isKnown, lowerName, type Argument, type Frame } from "./interpreter-base.js";
import type { Scope } from "./scope.js";
import { fieldKey, VariableInterpreter } from "./variables.js";
import { ANY_SITE, EMPTY, FAILED, host, stringOf, THIS_COMPUTER, UNKNOWN, wuaObject, type HostObject, type Value, type WuaValue } from "./values.js";

/** How a member is reached: read or called (VBScript calls a method named without parentheses), or written. */
export type MemberMode = "use" | "write";

export abstract class MemberInterpreter extends VariableInterpreter {
  /**
   * `object.name`, `object.name(args)` or `object.name = written`. `args` is null without
   * parentheses; `node` is the whole expression (reported for a default member reached through it).
   */
  protected memberOf(object: Value, property: Identifier, args: readonly Argument[] | null, mode: MemberMode, node: Node, scope: Scope, frame: Frame, written?: Value): Value {
    switch (object.kind) {
      case "wua":
        return this.wuaMember(object, property, this.argumentValues(args, scope, frame), mode, node);
      case "instance":
        return this.instanceMember(object, lowerName(property.name), args, mode, node, scope, frame, written);
      case "host":
        return this.hostMember(object.object, property, args, scope, frame);
      case "failed":
        this.evaluateArguments(args, scope, frame);
        return FAILED;
      default:
        this.evaluateArguments(args, scope, frame);
        return UNKNOWN;
    }
  }

  protected argumentValues(args: readonly Argument[] | null, scope: Scope, frame: Frame): readonly Value[] | null {
    if (args === null) return null;
    const values: Value[] = [];
    for (const arg of args) values.push(this.argumentValue(arg, scope, frame));
    return values;
  }

  /** Arguments evaluated for what they do (a call, a member used), their values not needed. */
  protected evaluateArguments(args: readonly Argument[] | null, scope: Scope, frame: Frame): void {
    if (args !== null) for (const arg of args) this.argumentValue(arg, scope, frame);
  }

  protected argumentValue(arg: Argument, scope: Scope, frame: Frame): Value {
    if (arg === null) return EMPTY;
    return isKnown(arg) ? arg.known : this.expression(arg, scope, frame);
  }

  private wuaMember(object: WuaValue, property: Identifier, args: readonly Value[] | null, mode: MemberMode, node: Node): Value {
    const declared = resolveMember(object.views, property.name);
    if (declared.length === 0) return UNKNOWN;
    const access: Access = mode === "write" ? "write" : declared.every((d) => d.member.kind === "method") ? "call" : "read";
    const outcome = judgeMemberUse<Node>({ declared, access, node: property, origins: object.origins, argument: (index) => argumentFact(args, index) });
    if (outcome.finding) this.report(outcome.finding);
    if (outcome.yields === "failed") return FAILED;
    const result = wuaObject(outcome.yields, object.origins);
    // `result.Updates(0)`: arguments to a property that takes none go to the default member of what it yields.
    const takesArguments = declared.some((d) => d.member.kind === "method" || (d.member.params?.length ?? 0) > 0);
    if (args !== null && args.length > 0 && !takesArguments && result.kind === "wua") return this.defaultMember(result, args, node);
    return result;
  }

  /** `coll(i)`: the default member (DISPID_VALUE) of what `coll` holds. */
  protected defaultMember(object: Value, args: readonly Value[], node: Node): Value {
    switch (object.kind) {
      case "wua": {
        const declared = resolveDefaultMember(object.views);
        if (declared.length === 0) return UNKNOWN;
        const outcome = judgeMemberUse<Node>({ declared, access: "read", node, origins: object.origins, argument: (index) => argumentFact(args, index) });
        if (outcome.finding) this.report(outcome.finding);
        return outcome.yields === "failed" ? FAILED : wuaObject(outcome.yields, object.origins);
      }
      case "array":
        return object.element;
      case "failed":
        return FAILED;
      default:
        return UNKNOWN;
    }
  }

  /** What `For Each` hands on one at a time. */
  protected elementOf(value: Value): Value {
    if (value.kind === "array") return value.element;
    if (value.kind === "failed") return FAILED;
    if (value.kind !== "wua") return UNKNOWN;
    const views = viewsReturnedBy(resolveDefaultMember(value.views));
    return views.length === 0 ? UNKNOWN : wuaObject(views, value.origins);
  }

  /** Members of Windows Script Host's objects; `WScript.CreateObject` is a creation (creations.ts). */
  protected hostMember(object: HostObject, property: Identifier, args: readonly Argument[] | null, scope: Scope, frame: Frame): Value {
    const values = this.argumentValues(args, scope, frame);
    const name = lowerName(property.name);
    switch (object) {
      case "wscript":
        // `WScript.Arguments(0)` is one of them: what the caller typed, not known here.
        return name === "arguments" && (values === null || values.length === 0) ? host("arguments") : UNKNOWN;
      case "network":
        return name === "computername" ? THIS_COMPUTER : UNKNOWN;
      case "shell": {
        const text = values?.[0] === undefined ? undefined : stringOf(values[0]);
        return name === "expandenvironmentstrings" && text?.trim().toLowerCase() === "%computername%" ? THIS_COMPUTER : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /**
   * A member of an object of the file's own classes: a field, or a procedure (`Property Get` to read,
   * `Property Let`/`Set` to write, with the new value as the last argument).
   */
  private instanceMember(self: Value & { kind: "instance" }, name: string, args: readonly Argument[] | null, mode: MemberMode, node: Node, scope: Scope, frame: Frame, written?: Value): Value {
    const info = this.facts.index.classes.get(self.className);
    if (info === undefined) return UNKNOWN;
    const field = fieldKey(self.className, self.site, name);
    const procedures = info.members.get(name) ?? [];
    if (mode === "write") {
      if (info.fields.has(name) && procedures.length === 0) {
        this.evaluateArguments(args, scope, frame);
        scope.set(field, written ?? UNKNOWN);
        return UNKNOWN;
      }
      const setter = procedures.find((p) => p.type === "PropertyDeclaration" && p.accessor !== "Get");
      if (setter === undefined) return UNKNOWN;
      return this.callProcedure(setter, [...(args ?? []), { known: written ?? UNKNOWN }], self, scope, frame);
    }
    if (info.fields.has(name) && procedures.length === 0) {
      const value = scope.get(field) ?? (self.site === ANY_SITE ? UNKNOWN : EMPTY);
      const values = this.argumentValues(args, scope, frame);
      return values !== null && values.length > 0 ? this.defaultMember(value, values, node) : value;
    }
    const getter = procedures.find((p) => p.type !== "PropertyDeclaration" || p.accessor === "Get");
    if (getter === undefined) return UNKNOWN;
    return this.callProcedure(getter, args ?? [], self, scope, frame);
  }
}

function argumentFact(args: readonly Value[] | null, index: number): ArgumentFact {
  const value = args?.[index];
  if (value === undefined) return { kind: "missing" };
  if (value.kind === "empty") return { kind: "constant", value: null };
  if (value.kind === "scalar") return { kind: "constant", value: value.value };
  return { kind: "unknown" };
}
