/**
 * Members and indexes: a member used on a WUA object is judged by the core; collections hand members
 * they lack to their elements (member enumeration); `.ForEach()`/`.Where()` run their block per element.
 */
import type { Access } from "../../core/findings.js";
import { judgeMemberUse } from "../../core/findings.js";
import { resolveDefaultMember, resolveMember, viewsReturnedBy } from "../../core/object-model.js";
import type { ArgumentFact } from "../../core/remote-status.js";
import type { Ast, ExpressionAst, IndexExpressionAst, InvokeMemberExpressionAst, MemberExpressionAst } from "../parser/ast.js";
import { InterpreterBase } from "./interpreter-base.js";
import type { Frame, Scope } from "./scope.js";
import { FAILED, UNKNOWN, wuaObject, type Value } from "./values.js";

type WuaValue = Value & { kind: "wua" };

/** Members of a script block that give its source text (or an object that holds it). */
const TEXT_MEMBERS = new Set(["tostring", "ast", "startposition", "extent"]);

/** Methods of collections that keep a block as it is, to be run later maybe. */
const STORES = /^(?:add|addrange|insert|enqueue|push|set_item|setvalue|tryadd|addscript|addcommand)$/iu;

export abstract class MemberInterpreter extends InterpreterBase {
  /** `[Type]::Member` and `[Type]::Method(...)`: where WUA objects are created (creations.ts). */
  protected abstract staticMember(node: MemberExpressionAst | InvokeMemberExpressionAst, args: readonly ExpressionAst[] | undefined, scope: Scope, frame: Frame): Value;

  protected memberAccess(node: MemberExpressionAst, scope: Scope, frame: Frame): Value {
    if (node.static) return this.staticMember(node, undefined, scope, frame);
    const object = this.expression(node.expression, scope, frame);
    return this.useMember(object, node.member, "read", undefined, scope, frame);
  }

  protected invocation(node: InvokeMemberExpressionAst, scope: Scope, frame: Frame): Value {
    if (node.static) return this.staticMember(node, node.arguments, scope, frame);
    const object = this.expression(node.expression, scope, frame);
    const name = this.memberName(node.member, scope, frame)?.toLowerCase();
    const [first] = node.arguments;
    if ((name === "foreach" || name === "where") && first?.type === "ScriptBlockExpressionAst") {
      return { kind: "array", element: this.runPerElement(first, object, scope, frame, name === "where") };
    }
    return this.useMember(object, node.member, "call", node.arguments, scope, frame);
  }

  /** A member's name: written bare or quoted, or computed (`$s.$name()`). */
  protected memberName(nameNode: ExpressionAst, scope: Scope, frame: Frame): string | undefined {
    if (nameNode.type === "StringConstantExpressionAst") return nameNode.value;
    const computed = this.expression(nameNode, scope, frame);
    return computed.kind === "scalar" && typeof computed.value === "string" ? computed.value : undefined;
  }

  /**
   * A member used on a value: judged when the value is a WUA object. `written` is the value stored by
   * a write.
   */
  protected useMember(object: Value, nameNode: ExpressionAst, access: Access, args: readonly ExpressionAst[] | undefined, scope: Scope, frame: Frame, written?: Value): Value {
    const argValues = args?.map((arg) => this.expression(arg, scope, frame));
    const name = this.memberName(nameNode, scope, frame);
    if (name === undefined) return UNKNOWN;
    return this.memberOf(object, name, nameNode, access, argValues, scope, frame, written);
  }

