/**
 * Functions, script blocks and classes: a body runs where it is invoked, with its parameters bound by
 * name, position, pipeline or default, and is remembered per arguments; classes keep their property
 * values per class and run their constructors and methods with `$this`. `run` evaluates the script,
 * then every body nothing invoked (a module's functions, stored blocks, class methods).
 */
import type { Access } from "../../core/findings.js";
import type { Ast, FunctionDefinitionAst, FunctionMemberAst, ScriptBlockAst, ScriptBlockExpressionAst, TypeDefinitionAst } from "../parser/ast.js";
import type { Argument } from "./interpreter-base.js";
import { RemotingInterpreter } from "./remoting.js";
import { idOf, Scope, valueIdentity, type Frame, type RemoteSession } from "./scope.js";
import {
  isSwitchParameter,
  parameterName,
  parametersOf,
  scriptBlockOf,
  statementsOf,
  takesPipelineInput,
  variableName,
  type Body,
  type CommandElement,
} from "./syntax.js";
import { hashtableEntries } from "./pipelines.js";
import { join, joinTwo, NULL, scalar, UNKNOWN, type Value } from "./values.js";

/** How often one function or script block may be evaluated with different arguments. */
const MAX_EVALUATIONS_PER_BODY = 12;

/** Code of this file that other files send to other computers (cross-file.ts), and why. */
export interface SentFromElsewhere {
  /** The whole file runs there (`Invoke-Command -FilePath`). */
  readonly file: RemoteSession | undefined;
  /** Functions of the file sent as `${function:Name}`, by lower-cased name. */
  readonly functions: ReadonlyMap<string, RemoteSession>;
}

/** Bodies nothing invoked, in source order: run at the end with nothing bound. */
export interface Leftovers {
  readonly functions: readonly FunctionDefinitionAst[];
  readonly blocks: readonly ScriptBlockExpressionAst[];
  readonly methods: readonly FunctionMemberAst[];
}

export class Interpreter extends RemotingInterpreter {
  private readonly bodyResults = new Map<string, Value>();
  private readonly running = new Set<string>();
  private readonly classProperties = new Map<string, Value>();

  /**
   * Runs the whole script (on other computers, when another file sends it there), the functions other
   * files send, then every body nothing invoked, except those only ever used as text: code shipped as
   * text runs elsewhere, if anywhere.
   */
  run(script: ScriptBlockAst, leftovers: Leftovers, sent?: SentFromElsewhere): void {
    const frame = this.newFrame(sent?.file ?? null, null, false);
    for (const parameter of parametersOf(script)) {
      // A script's parameters come from whoever starts it: a computer name there is not known.
      this.root.variables.set(parameterName(parameter), UNKNOWN);
    }
    // begin/process/end blocks of a script share its scope, in that order.
    this.runStatements(statementsOf(script), this.root, frame);
    for (const [name, session] of sent?.functions ?? []) {
      const fn = this.facts.functions.get(name);
      if (fn !== undefined) this.callBody(fn, [], new Map(), undefined, new Scope(null), this.newFrame(session, null, false), "function", true, UNKNOWN);
    }
    const unused = (body: Ast): boolean => !this.evaluations.has(body) && !this.onlyText(body);
    for (const fn of leftovers.functions) {
      // Nothing in the file calls it (a module's function): its parameters are not known.
      if (unused(fn)) this.callBody(fn, [], new Map(), undefined, this.root, frame, "function", false, UNKNOWN);
    }
    for (const method of leftovers.methods) {
      if (this.evaluations.has(method)) continue;
      const owner = classOf(method);
      this.callMethod(method, owner === undefined ? UNKNOWN : { kind: "instance", className: owner }, [], frame);
    }
    for (const block of leftovers.blocks) {
      if (unused(block)) this.callBody(block, [], new Map(), undefined, new Scope(null), frame, "block");
    }
  }

  /** Whether a body, or one it is written in, is used only as text. */
  private onlyText(body: Ast): boolean {
    for (let node: Ast | null = body; node !== null; node = node.parent) {
      if (this.textUses.has(node) && !this.evaluations.has(node)) return true;
    }
    return false;
  }

  protected callFunction(fn: FunctionDefinitionAst, elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value {
    const declared = parametersOf(fn);
    const names = declared.map(parameterName);
    const named = new Map<string, Argument>();
    const positional: Argument[] = [];
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      if (element.kind === "argument") {
        if (element.node.type === "VariableExpressionAst" && element.node.splatted) {
          const splat = this.readVariable(variableName(element.node), scope, frame);
          for (const [key, entry] of hashtableEntries(splat)) named.set(key, { value: entry });
          continue;
        }
        positional.push({ node: element.node });
        continue;
      }
      const full = names.find((name) => name === element.name) ?? uniquePrefix(names, element.name);
      const parameter = full === undefined ? undefined : declared[names.indexOf(full)];
      const next = elements[i + 1];
      if (parameter !== undefined && isSwitchParameter(parameter) && !element.colon) {
        named.set(full!, { value: scalar(true) });
      } else if (next?.kind === "argument") {
        if (full) named.set(full, { node: next.node });
        i++;
      }
    }
    return this.callBody(fn, positional, named, input, scope, frame, "function");
  }

