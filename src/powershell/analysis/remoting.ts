/**
 * Remote contexts: a script block that `Invoke-Command` runs on other computers (`-ComputerName`,
 * `-Session` from `New-PSSession`, `-HostName`, ...) or a workflow run with `-PSComputerName` makes
 * every WUA object created inside it remote, since the caller there is a network logon. Values reach
 * the block serialized (`-ArgumentList`, `$using:`); what comes back is deserialized. Code sent that
 * is written in another file (`-FilePath`, a dot-sourced function) is recorded for that file.
 */
import type { Ast, CommandAst, FunctionDefinitionAst } from "../parser/ast.js";
import { IMPORT_MODULE, INVOKE_COMMAND, NEW_PSSESSION, resolveParameter, WORKFLOW_COMMON } from "./commands.js";
import type { Argument } from "./interpreter-base.js";
import { PipelineInterpreter } from "./pipelines.js";
import { Scope, type Frame, type RemoteSession } from "./scope.js";
import type { CommandElement } from "./syntax.js";
import { THIS_COMPUTER, UNKNOWN, type Value } from "./values.js";

/** The parameters that name where `Invoke-Command` runs its block. */
const TARGETS = ["computername", "session", "hostname", "sshconnection", "connectionuri", "vmname", "vmid", "containerid"];

export abstract class RemotingInterpreter extends PipelineInterpreter {
  protected newSession(elements: readonly CommandElement[], scope: Scope, frame: Frame): Value {
    const bound = this.bind(NEW_PSSESSION, elements, scope, frame);
    // With no computer, New-PSSession opens a loopback session: a network logon like any other.
    const computer = bound.named.get("computername") ?? bound.positional[0] ?? { value: THIS_COMPUTER };
    const named = new Map(bound.named).set("computername", computer);
    return { kind: "session", remote: this.remoteTarget(named, undefined, scope, frame) !== undefined };
  }

  /**
   * Where `Invoke-Command` or `New-PSSession` sends code, when that makes the code a remote caller of
   * WUA: the text that names the target, or undefined. A loopback session counts (it gets a network
   * logon) unless it is given -EnableNetworkAccess; PowerShell Direct (-VMName, -VMId, -ContainerId)
   * and custom endpoints (-ConfigurationName other than PowerShell's own) are not judged.
   */
  private remoteTarget(named: Map<string, Argument>, firstPositional: Argument | undefined, scope: Scope, frame: Frame): string | undefined {
    if (named.has("vmname") || named.has("vmid") || named.has("containerid")) return undefined;
    const configuration = named.get("configurationname");
    if (configuration !== undefined) {
      const endpoint = this.argumentValue(configuration, scope, frame);
      const standard = endpoint.kind === "scalar" && /^(?:microsoft\.powershell|powershell\.)/iu.test(String(endpoint.value));
      if (!standard) return undefined;
    }
    for (const parameter of ["hostname", "sshconnection", "connectionuri"]) {
      const argument = named.get(parameter);
      if (argument !== undefined) return this.argumentText(argument);
    }
    const session = named.get("session");
    if (session !== undefined) {
      const value = this.argumentValue(session, scope, frame);
      return value.kind === "session" && !value.remote ? undefined : this.argumentText(session);
    }
    const computer = named.get("computername") ?? firstPositional;
    if (computer === undefined) return undefined;
    const value = this.argumentValue(computer, scope, frame);
    if (named.has("enablenetworkaccess") && this.isThisComputer(value)) return undefined;
    return this.argumentText(computer);
  }

  private argumentText(argument: Argument): string {
    return "node" in argument ? this.abbreviated(argument.node) : "the splatted parameters";
  }