  protected memberOf(object: Value, name: string, nameNode: Ast, access: Access, args: readonly Value[] | undefined, scope: Scope, frame: Frame, written?: Value): Value {
    switch (object.kind) {
      case "wua":
        return this.wuaMember(object, name, nameNode, access, args);
      case "array":
        // Arrays hand a member they lack to their elements, as PowerShell's member enumeration does.
        if (access === "write") return UNKNOWN;
        return this.wrapArray(this.memberOf(object.element, name, nameNode, access, args, scope, frame));
      case "instance":
        return this.instanceMember(object.className, name, access, args ?? [], scope, frame, written);
      case "hashtable":
        return access === "read" ? (object.entries.get(name.toLowerCase()) ?? UNKNOWN) : UNKNOWN;
      case "failed":
        return FAILED;
      case "script-block": {
        const lower = name.toLowerCase();
        // `$block.ToString()`, `${function:X}.Ast.Extent.Text`, `.StartPosition.Content`: its text.
        if (TEXT_MEMBERS.has(lower)) return this.asText(object);
        if (lower !== "invoke" && lower !== "invokereturnasis") return UNKNOWN;
        return this.callBody(object.node, (args ?? []).map((value) => ({ value })), new Map(), undefined, scope, frame, "block");
      }
      case "block-text":
        // `.Trim()`, `.Replace(...)`, `.Extent.Text`: still that block's text.
        return object;
      default:
        // A .NET method takes a block as its text (`$encoding.GetBytes($block)`); a collection keeps it.
        if (!STORES.test(name)) for (const arg of args ?? []) this.shipAsText(arg);
        return UNKNOWN;
    }
  }

  protected wrapArray(value: Value): Value {
    return value.kind === "unknown" || value.kind === "failed" ? value : { kind: "array", element: value };
  }

  private wuaMember(object: WuaValue, name: string, nameNode: Ast, access: Access, args: readonly Value[] | undefined): Value {
    const declared = resolveMember(object.views, name);
    if (declared.length === 0) {
      // `$result.Updates.Title`: a collection passes a member it lacks to each element.
      const element = this.collectionElement(object);
      if (element === undefined || access === "write") return UNKNOWN;
      return this.wrapArray(this.wuaMember(element, name, nameNode, access, args));
    }
    // `$session.CreateUpdateInstaller` without parentheses names the method; it does not call it.
    if (access === "read" && declared.every((d) => d.member.kind === "method")) return UNKNOWN;
    const outcome = judgeMemberUse<Ast>({ declared, access, node: nameNode, origins: object.origins, argument: (index) => argumentFact(args, index) });
    if (outcome.finding) this.report(outcome.finding);
    if (outcome.yields === "failed") return FAILED;
    return wuaObject(outcome.yields, object.origins);
  }

  protected isMethodOf(value: Value, name: string): boolean {
    if (value.kind !== "wua") return false;
    const declared = resolveMember(value.views, name);
    return declared.length > 0 && declared.every((d) => d.member.kind === "method");
  }

  /** The element a WUA collection enumerates: what its default member (Item) yields. */
  private collectionElement(object: WuaValue): WuaValue | undefined {
    const views = viewsReturnedBy(resolveDefaultMember(object.views));
    if (views.length === 0) return undefined;
    return wuaObject(views, object.origins) as WuaValue;
  }

  /** What `foreach`, a pipeline or `.ForEach` hands on one at a time. */
  protected elementOf(value: Value): Value {
    if (value.kind === "array") return value.element;
    if (value.kind === "wua") return this.collectionElement(value) ?? value;
    return value;
  }

  protected elementAccess(node: IndexExpressionAst, scope: Scope, frame: Frame): Value {
    const object = this.expression(node.target, scope, frame);
    const index = this.expression(node.index, scope, frame);
    switch (object.kind) {
      case "array":
        return object.element;
      case "hashtable":
        return index.kind === "scalar" && typeof index.value === "string" ? (object.entries.get(index.value.toLowerCase()) ?? UNKNOWN) : UNKNOWN;
      case "wua": {
        // `$updates[0]` reaches the collection's default member, as `.Item(0)` does.
        const declared = resolveDefaultMember(object.views);
        if (declared.length === 0) return UNKNOWN;
        const outcome = judgeMemberUse<Ast>({ declared, access: "read", node, origins: object.origins, argument: () => ({ kind: "unknown" }) });
        if (outcome.finding) this.report(outcome.finding);
        return outcome.yields === "failed" ? FAILED : wuaObject(outcome.yields, object.origins);
      }
      case "failed":
        return FAILED;
      default:
        return UNKNOWN;
    }
  }
}

function argumentFact(args: readonly Value[] | undefined, index: number): ArgumentFact {
  const value = args?.[index];
  if (value === undefined) return { kind: "missing" };
  if (value.kind === "null") return { kind: "constant", value: null };
  if (value.kind === "scalar") return { kind: "constant", value: value.value };
  return { kind: "unknown" };
}
