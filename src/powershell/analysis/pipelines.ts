/**
 * Pipelines and the commands the analysis understands: `New-Object -ComObject`, `ForEach-Object` and
 * `Where-Object` with `$_`, `Select-Object -ExpandProperty`, `Start-Job`, `&` and `.`, functions of the
 * file; other commands have their arguments evaluated for what they use. `Invoke-Command` and
 * `New-PSSession` are in remoting.ts.
 */
import type { Access } from "../../core/findings.js";
import { lookUpProgId, viewsOf } from "../../core/object-model.js";
import type { CommandAst, ExpressionAst, FunctionDefinitionAst, PipelineAst, ScriptBlockExpressionAst } from "../parser/ast.js";
import {
  bindCommand,
  COMMAND_NAMES,
  FOREACH_OBJECT,
  JOIN_PATH,
  NEW_OBJECT,
  resolveParameter,
  SELECT_OBJECT,
  START_JOB,
  WHERE_OBJECT,
  type CommandSpec,
} from "./commands.js";
import type { Argument } from "./interpreter-base.js";
import { Scope, type Frame } from "./scope.js";
import { StatementInterpreter } from "./statements.js";
import { commandLine, commandName, statementsOf, variableName, type CommandElement } from "./syntax.js";
import { join, scalar, UNKNOWN, type Value } from "./values.js";

