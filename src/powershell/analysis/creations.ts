/**
 * Where WUA objects come into being, and where they live: `[Type]::GetTypeFromProgID(progId, computer)`
 * with `[Activator]::CreateInstance`, `[Microsoft.VisualBasic.Interaction]::CreateObject`, and the
 * names of this computer (`$env:COMPUTERNAME`, `[Environment]::MachineName`). `New-Object -ComObject`
 * is in pipelines.ts; it always creates the object where the code runs.
 */
import { isLocalName, remoteFileReason } from "../../core/file-context.js";
import { judgeCreation } from "../../core/findings.js";
import { lookUpProgId, viewsOf, type InterfaceName } from "../../core/object-model.js";
import { LineIndex } from "../../text/line-index.js";
import type { Ast, ExpressionAst, InvokeMemberExpressionAst, MemberExpressionAst, ScriptBlockExpressionAst, StringConstantExpressionAst } from "../parser/ast.js";
import { codeOfString, isMadeFromText } from "./string-code.js";
import { MemberInterpreter } from "./members.js";
import type { Frame, Scope } from "./scope.js";
import { typeNameOf } from "./syntax.js";
import { FAILED, THIS_COMPUTER, UNKNOWN, wuaObject, type Origin, type Value } from "./values.js";

/** The computer argument of a creation, as written and as evaluated. */
interface Location {
  readonly node: ExpressionAst;
  readonly value: Value;
  readonly progIdNode: ExpressionAst;
}

export abstract class CreationInterpreter extends MemberInterpreter {
  /** The code of each constant string made into a block, or null when it does not parse. */
  private readonly stringCode = new Map<StringConstantExpressionAst, ScriptBlockExpressionAst | null>();
  private lines: LineIndex | undefined;

  protected staticMember(node: MemberExpressionAst | InvokeMemberExpressionAst, args: readonly ExpressionAst[] | undefined, scope: Scope, frame: Frame): Value {
    const type = node.expression.type === "TypeExpressionAst" ? typeNameOf(node.expression.typeName) : undefined;
    const member = this.memberName(node.member, scope, frame)?.toLowerCase();
    if (type === undefined || member === undefined) {
      if (node.expression.type !== "TypeExpressionAst") this.expression(node.expression, scope, frame);
      for (const arg of args ?? []) this.expression(arg, scope, frame);
      return UNKNOWN;
    }
    switch (`${type}::${member}`) {
      case "environment::machinename":
      case "net.dns::gethostname":
        return THIS_COMPUTER;
      case "environment::getenvironmentvariable": {
        const value = args?.[0] ? this.expression(args[0], scope, frame) : UNKNOWN;
        return value.kind === "scalar" && String(value.value).toLowerCase() === "computername" ? THIS_COMPUTER : UNKNOWN;
      }
      case "type::gettypefromprogid":
        return this.comType(node, args ?? [], scope, frame);
      case "activator::createinstance":
        return this.createInstance(node, args ?? [], scope, frame);
      case "microsoft.visualbasic.interaction::createobject":
        return this.vbCreateObject(node, args ?? [], scope, frame);
      case "scriptblock::create":
      case "management.automation.scriptblock::create":
        return this.blockFromText(args?.[0], scope, frame);
    }
    const argValues = (args ?? []).map((arg) => this.expression(arg, scope, frame));
    if (this.facts.classes.has(type)) {
      if (member === "new") return this.construct(type, argValues, scope, frame);
      const method = this.methodOf(type, member);
      if (method) return this.callMethod(method, UNKNOWN, argValues, frame);
    }
    // `[Text.Encoding]::Unicode.GetBytes($block)`, `[Convert]::ToBase64String(...)`: .NET takes a block's text.
    for (const value of argValues) this.shipAsText(value);
    return UNKNOWN;
  }

  /** `[Type]::GetTypeFromProgID(progId[, computer][, throwOnError])`: what `CreateInstance` will create. */
  private comType(node: Ast, args: readonly ExpressionAst[], scope: Scope, frame: Frame): Value {
    const values = args.map((arg) => this.expression(arg, scope, frame));
    const progId = values[0];
    const entry = progId?.kind === "scalar" && typeof progId.value === "string" ? lookUpProgId(progId.value) : undefined;
    if (!entry) return UNKNOWN;
    const location = values[1];
    // The (progId, throwOnError) overload names no computer.
    const hasLocation = location !== undefined && !(location.kind === "scalar" && typeof location.value === "boolean");
    const origins = this.creationOrigins(node, entry.progId, hasLocation ? { node: args[1]!, value: location, progIdNode: args[0]! } : undefined, frame);
    return { kind: "com-type", progId: entry.progId, views: viewsOf(entry.defaultInterface), origins, node };
  }