  /**
   * Runs a function or script block with its parameters bound: by name, by position, from the
   * pipeline (a `ValueFromPipeline` parameter, and `$_` in a `process` block), else their defaults.
   * Remembered per arguments; a body already running (recursion) yields unknown.
   */
  callBody(
    body: Body,
    positional: readonly Argument[],
    named: ReadonlyMap<string, Argument>,
    input: Value | undefined,
    scope: Scope,
    frame: Frame,
    kind: "function" | "block",
    isolated = false,
    missing: Value = NULL,
  ): Value {
    const values = new Map<string, Value>();
    let next = 0;
    const argumentValue = (argument: Argument): Value => this.argumentValue(argument, scope, frame);
    const pipelineElement = input === undefined ? undefined : this.elementOf(input);
    for (const parameter of parametersOf(body)) {
      const name = parameterName(parameter);
      const given = named.get(name);
      let value: Value;
      if (given !== undefined) value = argumentValue(given);
      else if (pipelineElement !== undefined && takesPipelineInput(parameter)) value = pipelineElement;
      else if (next < positional.length) value = argumentValue(positional[next++]!);
      else if (parameter.defaultValue !== null && missing === NULL) value = this.expression(parameter.defaultValue, scope, frame);
      else value = missing;
      values.set(name, value);
    }
    const argsValue: Value = next < positional.length ? { kind: "array", element: join(positional.slice(next).map(argumentValue)) } : UNKNOWN;
    const key = `${idOf(body)}|${frame.session === null ? "" : idOf(frame.session.command)}|${[...values].map(([n, v]) => `${n}=${valueIdentity(v)}`).join(",")}|${valueIdentity(pipelineElement)}|${valueIdentity(argsValue)}|${isolated}`;
    const known = this.bodyResults.get(key);
    if (known !== undefined) return known;
    if (this.running.has(key) || (this.evaluations.get(body) ?? 0) >= MAX_EVALUATIONS_PER_BODY) return UNKNOWN;
    this.running.add(key);
    this.markEvaluated(body);
    try {
      const bodyScope = kind === "function" || isolated ? new Scope(isolated ? null : scope) : scope;
      for (const [name, value] of values) bodyScope.variables.set(name, value);
      bodyScope.variables.set("args", argsValue);
      if (pipelineElement !== undefined) {
        bodyScope.variables.set("_", pipelineElement);
        bodyScope.variables.set("psitem", pipelineElement);
        bodyScope.variables.set("input", input!);
      }
      const inner = this.newFrame(frame.session, frame.usingScope, false);
      this.runStatements(statementsOf(scriptBlockOf(body)), bodyScope, inner);
      const result = inner.output.length === 0 ? UNKNOWN : join(inner.output);
      this.bodyResults.set(key, result);
      return result;
    } finally {
      this.running.delete(key);
    }
  }

  // --- classes --------------------------------------------------------------------------------------

  methodOf(className: string, methodName: string): FunctionMemberAst | undefined {
    const classNode = this.facts.classes.get(className);
    return classNode?.members.find((member): member is FunctionMemberAst => member.type === "FunctionMemberAst" && member.name.toLowerCase() === methodName);
  }

  construct(className: string, args: readonly Value[], scope: Scope, frame: Frame): Value {
    const instance: Value = { kind: "instance", className };
    for (const member of this.facts.classes.get(className)?.members ?? []) {
      if (member.type === "PropertyMemberAst" && member.initialValue !== null) {
        this.storeProperty(className, member.name.toLowerCase(), this.expression(member.initialValue, scope, frame));
      }
    }
    const constructor = this.methodOf(className, className);
    if (constructor) this.callMethod(constructor, instance, args, frame);
    return instance;
  }

  private storeProperty(className: string, property: string, value: Value): void {
    const key = `${className}.${property}`;
    const before = this.classProperties.get(key);
    this.classProperties.set(key, before === undefined ? value : joinTwo(before, value));
  }

  instanceMember(className: string, name: string, access: Access, args: readonly Value[], _scope: Scope, frame: Frame, written?: Value): Value {
    const lower = name.toLowerCase();
    if (access === "write") {
      this.storeProperty(className, lower, written ?? UNKNOWN);
      return UNKNOWN;
    }
    if (access === "call") {
      const method = this.methodOf(className, lower);
      return method ? this.callMethod(method, { kind: "instance", className }, args, frame) : UNKNOWN;
    }
    return this.classProperties.get(`${className}.${lower}`) ?? UNKNOWN;
  }

  callMethod(method: FunctionMemberAst, self: Value, args: readonly Value[], frame: Frame): Value {
    const key = `${idOf(method)}|${valueIdentity(self)}|${args.map(valueIdentity).join(",")}|${frame.session === null ? "" : idOf(frame.session.command)}`;
    const known = this.bodyResults.get(key);
    if (known !== undefined) return known;
    if (this.running.has(key) || (this.evaluations.get(method) ?? 0) >= MAX_EVALUATIONS_PER_BODY) return UNKNOWN;
    this.running.add(key);
    this.markEvaluated(method);
    try {
      const methodScope = new Scope(null);
      methodScope.variables.set("this", self);
      method.parameters.forEach((parameter, index) => methodScope.variables.set(parameterName(parameter), args[index] ?? NULL));
      for (const argument of method.baseArguments ?? []) this.expression(argument, methodScope, frame);
      // Class methods output only what they `return`.
      const inner = this.newFrame(frame.session, frame.usingScope, true);
      this.runStatements(statementsOf(method.body), methodScope, inner);
      const result = inner.output.length === 0 ? UNKNOWN : join(inner.output);
      this.bodyResults.set(key, result);
      return result;
    } finally {
      this.running.delete(key);
    }
  }
}

function uniquePrefix(names: readonly string[], prefix: string): string | undefined {
  const matches = names.filter((name) => name.startsWith(prefix));
  return matches.length === 1 ? matches[0] : undefined;
}

function classOf(method: FunctionMemberAst): string | undefined {
  const owner: Ast | null = method.parent;
  return owner?.type === "TypeDefinitionAst" ? (owner as TypeDefinitionAst).name.toLowerCase() : undefined;
}