export abstract class PipelineInterpreter extends StatementInterpreter {
  /** `Invoke-Command` (remoting.ts). */
  protected abstract invokeCommand(node: CommandAst, elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value;
  /** `New-PSSession` (remoting.ts). */
  protected abstract newSession(elements: readonly CommandElement[], scope: Scope, frame: Frame): Value;
  /** A workflow of the file called as a command, maybe with `-PSComputerName` (remoting.ts). */
  protected abstract callWorkflow(node: CommandAst, fn: FunctionDefinitionAst, elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value;
  /** A workflow's `InlineScript { }` (remoting.ts). */
  protected abstract inlineScript(node: CommandAst, elements: readonly CommandElement[], scope: Scope, frame: Frame): Value;
  /** `Import-Module path` (remoting.ts: a file whose functions this one may send). */
  protected abstract importModule(elements: readonly CommandElement[], scope: Scope, frame: Frame): Value;
  /** A function of the file called as a command (functions.ts). */
  protected abstract callFunction(fn: FunctionDefinitionAst, elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value;

  protected pipeline(node: PipelineAst, scope: Scope, frame: Frame): Value {
    let input: Value | undefined;
    for (const element of node.pipelineElements) {
      input = element.type === "CommandAst" ? this.command(element, input, scope, frame) : this.expression(element.expression, scope, frame);
    }
    return input ?? UNKNOWN;
  }

  private command(node: CommandAst, input: Value | undefined, scope: Scope, frame: Frame): Value {
    const written = commandName(node);
    const known = written !== undefined && Object.hasOwn(COMMAND_NAMES, written);
    const name = known ? COMMAND_NAMES[written] : written;
    const fn = name === undefined ? undefined : this.facts.functions.get(name);
    if (node.invocationOperator === null && !known && fn === undefined) {
      // Most commands: neither one the analysis knows nor a function of the file. Their command
      // line is not built.
      const shipsText = written !== undefined && SHIPS_TEXT.test(written);
      this.commandArguments(node, scope, frame, shipsText);
      if (shipsText && input !== undefined) this.shipAsText(input);
      return UNKNOWN;
    }
    const line = commandLine(node);
    if (line.invocation !== null) return this.invokeOperator(node, line.invocation, line.target, line.elements, input, scope, frame);
    switch (name) {
      case "invoke-command":
        return this.invokeCommand(node, line.elements, input, scope, frame);
      case "new-object":
        return this.newObject(node, line.elements, scope, frame);
      case "new-pssession":
        return this.newSession(line.elements, scope, frame);
      case "foreach-object":
        return this.forEachObject(line.elements, input, scope, frame);
      case "where-object": {
        const bound = this.bind(WHERE_OBJECT, line.elements, scope, frame);
        const filter = bound.named.get("filterscript") ?? bound.positional[0];
        const block = filter && this.argumentValue(filter, scope, frame);
        if (block?.kind === "script-block" && block.node.type === "ScriptBlockExpressionAst") this.runPerElement(block.node, input ?? UNKNOWN, scope, frame);
        return input === undefined ? UNKNOWN : { kind: "array", element: this.elementOf(input) };
      }
      case "select-object":
        return this.selectObject(node, line.elements, input, scope, frame);
      case "sort-object":
      case "tee-object":
        this.commandArguments(node, scope, frame);
        return input === undefined ? UNKNOWN : { kind: "array", element: this.elementOf(input) };
      case "write-output": {
        const values = line.elements.filter((e) => e.kind === "argument").map((e) => this.expression(e.node, scope, frame));
        return values.length > 0 ? join(values) : (input ?? UNKNOWN);
      }
      case "out-null":
        return UNKNOWN;
      case "start-job":
      case "start-threadjob":
        return this.startJob(name, line.elements, input, scope, frame);
      case "inlinescript":
        return this.inlineScript(node, line.elements, scope, frame);
      case "import-module":
        return this.importModule(line.elements, scope, frame);
      case "join-path":
        return this.joinPath(line.elements, scope, frame);
    }
    if (fn?.isWorkflow) return this.callWorkflow(node, fn, line.elements, input, scope, frame);
    if (fn !== undefined) return this.callFunction(fn, line.elements, input, scope, frame);
    this.commandArguments(node, scope, frame);
    return UNKNOWN;
  }

  /**
   * Arguments of a command the analysis does not know: evaluated for what they use, not invoked. A
   * block given to a command that hands code to another process (`powershell.exe -Command`, a
   * scheduled task, `PsExec`, a file) goes as text: it is not run here.
   */
  protected commandArguments(node: CommandAst, scope: Scope, frame: Frame, shipsText = false): void {
    const elements = node.commandElements;
    for (let i = 1; i < elements.length; i++) {
      const element = elements[i]!;
      const argument = element.type !== "CommandParameterAst" ? element : element.argument;
      if (argument === null) continue;
      const value = this.expression(argument, scope, frame);
      if (shipsText) this.shipAsText(value);
    }
  }

  /** `Join-Path $PSScriptRoot worker.ps1`: the path, when both parts are known. */
  private joinPath(elements: readonly CommandElement[], scope: Scope, frame: Frame): Value {
    const bound = this.bind(JOIN_PATH, elements, scope, frame);
    const parts = [bound.named.get("path") ?? bound.positional.shift(), bound.named.get("childpath") ?? bound.positional.shift()];
    const values = parts.map((part) => (part === undefined ? UNKNOWN : this.argumentValue(part, scope, frame)));
    const texts = values.map((value) => (value.kind === "scalar" && typeof value.value === "string" ? value.value : undefined));
    const [parent, child] = texts;
    if (parent === undefined || child === undefined) return UNKNOWN;
    return scalar(`${parent.replace(/[\\/]+$/u, "")}\\${child.replace(/^[\\/]+/u, "")}`);
  }

  /** Named and positional arguments, with `@splat` hashtables spread into named ones. */
  protected bind(spec: CommandSpec, elements: readonly CommandElement[], scope: Scope, frame: Frame): { named: Map<string, Argument>; positional: Argument[] } {
    const isSplat = (node: ExpressionAst): boolean => node.type === "VariableExpressionAst" && node.splatted;
    const bound = bindCommand<ExpressionAst>(spec, elements, isSplat);
    const named = new Map<string, Argument>();
    for (const [name, value] of bound.named) named.set(name, value === true ? { value: scalar(true) } : { node: value });
    const positional: Argument[] = bound.positional.map((node) => ({ node }));
    for (const splat of bound.splats) {
      if (splat.type !== "VariableExpressionAst") continue;
      const value = this.readVariable(variableName(splat), scope, frame);
      if (value.kind === "array") positional.push({ value: value.element });
      for (const [key, entry] of hashtableEntries(value)) {
        const full = resolveParameter(spec, key);
        if (full !== undefined) named.set(full, { value: entry });
      }
    }
    return { named, positional };
  }

  protected argumentValue(argument: Argument, scope: Scope, frame: Frame): Value {
    return "value" in argument ? argument.value : this.expression(argument.node, scope, frame);
  }

  /** `-ArgumentList a, b`, `@(a, b)`, `(a, b)` or a variable that holds such a list: the values in order. */
  protected argumentListValues(argument: Argument | undefined, scope: Scope, frame: Frame): readonly Value[] {
    if (argument === undefined) return [];
    const value = this.argumentValue(argument, scope, frame);
    return value.kind === "array" && value.items !== undefined ? value.items : [value];
  }

  private newObject(node: CommandAst, elements: readonly CommandElement[], scope: Scope, frame: Frame): Value {
    const bound = this.bind(NEW_OBJECT, elements, scope, frame);
    const comObject = bound.named.get("comobject");
    if (comObject === undefined) {
      const typeArgument = bound.named.get("typename") ?? bound.positional[0];
      const type = typeArgument && this.argumentValue(typeArgument, scope, frame);
      if (type?.kind === "scalar" && typeof type.value === "string" && this.facts.classes.has(type.value.toLowerCase())) {
        return this.construct(type.value.toLowerCase(), this.argumentListValues(bound.named.get("argumentlist"), scope, frame), scope, frame);
      }
      return UNKNOWN;
    }
    const progId = this.argumentValue(comObject, scope, frame);
    const entry = progId.kind === "scalar" && typeof progId.value === "string" ? lookUpProgId(progId.value) : undefined;
    if (!entry) return UNKNOWN;
    // New-Object has no computer parameter: the object lives where the code runs.
    return this.created(node, viewsOf(entry.defaultInterface), this.creationOrigins(node, entry.progId, undefined, frame));
  }

  private selectObject(node: CommandAst, elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value {
    const bound = this.bind(SELECT_OBJECT, elements, scope, frame);
    const expand = bound.named.get("expandproperty");
    if (expand !== undefined) {
      const property = this.argumentValue(expand, scope, frame);
      if (property.kind !== "scalar" || typeof property.value !== "string" || input === undefined) return UNKNOWN;
      const nameNode = "node" in expand ? expand.node : node;
      return this.wrapArray(this.memberOf(this.elementOf(input), property.value, nameNode, "read", undefined, scope, frame));
    }
    if (bound.named.has("property") || bound.positional.length > 0) return UNKNOWN;
    return input === undefined ? UNKNOWN : { kind: "array", element: this.elementOf(input) };
  }

  private startJob(name: "start-job" | "start-threadjob", elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value {
    const bound = this.bind(START_JOB, elements, scope, frame);
    const blockArgument = bound.named.get("scriptblock") ?? bound.positional[0];
    const block = blockArgument && this.argumentValue(blockArgument, scope, frame);
    let args = this.argumentListValues(bound.named.get("argumentlist"), scope, frame);
    // A job runs on this computer, in a process of its own: only its arguments and `$using:` reach
    // it, serialized (a block arrives as its text). A thread job shares this process and its objects.
    if (name === "start-job") args = args.map((value) => this.serialized(value));
    if (block?.kind === "script-block") {
      this.callBody(block.node, args.map((value) => ({ value })), new Map(), input, new Scope(null), this.newFrame(frame.session, scope, false), "block");
    }
    return UNKNOWN;
  }

  private forEachObject(elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value {
    const bound = this.bind(FOREACH_OBJECT, elements, scope, frame);
    const inputObject = bound.named.get("inputobject");
    const source = input ?? (inputObject ? this.argumentValue(inputObject, scope, frame) : UNKNOWN);
    const parallel = bound.named.get("parallel");
    if (parallel !== undefined) {
      const block = this.argumentValue(parallel, scope, frame);
      if (block.kind !== "script-block") return UNKNOWN;
      // Runspaces of this process: `$_` and `$using:` only.
      const element = this.elementOf(source);
      const fresh = new Scope(null);
      fresh.variables.set("_", element);
      fresh.variables.set("psitem", element);
      const args = this.argumentListValues(bound.named.get("argumentlist"), scope, frame).map((value) => ({ value }));
      return this.wrapArray(this.callBody(block.node, args, new Map(), undefined, fresh, this.newFrame(frame.session, scope, false), "block", true));
    }
    const blocks: ScriptBlockExpressionAst[] = [];
    for (const key of ["begin", "process", "end"]) {
      const argument = bound.named.get(key);
      const value = argument && this.argumentValue(argument, scope, frame);
      if (value?.kind === "script-block" && value.node.type === "ScriptBlockExpressionAst") blocks.push(value.node);
    }
    let member: { name: string; node: ExpressionAst } | undefined;
    for (const argument of bound.positional) {
      const value = this.argumentValue(argument, scope, frame);
      if (value.kind === "script-block" && value.node.type === "ScriptBlockExpressionAst") blocks.push(value.node);
      else if (value.kind === "scalar" && typeof value.value === "string" && member === undefined && "node" in argument) member = { name: value.value, node: argument.node };
    }
    const memberArgument = bound.named.get("membername");
    if (memberArgument !== undefined && "node" in memberArgument) {
      const value = this.argumentValue(memberArgument, scope, frame);
      if (value.kind === "scalar" && typeof value.value === "string") member = { name: value.value, node: memberArgument.node };
    }
    if (member !== undefined) {
      // `% AcceptEula`: calls the method (or reads the property) of that name on each element.
      const element = this.elementOf(source);
      const args = this.argumentListValues(bound.named.get("argumentlist"), scope, frame);
      const access: Access = this.isMethodOf(element, member.name) ? "call" : "read";
      return this.wrapArray(this.memberOf(element, member.name, member.node, access, access === "call" ? args : undefined, scope, frame));
    }
    const outputs = blocks.map((block) => this.runPerElement(block, source, scope, frame));
    return outputs.length === 0 ? UNKNOWN : this.wrapArray(join(outputs));
  }

  /**
   * A block run once per element with `$_` (ForEach-Object, Where-Object, `.ForEach`): in this scope,
   * as PowerShell does, and maybe never. Returns what the block outputs.
   */
  runPerElement(block: ExpressionAst, input: Value, scope: Scope, frame: Frame, filterOnly = false): Value {
    const element = this.elementOf(input);
    if (block.type !== "ScriptBlockExpressionAst") return filterOnly ? element : UNKNOWN;
    const fork = scope.fork();
    fork.variables.set("_", element);
    fork.variables.set("psitem", element);
    const inner = this.newFrame(frame.session, frame.usingScope, false);
    this.markEvaluated(block);
    this.runStatements(statementsOf(block.scriptBlock), fork, inner);
    fork.variables.delete("_");
    fork.variables.delete("psitem");
    scope.merge([fork], false);
    if (filterOnly) return element;
    return inner.output.length === 0 ? UNKNOWN : join(inner.output);
  }

  /** `& $block args`, `. $block`, `& "Function-Name"`. */
  private invokeOperator(
    node: CommandAst,
    operator: "&" | ".",
    target: ExpressionAst | undefined,
    elements: readonly CommandElement[],
    input: Value | undefined,
    scope: Scope,
    frame: Frame,
  ): Value {
    if (target === undefined) return UNKNOWN;
    const value: Value = target.type === "ScriptBlockExpressionAst" ? { kind: "script-block", node: target } : this.expression(target, scope, frame);
    if (value.kind === "scalar" && typeof value.value === "string") {
      const fn = this.facts.functions.get(value.value.toLowerCase());
      if (fn) return this.callFunction(fn, elements, input, scope, frame);
      // `. "$PSScriptRoot\lib.ps1"`: its functions become this file's.
      if (operator === ".") this.facts.sends?.library(value.value);
    }
    if (value.kind !== "script-block") {
      this.commandArguments(node, scope, frame);
      return UNKNOWN;
    }
    const named = new Map<string, Argument>();
    const positional: Argument[] = [];
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      const next = elements[i + 1];
      if (element.kind === "argument") positional.push({ node: element.node });
      else if (next?.kind === "argument") {
        named.set(element.name, { node: next.node });
        i++;
      }
    }
    // `.` runs the block in this scope; `&` in a child scope.
    const runScope = operator === "." ? scope : new Scope(scope);
    return this.callBody(value.node, positional, named, input, runScope, frame, value.node.type === "FunctionDefinitionAst" ? "function" : "block");
  }
}

/** Commands that hand code to another process or to disk, where it runs (if ever) apart from this script. */
const SHIPS_TEXT =
  /^(?:powershell|pwsh|schtasks|psexec|psexec64|paexec|cmd|wmic|register-scheduledtask|new-scheduledtaskaction|set-scheduledtask|register-scheduledjob|invoke-wujob|start-process|saps|set-content|add-content|out-file|new-item|invoke-cimmethod|invoke-wmimethod)(?:\.exe)?$/iu;

export function hashtableEntries(value: Value): Iterable<[string, Value]> {
  return value.kind === "hashtable" ? value.entries : [];
}