  protected invokeCommand(node: CommandAst, elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value {
    const bound = this.bind(INVOKE_COMMAND, elements, scope, frame);
    const hasNamedTarget = TARGETS.some((target) => bound.named.has(target));
    const filePath = bound.named.get("filepath");
    let blockArgument = bound.named.get("scriptblock");
    let positionalTarget: Argument | undefined;
    const positional = [...bound.positional];
    if (blockArgument === undefined && filePath === undefined) {
      if (!hasNamedTarget && positional.length >= 2) positionalTarget = positional.shift();
      blockArgument = positional.shift();
    } else if (!hasNamedTarget) {
      positionalTarget = positional.shift();
    }
    const target = this.remoteTarget(bound.named, positionalTarget, scope, frame);
    const block = blockArgument && this.argumentValue(blockArgument, scope, frame);
    const args = this.argumentListValues(bound.named.get("argumentlist"), scope, frame);
    if (target !== undefined) this.recordSend(node, filePath, block, target, scope, frame);
    if (block?.kind !== "script-block") return UNKNOWN;
    if (target === undefined && !hasNamedTarget && positionalTarget === undefined) {
      // In process: the block runs here, in a child scope (or this one, with -NoNewScope).
      const runScope = bound.named.has("nonewscope") ? scope : new Scope(scope);
      return this.callBody(block.node, args.map((value) => ({ value })), new Map(), input, runScope, frame, "block");
    }
    const serializedArgs = args.map((value) => ({ value: this.serialized(value) }));
    if (target === undefined) {
      // A target the analysis does not judge (PowerShell Direct, a custom endpoint): the block still
      // runs elsewhere, so nothing of this scope reaches it.
      return this.callBody(block.node, serializedArgs, new Map(), undefined, new Scope(null), this.newFrame(null, scope, false), "block", true);
    }
    const session: RemoteSession = { command: node, description: `in the script block that Invoke-Command runs on ${target} at line ${node.loc.start.line}` };
    this.callBody(block.node, serializedArgs, new Map(), undefined, new Scope(null), this.newFrame(session, scope, false), "block", true);
    // What comes back from another computer is deserialized: no live COM object.
    return UNKNOWN;
  }

  /** Code written in another file that this `Invoke-Command` sends to `target`. */
  private recordSend(node: CommandAst, filePath: Argument | undefined, block: Value | undefined, target: string, scope: Scope, frame: Frame): void {
    const sends = this.facts.sends;
    if (sends === undefined) return;
    if (filePath !== undefined) {
      const path = this.argumentValue(filePath, scope, frame);
      if (path.kind === "scalar" && typeof path.value === "string") sends.file(path.value, node, target);
    } else if (block?.kind === "outside-function") {
      sends.outsideFunction(block.name, node, target);
    }
  }

  /**
   * A workflow: with `-PSComputerName` (or `-PSConnectionUri`) its activities and `InlineScript`
   * blocks run on those computers; otherwise where it is called.
   */
  protected callWorkflow(node: CommandAst, fn: FunctionDefinitionAst, elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value {
    const target = this.workflowTarget(elements, scope, frame);
    if (target === undefined) return this.callFunction(fn, elements, input, scope, frame);
    const session: RemoteSession = { command: node, description: `in workflow ${fn.name}, which runs on ${target} at line ${node.loc.start.line} (-PSComputerName)` };
    this.callFunction(fn, elements, input, scope, this.newFrame(session, frame.usingScope, false));
    return UNKNOWN;
  }

  /**
   * `InlineScript { }` in a workflow: a process of its own where the workflow runs; the workflow's
   * variables reach it only as `$Using:`.
   */
  protected inlineScript(node: CommandAst, elements: readonly CommandElement[], scope: Scope, frame: Frame): Value {
    const [first] = elements;
    if (!insideWorkflow(node) || first?.kind !== "argument" || first.node.type !== "ScriptBlockExpressionAst") {
      this.commandArguments(node, scope, frame);
      return UNKNOWN;
    }
    // An activity's own `-PSComputerName` sends it elsewhere, whatever the workflow's computer.
    const target = this.workflowTarget(elements, scope, frame);
    const session = target === undefined ? frame.session : { command: node, description: `in the InlineScript that runs on ${target} at line ${node.loc.start.line} (-PSComputerName)` };
    return this.callBody(first.node, [], new Map(), undefined, new Scope(null), this.newFrame(session, scope, false), "block", true);
  }

  /** The computers a workflow or activity names with `-PSComputerName`, as written. */
  private workflowTarget(elements: readonly CommandElement[], scope: Scope, frame: Frame): string | undefined {
    const index = elements.findIndex((element) => element.kind === "parameter" && WORKFLOW_TARGETS.has(resolveParameter(WORKFLOW_COMMON, element.name)));
    const target = elements[index + 1];
    if (index === -1 || target?.kind !== "argument") return undefined;
    this.expression(target.node, scope, frame);
    return this.abbreviated(target.node);
  }

  /** `Import-Module .\lib.psm1`: recorded, for functions this file sends from it. */
  protected importModule(elements: readonly CommandElement[], scope: Scope, frame: Frame): Value {
    const bound = this.bind(IMPORT_MODULE, elements, scope, frame);
    const name = bound.named.get("name") ?? bound.positional[0];
    const value = name === undefined ? UNKNOWN : this.argumentValue(name, scope, frame);
    const names = value.kind === "array" ? (value.items ?? [value.element]) : [value];
    for (const each of names) if (each.kind === "scalar" && typeof each.value === "string") this.facts.sends?.library(each.value);
    return UNKNOWN;
  }
}

const WORKFLOW_TARGETS = new Set<string | undefined>(["pscomputername", "psconnectionuri"]);

function insideWorkflow(node: Ast): boolean {
  for (let parent = node.parent; parent !== null; parent = parent.parent) {
    if (parent.type === "FunctionDefinitionAst") return parent.isWorkflow;
  }
  return false;
}