  private createInstance(node: Ast, args: readonly ExpressionAst[], scope: Scope, frame: Frame): Value {
    const values = args.map((arg) => this.expression(arg, scope, frame));
    const type = values[0];
    if (type?.kind !== "com-type") return UNKNOWN;
    return this.created(node, type.views, type.origins);
  }

  private vbCreateObject(node: Ast, args: readonly ExpressionAst[], scope: Scope, frame: Frame): Value {
    const values = args.map((arg) => this.expression(arg, scope, frame));
    const progId = values[0];
    const entry = progId?.kind === "scalar" && typeof progId.value === "string" ? lookUpProgId(progId.value) : undefined;
    if (!entry) return UNKNOWN;
    const location = values[1];
    const origins = this.creationOrigins(node, entry.progId, location ? { node: args[1]!, value: location, progIdNode: args[0]! } : undefined, frame);
    return this.created(node, viewsOf(entry.defaultInterface), origins);
  }

  /**
   * `[scriptblock]::Create(x)`: the block `x` is the text of, or the code of a constant string, with
   * its nodes at their places inside the string. Anything else is code the analysis cannot read.
   */
  private blockFromText(argument: ExpressionAst | undefined, scope: Scope, frame: Frame): Value {
    const text = argument === undefined ? UNKNOWN : this.expression(argument, scope, frame);
    if (text.kind === "script-block" || text.kind === "block-text") return { kind: "script-block", node: text.node };
    if (text.kind !== "scalar" || text.source === undefined) return UNKNOWN;
    let code = this.stringCode.get(text.source);
    if (code === undefined) {
      code = codeOfString(text.source, this.facts.text, (this.lines ??= new LineIndex(this.facts.text))) ?? null;
      this.stringCode.set(text.source, code);
    }
    return code === null ? UNKNOWN : { kind: "script-block", node: code };
  }

  /** A WUA object comes into being: refused outright for some interfaces when remote. */
  protected created(node: Ast, views: readonly InterfaceName[], origins: readonly Origin[]): Value {
    const finding = judgeCreation<Ast>(node, views, origins);
    if (finding) {
      this.report(finding);
      return FAILED;
    }
    return wuaObject(views, origins);
  }

  /** Why an object created here is remote: its location, the remote session it runs in, or the file. */
  protected creationOrigins(node: Ast, progId: string, location: Location | undefined, frame: Frame): readonly Origin[] {
    const line = node.loc.start.line;
    if (location && !this.isThisComputer(location.value)) {
      const named = location.value.kind === "scalar" && typeof location.value.value === "string" ? `"${location.value.value}"` : this.abbreviated(location.node);
      const removal = frame.session === null ? this.locationRemoval(location) : undefined;
      return [
        {
          node,
          progId,
          reason: "location",
          description: `the ${progId} created on ${named} at line ${line}`,
          ...(removal ? { removableLocation: { node: location.node, text: this.abbreviated(location.node), removal } } : {}),
        },
      ];
    }
    if (frame.session !== null) {
      return [{ node, progId, reason: "remote-session", description: `the ${progId} created at line ${line} ${frame.session.description}` }];
    }
    const remoteFile = this.facts.remoteFile;
    if (remoteFile === null) return [];
    return [{ node, progId, reason: remoteFile.reason, description: `the ${progId} created at line ${line}, ${remoteFileReason(remoteFile)}` }];
  }

  /**
   * Dropping `, $Computer` from a creation: only for a plain variable or literal (nothing runs when it
   * is evaluated), only when no comment sits between the two arguments, and only in a file PowerShell
   * can run (elsewhere the edit could not leave code that parses).
   */
  private locationRemoval({ node, progIdNode }: Location): readonly [number, number] | undefined {
    const plain = node.type === "VariableExpressionAst" || (node.type === "StringConstantExpressionAst" && node.stringConstantType !== "BareWord");
    // Inside code made from a string, an edit would have to respect the string's quoting.
    if (!plain || !this.facts.suggestionsAllowed || isMadeFromText(node)) return undefined;
    if (this.facts.text.slice(progIdNode.range[1], node.range[1]).includes("#")) return undefined;
    return [progIdNode.range[1], node.range[1]];
  }

  protected isThisComputer(value: Value): boolean {
    switch (value.kind) {
      case "null":
      case "this-computer":
        return true;
      case "scalar":
        return typeof value.value === "string" && isLocalName(value.value, this.facts.localNames);
      case "choice":
        return value.options.every((option) => this.isThisComputer(option));
      case "array":
        return this.isThisComputer(value.element);
      default:
        return false;
    }
  }
}
