/**
 * The PowerShell evaluator: runs a script abstractly, in statement order, keeping for each variable
 * what WUA object (if any) it holds and whether that object lives on another computer. Branches are
 * evaluated apart and joined, loops until their values settle (within a bound), functions and script
 * blocks where they are invoked, with their arguments. Member uses on WUA objects become findings.
 * Anything it cannot decide is "unknown": never a guess, never a throw.
 */
import { abbreviate, remoteFileReason, type RemoteFile } from "../core/file-context.js";
import { judgeCreation, judgeMemberUse, type Access, type Finding } from "../core/findings.js";
import { lookUpProgId, resolveDefaultMember, resolveMember, viewsOf, viewsReturnedBy, type InterfaceName } from "../core/object-model.js";
import type { ArgumentFact } from "../core/remote-status.js";
import {
  bindCommand,
  COMMAND_NAMES,
  FOREACH_OBJECT,
  INVOKE_COMMAND,
  NEW_OBJECT,
  NEW_PSSESSION,
  resolveParameter,
  SELECT_OBJECT,
  START_JOB,
  WHERE_OBJECT,
  type CommandSpec,
} from "./commands.js";
import type { PsNode } from "./nodes.js";
import {
  childOfType,
  commandLine,
  parametersOf,
  statementsOf,
  stringValue,
  typeName,
  variableName,
  type CommandElement,
  type VariableName,
} from "./syntax.js";
import {
  FAILED,
  join,
  joinTwo,
  NULL,
  scalar,
  THIS_COMPUTER,
  UNKNOWN,
  valueKey,
  wuaObject,
  type Origin,
  type Value,
} from "./values.js";

/** What the analysis knows of the file before it runs it. */
export interface ScriptFacts {
  readonly text: string;
  readonly lineOf: (offset: number) => number;
  /** Names that mean "this computer", lower-cased. */
  readonly localNames: ReadonlySet<string>;
  readonly remoteFile: RemoteFile;
  /** Every variable name the file assigns somewhere (lower-cased): other names read as `$null`. */
  readonly assignedNames: ReadonlySet<string>;
  /** False when the file dot-sources other scripts, which may assign any variable. */
  readonly unassignedIsNull: boolean;
  readonly functions: ReadonlyMap<string, PsNode>;
  readonly classes: ReadonlyMap<string, PsNode>;
  /**
   * Where the parser failed, on the text as it is or after recovery (ERROR ranges, MISSING tokens as
   * empty ranges): no fix is offered for code there.
   */
  readonly misread: readonly (readonly [number, number])[];
}

/** Why code runs as a remote caller: the `Invoke-Command` that sends it to other computers. */
interface RemoteSession {
  readonly command: PsNode;
  readonly description: string;
}

/** One running body: a script, a function, a script block. */
interface Frame {
  readonly session: RemoteSession | null;
  readonly output: Value[];
  /** Where `$using:` reads from, and whether values arrive serialized (remote). */
  readonly usingScope: Scope | null;
  /** Class methods output only what they `return`. */
  readonly returnsOnly: boolean;
}

class Scope {
  readonly variables = new Map<string, Value>();
  constructor(readonly parent: Scope | null) {}

  lookUp(name: string): Value | undefined {
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      const value = scope.variables.get(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  fork(): Scope {
    const copy = new Scope(this.parent);
    for (const [name, value] of this.variables) copy.variables.set(name, value);
    return copy;
  }

  /** After branches: each variable holds what any branch (or, unless `exhaustive`, no branch) left. */
  merge(branches: readonly Scope[], exhaustive: boolean): boolean {
    const names = new Set<string>();
    for (const branch of branches) for (const name of branch.variables.keys()) names.add(name);
    let changed = false;
    for (const name of names) {
      const values: Value[] = [];
      const before = this.variables.get(name);
      if (!exhaustive && before !== undefined) values.push(before);
      for (const branch of branches) {
        const value = branch.variables.get(name) ?? (exhaustive ? before : undefined);
        if (value !== undefined) values.push(value);
      }
      const merged = join(values);
      if (merged !== before && valueIdentity(merged) !== valueIdentity(before)) changed = true;
      this.variables.set(name, merged);
    }
    return changed;
  }
}

let identityCounter = 0;
const identities = new WeakMap<object, number>();
function idOf(object: object): number {
  let id = identities.get(object);
  if (id === undefined) identities.set(object, (id = ++identityCounter));
  return id;
}
function valueIdentity(value: Value | undefined): string {
  return value === undefined ? "" : valueKey(value, idOf);
}

/** Automatic variables PowerShell sets itself: reading one is not reading `$null`. */
const AUTOMATIC = new Set([
  "_", "psitem", "args", "input", "this", "matches", "error", "host", "home", "pid", "pwd", "profile",
  "psscriptroot", "pscommandpath", "myinvocation", "psboundparameters", "pscmdlet", "executioncontext",
  "lastexitcode", "psversiontable", "shellid", "psculture", "psuiculture", "stacktrace", "sender",
  "event", "eventargs", "eventsubscriber", "foreach", "switch", "psdebugcontext", "nestedpromptlevel",
  "iscoreclr", "islinux", "ismacos", "iswindows", "psedition", "pshome", "consolefilename", "ofs",
]);

const NAMED_BLOCKS = new Set(["begin", "process", "end", "dynamicparam", "clean"]);

/** Deep enough for any real script; far from the JS stack limit. */
const MAX_DEPTH = 300;
/** How often one function or script block may be evaluated with different arguments. */
const MAX_EVALUATIONS_PER_BODY = 12;
/** How many times a loop body is run while its variables still change. */
const MAX_LOOP_PASSES = 3;

type Argument = { readonly node: PsNode } | { readonly value: Value };

export class Interpreter {
  readonly findings: Finding<PsNode>[] = [];
  private readonly reported = new Set<PsNode>();
  private readonly root = new Scope(null);
  /** Bodies (functions, script blocks, class methods) evaluated at least once, and how often. */
  private readonly evaluations = new Map<PsNode, number>();
  private readonly bodyResults = new Map<string, Value>();
  private readonly running = new Set<string>();
  private readonly classProperties = new Map<string, Value>();
  private depth = 0;
  private loopNesting = 0;

  constructor(private readonly facts: ScriptFacts) {}

  /** Runs the whole script, then every body nothing invoked (a module's functions, stored blocks). */
  run(program: PsNode, leftovers: { functions: readonly PsNode[]; blocks: readonly PsNode[]; methods: readonly PsNode[] }): void {
    const frame = this.newFrame(null, null, false);
    for (const parameter of parametersOf(program)) {
      // A script's parameters come from whoever starts it: a computer name there is not known.
      const name = this.parameterName(parameter);
      if (name !== undefined) this.root.variables.set(name, UNKNOWN);
    }
    // begin/process/end blocks of a script share its scope, in that order.
    this.runStatements(statementsOf(program), this.root, frame);
    for (const fn of leftovers.functions) {
      // Nothing in the file calls it (a module's function): its parameters are not known.
      if (!this.evaluations.has(fn)) this.callBody(fn, [], new Map(), undefined, this.root, frame, "function", false, UNKNOWN);
    }
    for (const method of leftovers.methods) {
      if (this.evaluations.has(method)) continue;
      const owner = this.classOf(method);
      const self: Value = owner ? { kind: "instance", className: owner } : UNKNOWN;
      this.callMethod(method, self, [], frame);
    }
    for (const block of leftovers.blocks) {
      if (!this.evaluations.has(block)) this.callBody(block, [], new Map(), undefined, new Scope(null), frame, "block");
    }
  }

  private newFrame(session: RemoteSession | null, usingScope: Scope | null, returnsOnly: boolean): Frame {
    return { session, output: [], usingScope, returnsOnly };
  }

  private report(finding: Finding<PsNode>): void {
    if (this.reported.has(finding.node)) return;
    this.reported.add(finding.node);
    this.findings.push(finding);
  }

  private text(node: PsNode): string {
    return this.facts.text.slice(node.range[0], node.range[1]);
  }

  private abbreviated(node: PsNode): string {
    return abbreviate(this.text(node));
  }

  // --- statements --------------------------------------------------------------------------

  private runStatements(statements: readonly PsNode[], scope: Scope, frame: Frame): void {
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const next = statements[i + 1];
      if (statement.type === "ERROR" && next !== undefined && this.isForEachGap(statement, next)) {
        // `$x.ForEach({ ... })`: the grammar cannot read `.ForEach(`; the block follows the ERROR.
        const receiver = statement.children[statement.children.length - 1];
        const input = receiver ? this.expression(receiver, scope, frame) : UNKNOWN;
        const block = childOfType(next, "script_block_expression")!;
        this.output(frame, { kind: "array", element: this.runPerElement(block, input, scope, frame) });
        i++;
        continue;
      }
      this.statement(statement, scope, frame);
    }
  }

  private isForEachGap(error: PsNode, next: PsNode): boolean {
    return (
      /\.foreach\s*$/iu.test(this.text(error)) &&
      next.type === "parenthesized_expression" &&
      childOfType(next, "script_block_expression") !== undefined
    );
  }

  private output(frame: Frame, value: Value): void {
    if (!frame.returnsOnly && value.kind !== "unknown") frame.output.push(value);
  }

  private statement(node: PsNode, scope: Scope, frame: Frame): void {
    if (this.depth >= MAX_DEPTH) return;
    this.depth++;
    try {
      this.statementUnguarded(node, scope, frame);
    } finally {
      this.depth--;
    }
  }

  private statementUnguarded(node: PsNode, scope: Scope, frame: Frame): void {
    switch (node.type) {
      case "empty_statement":
      case "function_statement":
      case "class_statement":
      case "enum_statement":
      case "comment":
        return;
      case "assignment_expression":
        this.assignment(node, scope, frame);
        return;
      case "if_statement":
        this.ifStatement(node, scope, frame);
        return;
      case "foreach_statement":
        this.foreachStatement(node, scope, frame);
        return;
      case "for_statement":
      case "while_statement":
      case "do_statement":
        this.loop(node, scope, frame);
        return;
      case "switch_statement":
        this.switchStatement(node, scope, frame);
        return;
      case "try_statement":
        this.tryStatement(node, scope, frame);
        return;
      case "trap_statement":
        this.branches([childOfType(node, "statement_block")], scope, frame, false);
        return;
      case "flow_control_statement": {
        const value = node.children[0] ? this.expression(node.children[0], scope, frame) : UNKNOWN;
        if (node.token === "return" && value.kind !== "unknown") frame.output.push(value);
        return;
      }
      case "statement_block":
      case "statement_list":
        this.runStatements(statementsOf(node), scope, frame);
        return;
      case "ERROR":
        this.runStatements(node.children, scope, frame);
        return;
      case "pipeline_chain":
        this.output(frame, this.pipeline(node, scope, frame));
        return;
      default:
        this.output(frame, this.expression(node, scope, frame));
    }
  }

  private assignment(node: PsNode, scope: Scope, frame: Frame): Value {
    const [target, operator, source] = node.children;
    if (!target || !source) return UNKNOWN;
    const op = operator ? this.text(operator) : "=";
    const value = this.statementValue(source, scope, frame);
    this.assignTo(target, op, value, scope, frame);
    return value;
  }

  /** The value of a statement used as an expression (`$x = if (...) { ... }`, `$x = foreach ...`). */
  private statementValue(node: PsNode, scope: Scope, frame: Frame): Value {
    switch (node.type) {
      case "if_statement":
      case "foreach_statement":
      case "switch_statement":
      case "for_statement":
      case "while_statement":
      case "do_statement":
      case "try_statement": {
        const inner = this.newFrame(frame.session, frame.usingScope, false);
        this.statement(node, scope, inner);
        return inner.output.length === 0 ? UNKNOWN : join(inner.output);
      }
      case "pipeline_chain":
        return this.pipeline(node, scope, frame);
      default:
        return this.expression(node, scope, frame);
    }
  }

  private assignTo(target: PsNode, operator: string, value: Value, scope: Scope, frame: Frame): void {
    switch (target.type) {
      case "variable": {
        const name = variableName(this.text(target));
        if (name.name === "null" && name.scope === "") return;
        const holder = name.scope === "script" || name.scope === "global" ? this.root : scope;
        const before = operator === "=" ? undefined : this.readVariable(name, scope, frame);
        holder.variables.set(name.name, before === undefined ? value : this.compound(before, value));
        return;
      }
      case "cast_expression": {
        const inner = target.children[target.children.length - 1];
        if (inner) this.assignTo(inner, operator, value, scope, frame);
        return;
      }
      case "member_access": {
        const [objectNode, nameNode] = target.children;
        if (!objectNode || !nameNode) return;
        const object = this.expression(objectNode, scope, frame);
        this.useMember(object, nameNode, "write", undefined, scope, frame, value);
        return;
      }
      case "element_access":
        this.expression(target, scope, frame);
        return;
      default:
        return;
    }
  }

  /** `$list += $update`: an array that holds both. */
  private compound(before: Value, added: Value): Value {
    if (before.kind === "array" || before.kind === "wua" || added.kind === "wua" || added.kind === "array") {
      return { kind: "array", element: joinTwo(this.elementOf(before), this.elementOf(added)) };
    }
    if (before.kind === "scalar" && added.kind === "scalar") {
      if (typeof before.value === "string" || typeof added.value === "string") return scalar(String(before.value) + String(added.value));
      if (typeof before.value === "number" && typeof added.value === "number") return scalar(before.value + added.value);
    }
    return UNKNOWN;
  }

  private ifStatement(node: PsNode, scope: Scope, frame: Frame): void {
    const blocks: (PsNode | undefined)[] = [];
    let exhaustive = false;
    for (const child of node.children) {
      if (child.type === "statement_block") blocks.push(child);
      else if (child.type === "elseif_clauses") {
        for (const clause of child.children) {
          const condition = clause.children.find((c) => c.type !== "statement_block");
          if (condition) this.statementValue(condition, scope, frame);
          blocks.push(childOfType(clause, "statement_block"));
        }
      } else if (child.type === "else_clause") {
        blocks.push(childOfType(child, "statement_block"));
        exhaustive = true;
      } else {
        this.statementValue(child, scope, frame);
      }
    }
    this.branches(blocks, scope, frame, exhaustive);
  }

  /** Runs each block on its own copy of the variables, then joins them into `scope`. */
  private branches(blocks: readonly (PsNode | undefined)[], scope: Scope, frame: Frame, exhaustive: boolean, bind?: (branch: Scope) => void): boolean {
    const forks: Scope[] = [];
    for (const block of blocks) {
      const fork = scope.fork();
      bind?.(fork);
      if (block) this.runStatements(statementsOf(block), fork, frame);
      forks.push(fork);
    }
    return scope.merge(forks, exhaustive);
  }

  /** A loop body: run until the variables it changes settle, then joined with "not run at all". */
  private repeat(body: PsNode | undefined, scope: Scope, frame: Frame, bind?: (branch: Scope) => void): void {
    this.loopNesting++;
    try {
      const passes = this.loopNesting > 3 ? 1 : MAX_LOOP_PASSES;
      for (let pass = 0; pass < passes; pass++) {
        if (!this.branches([body], scope, frame, false, bind)) break;
      }
    } finally {
      this.loopNesting--;
    }
  }

  private foreachStatement(node: PsNode, scope: Scope, frame: Frame): void {
    const variable = childOfType(node, "variable");
    const body = childOfType(node, "statement_block");
    const collection = node.children.find((child) => child !== variable && child !== body && child.type !== "foreach_parameter");
    const element = collection ? this.elementOf(this.statementValue(collection, scope, frame)) : UNKNOWN;
    const name = variable ? variableName(this.text(variable)).name : undefined;
    this.repeat(body, scope, frame, (branch) => {
      if (name !== undefined) branch.variables.set(name, element);
    });
  }

  private loop(node: PsNode, scope: Scope, frame: Frame): void {
    const body = childOfType(node, "statement_block");
    for (const child of node.children) if (child !== body) this.generic(child, scope, frame);
    this.repeat(body, scope, frame);
  }

  private switchStatement(node: PsNode, scope: Scope, frame: Frame): void {
    const condition = childOfType(node, "switch_condition");
    const subject = condition ? join(condition.children.map((c) => this.statementValue(c, scope, frame))) : UNKNOWN;
    const element = this.elementOf(subject);
    const clauses = childOfType(childOfType(node, "switch_body") ?? node, "switch_clauses")?.children ?? [];
    this.branches(
      clauses.map((clause) => childOfType(clause, "statement_block")),
      scope,
      frame,
      false,
      (branch) => {
        branch.variables.set("_", element);
        branch.variables.set("psitem", element);
      },
    );
  }

  private tryStatement(node: PsNode, scope: Scope, frame: Frame): void {
    const body = childOfType(node, "statement_block");
    if (body) this.runStatements(statementsOf(body), scope, frame);
    const catches = childOfType(node, "catch_clauses")?.children ?? [];
    this.branches(catches.map((clause) => childOfType(clause, "statement_block")), scope, frame, false);
    const final = childOfType(node, "finally_clause");
    const finalBlock = final && childOfType(final, "statement_block");
    if (finalBlock) this.runStatements(statementsOf(finalBlock), scope, frame);
  }

  // --- expressions -------------------------------------------------------------------------

  private expression(node: PsNode, scope: Scope, frame: Frame): Value {
    if (this.depth >= MAX_DEPTH) return UNKNOWN;
    this.depth++;
    try {
      return this.expressionUnguarded(node, scope, frame);
    } finally {
      this.depth--;
    }
  }

  private expressionUnguarded(node: PsNode, scope: Scope, frame: Frame): Value {
    switch (node.type) {
      case "variable":
        return this.readVariable(variableName(this.text(node)), scope, frame);
      case "expandable_string_literal":
      case "expandable_here_string_literal":
      case "verbatim_string_characters":
      case "verbatim_here_string_characters":
      case "generic_token": {
        // A string is data: code written in it never runs here. Only `$(...)` inside a double-quoted
        // string runs, where the string is built.
        for (const child of node.children) if (child.type === "sub_expression") this.expression(child, scope, frame);
        const text = stringValue(node, this.facts.text);
        return text === undefined ? UNKNOWN : scalar(text);
      }
      case "decimal_integer_literal":
      case "hexadecimal_integer_literal":
      case "real_literal": {
        const number = Number(this.text(node));
        return Number.isFinite(number) ? scalar(number) : UNKNOWN;
      }
      case "member_access":
        return this.memberAccess(node, scope, frame);
      case "invokation_expression":
        return this.invocation(node, scope, frame);
      case "invokation_foreach_expression": {
        // `$x.Where({...}).ForEach({...})`: the grammar reads `.ForEach` and leaves `(` as an ERROR.
        const block = childOfType(node, "script_block_expression");
        const receiver = node.children[0];
        const input = receiver && receiver !== block ? this.expression(receiver, scope, frame) : UNKNOWN;
        return block ? this.wrapArray(this.runPerElement(block, input, scope, frame)) : UNKNOWN;
      }
      case "element_access":
        return this.elementAccess(node, scope, frame);
      case "parenthesized_expression":
        return node.children[0] ? this.statementValue(node.children[0], scope, frame) : UNKNOWN;
      case "sub_expression":
      case "array_expression": {
        const inner = this.newFrame(frame.session, frame.usingScope, false);
        this.runStatements(statementsOf(childOfType(node, "statement_list")), scope, inner);
        const value = inner.output.length === 0 ? UNKNOWN : join(inner.output);
        return node.type === "array_expression" ? { kind: "array", element: this.elementOf(value) } : value;
      }
      case "array_literal_expression":
        return { kind: "array", element: join(node.children.map((child) => this.expression(child, scope, frame))) };
      case "script_block_expression":
        return { kind: "script-block", node };
      case "hash_literal_expression":
        return this.hashtable(node, scope, frame);
      case "cast_expression":
        return this.cast(node, scope, frame);
      case "assignment_expression":
        return this.assignment(node, scope, frame);
      case "pipeline_chain":
        return this.pipeline(node, scope, frame);
      case "command":
        return this.command(node, undefined, scope, frame);
      case "expression_with_unary_operator":
        if (node.children.length === 1 && node.children[0]!.type === "cast_expression") return this.cast(node.children[0]!, scope, frame);
        this.generic(node, scope, frame);
        return UNKNOWN;
      case "additive_expression":
        return this.addition(node, scope, frame);
      case "type_literal":
        return UNKNOWN;
      default:
        if (node.type.endsWith("_statement")) return this.statementValue(node, scope, frame);
        this.generic(node, scope, frame);
        return UNKNOWN;
    }
  }

  /** Evaluates what a node holds for its findings alone (operators, conditions, unknown syntax). */
  private generic(node: PsNode, scope: Scope, frame: Frame): void {
    switch (node.type) {
      case "script_block_expression":
      case "function_statement":
      case "class_statement":
      case "type_literal":
        return;
      default:
        for (const child of node.children) {
          if (child.type === "statement_list" || child.type === "statement_block") this.runStatements(statementsOf(child), scope, this.newFrame(frame.session, frame.usingScope, false));
          else this.expression(child, scope, frame);
        }
    }
  }

  private addition(node: PsNode, scope: Scope, frame: Frame): Value {
    const values = node.children.map((child) => this.expression(child, scope, frame));
    if (node.token !== "+" || values.length !== 2) return UNKNOWN;
    const [left, right] = values as [Value, Value];
    return left.kind === "scalar" && right.kind === "scalar" ? this.compound(left, right) : UNKNOWN;
  }

  private cast(node: PsNode, scope: Scope, frame: Frame): Value {
    const type = node.children[0] && typeName(node.children[0], this.facts.text);
    const operand = node.children[node.children.length - 1];
    const value = operand && operand !== node.children[0] ? this.expression(operand, scope, frame) : UNKNOWN;
    switch (type) {
      case "void":
        return UNKNOWN;
      case "array":
      case "object[]":
      case "collections.arraylist":
        return { kind: "array", element: this.elementOf(value) };
      case "string":
        return value.kind === "scalar" ? scalar(String(value.value)) : value.kind === "this-computer" ? value : UNKNOWN;
      default:
        return value;
    }
  }

  private readVariable(name: VariableName, scope: Scope, frame: Frame): Value {
    switch (name.scope) {
      case "env":
        return name.name === "computername" ? THIS_COMPUTER : UNKNOWN;
      case "using": {
        const value = frame.usingScope?.lookUp(name.name) ?? this.unassigned(name.name);
        // What crosses to another computer is serialized: a COM object arrives as a property bag.
        return frame.session !== null ? this.serialized(value) : value;
      }
      case "function": {
        const fn = this.facts.functions.get(name.name);
        return fn ? { kind: "script-block", node: fn } : UNKNOWN;
      }
      case "script":
      case "global":
        return this.root.lookUp(name.name) ?? this.unassigned(name.name);
      case "":
      case "local":
      case "private":
        break;
      default:
        return UNKNOWN;
    }
    switch (name.name) {
      case "null":
        return NULL;
      case "true":
        return scalar(true);
      case "false":
        return scalar(false);
    }
    return scope.lookUp(name.name) ?? this.unassigned(name.name);
  }

  /** A variable nothing assigned: `$null` in PowerShell, unless it may come from elsewhere. */
  private unassigned(name: string): Value {
    if (AUTOMATIC.has(name) || this.facts.assignedNames.has(name) || !this.facts.unassignedIsNull) return UNKNOWN;
    return NULL;
  }

  private serialized(value: Value): Value {
    switch (value.kind) {
      case "scalar":
      case "null":
      case "this-computer":
      case "choice":
        return value;
      case "array":
        return { kind: "array", element: this.serialized(value.element) };
      default:
        return UNKNOWN;
    }
  }

  // --- members -----------------------------------------------------------------------------

  private memberAccess(node: PsNode, scope: Scope, frame: Frame): Value {
    const [objectNode, nameNode] = node.children;
    if (!nameNode) return objectNode ? this.expression(objectNode, scope, frame) : UNKNOWN;
    if (!objectNode) return UNKNOWN;
    if (node.token === "::") return this.staticMember(objectNode, nameNode, undefined, node, scope, frame);
    const object = this.expression(objectNode, scope, frame);
    return this.useMember(object, nameNode, "read", undefined, scope, frame);
  }

  private invocation(node: PsNode, scope: Scope, frame: Frame): Value {
    const [objectNode, nameNode, argumentList] = node.children;
    if (!nameNode) return objectNode ? this.expression(objectNode, scope, frame) : UNKNOWN;
    if (!objectNode) return UNKNOWN;
    const args = argumentList ? this.argumentNodes(argumentList) : [];
    if (node.token === "::") return this.staticMember(objectNode, nameNode, args, node, scope, frame);
    const object = this.expression(objectNode, scope, frame);
    const name = this.memberName(nameNode, scope, frame);
    const lowerName = name?.toLowerCase();
    if ((lowerName === "foreach" || lowerName === "where") && args.length > 0 && args[0]!.type === "script_block_expression") {
      const element = this.runPerElement(args[0]!, object, scope, frame, lowerName === "where");
      return { kind: "array", element };
    }
    return this.useMember(object, nameNode, "call", args, scope, frame);
  }

  private argumentNodes(argumentList: PsNode): PsNode[] {
    const list = childOfType(argumentList, "argument_expression_list");
    return list ? list.children : [];
  }

  private memberName(nameNode: PsNode, scope: Scope, frame: Frame): string | undefined {
    if (nameNode.type === "simple_name") return this.text(nameNode);
    const literal = stringValue(nameNode, this.facts.text);
    if (literal !== undefined) return literal;
    const computed = this.expression(nameNode, scope, frame);
    return computed.kind === "scalar" && typeof computed.value === "string" ? computed.value : undefined;
  }

  /**
   * A member used on a value: judged when the value is a WUA object. `written` is the value stored by
   * a write. Arrays and WUA collections hand a member they lack to their elements, as PowerShell's
   * member-access enumeration does.
   */
  private useMember(object: Value, nameNode: PsNode, access: Access, args: readonly PsNode[] | undefined, scope: Scope, frame: Frame, written?: Value): Value {
    const argValues = args?.map((arg) => this.expression(arg, scope, frame));
    const name = this.memberName(nameNode, scope, frame);
    if (name === undefined) return UNKNOWN;
    return this.memberOf(object, name, nameNode, access, argValues, scope, frame, written);
  }

  private memberOf(object: Value, name: string, nameNode: PsNode, access: Access, args: readonly Value[] | undefined, scope: Scope, frame: Frame, written?: Value): Value {
    switch (object.kind) {
      case "wua":
        return this.wuaMember(object, name, nameNode, access, args);
      case "array":
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
        return lower === "invoke" || lower === "invokereturnasis" ? this.callBody(object.node, (args ?? []).map((value) => ({ value })), new Map(), undefined, scope, frame, "block") : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private wrapArray(value: Value): Value {
    return value.kind === "unknown" || value.kind === "failed" ? value : { kind: "array", element: value };
  }

  private wuaMember(object: Value & { kind: "wua" }, name: string, nameNode: PsNode, access: Access, args: readonly Value[] | undefined): Value {
    const declared = resolveMember(object.views, name);
    if (declared.length === 0) {
      // `$result.Updates.Title`: a collection passes a member it lacks to each element.
      const element = this.collectionElement(object);
      if (element === undefined || access === "write") return UNKNOWN;
      return this.wrapArray(this.wuaMember(element, name, nameNode, access, args));
    }
    // `$session.CreateUpdateInstaller` without parentheses names the method; it does not call it.
    if (access === "read" && declared.every((d) => d.member.kind === "method")) return UNKNOWN;
    const outcome = judgeMemberUse<PsNode>({
      declared,
      access,
      node: nameNode,
      origins: object.origins,
      argument: (index) => argumentFact(args, index),
    });
    if (outcome.finding) this.report(outcome.finding);
    if (outcome.yields === "failed") return FAILED;
    return wuaObject(outcome.yields, object.origins);
  }

  /** The element a WUA collection enumerates: what its default member (Item) yields. */
  private collectionElement(object: Value & { kind: "wua" }): (Value & { kind: "wua" }) | undefined {
    const views = viewsReturnedBy(resolveDefaultMember(object.views));
    if (views.length === 0) return undefined;
    return wuaObject(views, object.origins) as Value & { kind: "wua" };
  }

  /** What `foreach`, a pipeline or `.ForEach` hands on one at a time. */
  private elementOf(value: Value): Value {
    if (value.kind === "array") return value.element;
    if (value.kind === "wua") return this.collectionElement(value) ?? value;
    return value;
  }

  private elementAccess(node: PsNode, scope: Scope, frame: Frame): Value {
    const [objectNode, indexNode] = node.children;
    if (!objectNode) return UNKNOWN;
    const object = this.expression(objectNode, scope, frame);
    const index = indexNode ? this.expression(indexNode, scope, frame) : UNKNOWN;
    switch (object.kind) {
      case "array":
        return object.element;
      case "hashtable":
        return index.kind === "scalar" && typeof index.value === "string" ? (object.entries.get(index.value.toLowerCase()) ?? UNKNOWN) : UNKNOWN;
      case "wua": {
        // `$updates[0]` reaches the collection's default member, as `.Item(0)` does.
        const declared = resolveDefaultMember(object.views);
        if (declared.length === 0) return UNKNOWN;
        const outcome = judgeMemberUse<PsNode>({ declared, access: "read", node, origins: object.origins, argument: () => ({ kind: "unknown" }) });
        if (outcome.finding) this.report(outcome.finding);
        return outcome.yields === "failed" ? FAILED : wuaObject(outcome.yields, object.origins);
      }
      case "failed":
        return FAILED;
      default:
        return UNKNOWN;
    }
  }



  // --- static members: where WUA objects are created -------------------------------------------

  private staticMember(typeNode: PsNode, nameNode: PsNode, args: readonly PsNode[] | undefined, node: PsNode, scope: Scope, frame: Frame): Value {
    const type = typeName(typeNode, this.facts.text);
    const member = this.memberName(nameNode, scope, frame)?.toLowerCase();
    if (type === undefined || member === undefined) {
      for (const arg of args ?? []) this.expression(arg, scope, frame);
      return UNKNOWN;
    }
    const call = `${type}::${member}`;
    switch (call) {
      case "environment::machinename":
        return THIS_COMPUTER;
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
    }
    const argValues = (args ?? []).map((arg) => this.expression(arg, scope, frame));
    const classNode = this.facts.classes.get(type);
    if (classNode !== undefined) {
      if (member === "new") return this.construct(type, argValues, scope, frame);
      const method = this.methodOf(type, member);
      if (method) return this.callMethod(method, UNKNOWN, argValues, frame);
    }
    return UNKNOWN;
  }

  /** `[Type]::GetTypeFromProgID(progId[, computer][, throwOnError])`. */
  private comType(node: PsNode, args: readonly PsNode[], scope: Scope, frame: Frame): Value {
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

  private createInstance(node: PsNode, args: readonly PsNode[], scope: Scope, frame: Frame): Value {
    const values = args.map((arg) => this.expression(arg, scope, frame));
    const type = values[0];
    if (type?.kind !== "com-type") return UNKNOWN;
    return this.created(node, type.views, type.origins);
  }

  private vbCreateObject(node: PsNode, args: readonly PsNode[], scope: Scope, frame: Frame): Value {
    const values = args.map((arg) => this.expression(arg, scope, frame));
    const progId = values[0];
    const entry = progId?.kind === "scalar" && typeof progId.value === "string" ? lookUpProgId(progId.value) : undefined;
    if (!entry) return UNKNOWN;
    const location = values[1];
    const origins = this.creationOrigins(node, entry.progId, location ? { node: args[1]!, value: location, progIdNode: args[0]! } : undefined, frame);
    return this.created(node, viewsOf(entry.defaultInterface), origins);
  }

  /** A WUA object comes into being: refused outright for some interfaces when remote. */
  private created(node: PsNode, views: readonly InterfaceName[], origins: readonly Origin[]): Value {
    const finding = judgeCreation<PsNode>(node, views, origins);
    if (finding) {
      this.report(finding);
      return FAILED;
    }
    return wuaObject(views, origins);
  }

  /** Why an object created here is remote: its location, the remote session it runs in, or the file. */
  private creationOrigins(
    node: PsNode,
    progId: string,
    location: { node: PsNode; value: Value; progIdNode: PsNode } | undefined,
    frame: Frame,
  ): readonly Origin[] {
    const line = this.facts.lineOf(node.range[0]);
    if (location && !this.isThisComputer(location.value)) {
      const named = location.value.kind === "scalar" && typeof location.value.value === "string" ? `"${location.value.value}"` : this.abbreviated(location.node);
      const removal = frame.session === null ? this.locationRemoval(node, location.progIdNode, location.node) : undefined;
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
   * is evaluated), only when no comment sits between the two arguments, and only where the parser
   * read the call as it is written: where it failed (and recovery read the call only by leaving
   * other lines out), the call may really be the inside of a string, and the edit would change it.
   */
  private locationRemoval(call: PsNode, progIdNode: PsNode, locationNode: PsNode): readonly [number, number] | undefined {
    const plain = ["variable", "expandable_string_literal", "verbatim_string_characters"].includes(locationNode.type);
    if (!plain || (locationNode.type === "expandable_string_literal" && locationNode.children.length > 0)) return undefined;
    const [start, end] = call.range;
    if (this.facts.misread.some(([from, to]) => (from === to ? from >= start && from <= end : from < end && to > start))) return undefined;
    const between = this.facts.text.slice(progIdNode.range[1], locationNode.range[1]);
    if (between.includes("#")) return undefined;
    return [progIdNode.range[1], locationNode.range[1]];
  }

  private isThisComputer(value: Value): boolean {
    switch (value.kind) {
      case "null":
      case "this-computer":
        return true;
      case "scalar":
        return typeof value.value === "string" && this.facts.localNames.has(value.value.trim().toLowerCase());
      case "choice":
        return value.options.every((option) => this.isThisComputer(option));
      case "array":
        return this.isThisComputer(value.element);
      default:
        return false;
    }
  }

  // --- pipelines and commands ----------------------------------------------------------------

  private pipeline(node: PsNode, scope: Scope, frame: Frame): Value {
    let input: Value | undefined;
    for (const element of node.children) {
      if (element.type === "pipeline_chain_tail") {
        input = undefined;
        continue;
      }
      input = element.type === "command" ? this.command(element, input, scope, frame) : this.statementValue(element, scope, frame);
    }
    return input ?? UNKNOWN;
  }

  private command(node: PsNode, input: Value | undefined, scope: Scope, frame: Frame): Value {
    const line = commandLine(node, this.facts.text);
    if (line.invocation !== undefined) return this.invokeOperator(line.invocation, line.target, line.elements, input, scope, frame);
    const name = line.name === undefined ? undefined : (COMMAND_NAMES[line.name] ?? line.name);
    const only = line.elements.length === 1 ? line.elements[0] : undefined;
    if (name !== undefined && NAMED_BLOCKS.has(name) && only?.kind === "argument" && only.node.type === "script_block_expression") {
      // A script's own `begin { } process { }` comes back as commands named begin and process: they
      // run in the script's scope, in order.
      this.markEvaluated(only.node);
      this.runStatements(statementsOf(childOfType(only.node, "script_block")), scope, frame);
      return UNKNOWN;
    }
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
        if (block?.kind === "script-block") this.runPerElement(block.node, input ?? UNKNOWN, scope, frame);
        return input === undefined ? UNKNOWN : { kind: "array", element: this.elementOf(input) };
      }
      case "select-object": {
        const bound = this.bind(SELECT_OBJECT, line.elements, scope, frame);
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
      case "sort-object":
      case "tee-object":
        this.commandArguments(line.elements, scope, frame);
        return input === undefined ? UNKNOWN : { kind: "array", element: this.elementOf(input) };
      case "write-output": {
        const values = line.elements.filter((e) => e.kind === "argument").map((e) => this.expression(e.node, scope, frame));
        return values.length > 0 ? join(values) : (input ?? UNKNOWN);
      }
      case "out-null":
        return UNKNOWN;
      case "start-job":
      case "start-threadjob": {
        const bound = this.bind(START_JOB, line.elements, scope, frame);
        const blockArgument = bound.named.get("scriptblock") ?? bound.positional[0];
        const block = blockArgument && this.argumentValue(blockArgument, scope, frame);
        const args = this.argumentListValues(bound.named.get("argumentlist"), scope, frame);
        // A job runs on this computer, in a process of its own: only its arguments and `$using:` reach it.
        if (block?.kind === "script-block") this.callBody(block.node, args.map((value) => ({ value })), new Map(), input, new Scope(null), this.newFrame(frame.session, scope, false), "block");
        return UNKNOWN;
      }
    }
    const fn = name === undefined ? undefined : this.facts.functions.get(name);
    if (fn !== undefined) return this.callFunction(fn, line.elements, input, scope, frame);
    this.commandArguments(line.elements, scope, frame);
    return UNKNOWN;
  }

  /** Arguments of a command the analysis does not know: evaluated for what they use, not invoked. */
  private commandArguments(elements: readonly CommandElement[], scope: Scope, frame: Frame): void {
    for (const element of elements) if (element.kind === "argument") this.expression(element.node, scope, frame);
  }

  /** Named and positional arguments, with `@splat` hashtables spread into named ones. */
  private bind(spec: CommandSpec, elements: readonly CommandElement[], scope: Scope, frame: Frame): { named: Map<string, Argument>; positional: Argument[] } {
    const isSplat = (node: PsNode): boolean => node.type === "variable" && this.text(node).startsWith("@");
    const bound = bindCommand<PsNode>(spec, elements, isSplat);
    const named = new Map<string, Argument>();
    for (const [name, value] of bound.named) named.set(name, value === true ? { value: scalar(true) } : { node: value });
    const positional: Argument[] = bound.positional.map((node) => ({ node }));
    for (const splat of bound.splats) {
      const value = this.readVariable(variableName(this.text(splat)), scope, frame);
      if (value.kind === "array") positional.push({ value: value.element });
      for (const [key, entry] of this.hashtableEntries(value)) {
        const full = resolveParameter(spec, key);
        if (full !== undefined) named.set(full, { value: entry });
      }
    }
    return { named, positional };
  }

  /** `@{ Key = value; ... }`: every value evaluated here, in order, for what it holds and uses. */
  private hashtable(node: PsNode, scope: Scope, frame: Frame): Value {
    const entries = new Map<string, Value>();
    for (const entry of childOfType(node, "hash_literal_body")?.children ?? []) {
      const [keyNode, valueNode] = entry.children;
      if (!keyNode || !valueNode) continue;
      const value = this.statementValue(valueNode, scope, frame);
      entries.set((stringValue(keyNode, this.facts.text) ?? this.text(keyNode)).toLowerCase(), value);
    }
    return { kind: "hashtable", node, entries };
  }

  private hashtableEntries(value: Value): Iterable<[string, Value]> {
    return value.kind === "hashtable" ? value.entries : [];
  }

  private argumentValue(argument: Argument, scope: Scope, frame: Frame): Value {
    return "value" in argument ? argument.value : this.statementValue(argument.node, scope, frame);
  }

  private argumentListValues(argument: Argument | undefined, scope: Scope, frame: Frame): Value[] {
    if (argument === undefined) return [];
    if ("node" in argument && argument.node.type === "array_literal_expression") {
      return argument.node.children.map((child) => this.expression(child, scope, frame));
    }
    const value = this.argumentValue(argument, scope, frame);
    return [value];
  }

  private newObject(node: PsNode, elements: readonly CommandElement[], scope: Scope, frame: Frame): Value {
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

  private newSession(elements: readonly CommandElement[], scope: Scope, frame: Frame): Value {
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

  private invokeCommand(node: PsNode, elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value {
    const bound = this.bind(INVOKE_COMMAND, elements, scope, frame);
    const targets = ["computername", "session", "hostname", "sshconnection", "connectionuri", "vmname", "vmid", "containerid"];
    const hasNamedTarget = targets.some((target) => bound.named.has(target));
    let blockArgument = bound.named.get("scriptblock");
    let positionalTarget: Argument | undefined;
    const positional = [...bound.positional];
    if (blockArgument === undefined) {
      if (!hasNamedTarget && positional.length >= 2) positionalTarget = positional.shift();
      blockArgument = positional.shift();
    } else if (!hasNamedTarget) {
      positionalTarget = positional.shift();
    }
    const target = this.remoteTarget(bound.named, positionalTarget, scope, frame);
    const block = blockArgument && this.argumentValue(blockArgument, scope, frame);
    const args = this.argumentListValues(bound.named.get("argumentlist"), scope, frame);
    if (block?.kind !== "script-block") return UNKNOWN;
    if (target === undefined && !hasNamedTarget && positionalTarget === undefined) {
      // In process: the block runs here, in a child scope (or this one, with -NoNewScope).
      const runScope = bound.named.has("nonewscope") ? scope : new Scope(scope);
      return this.callBody(block.node, args.map((value) => ({ value })), new Map(), input, runScope, frame, "block");
    }
    if (target === undefined) {
      // A target the analysis does not judge (PowerShell Direct, a custom endpoint): the block still
      // runs elsewhere, so nothing of this scope reaches it.
      return this.callBody(block.node, args.map((value) => ({ value: this.serialized(value) })), new Map(), undefined, new Scope(null), this.newFrame(null, scope, false), "block", true);
    }
    const line = this.facts.lineOf(node.range[0]);
    const session: RemoteSession = { command: node, description: `in the script block that Invoke-Command runs on ${target} at line ${line}` };
    const remoteFrame = this.newFrame(session, scope, false);
    this.callBody(block.node, args.map((value) => ({ value: this.serialized(value) })), new Map(), undefined, new Scope(null), remoteFrame, "block", true);
    // What comes back from another computer is deserialized: no live COM object.
    return UNKNOWN;
  }

  private forEachObject(elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value {
    const bound = this.bind(FOREACH_OBJECT, elements, scope, frame);
    const source = input ?? (bound.named.get("inputobject") ? this.argumentValue(bound.named.get("inputobject")!, scope, frame) : UNKNOWN);
    const parallel = bound.named.get("parallel");
    if (parallel !== undefined) {
      const block = this.argumentValue(parallel, scope, frame);
      if (block.kind !== "script-block") return UNKNOWN;
      // Runspaces of this process: `$_` and `$using:` only.
      const element = this.elementOf(source);
      const fresh = new Scope(null);
      fresh.variables.set("_", element);
      fresh.variables.set("psitem", element);
      return this.wrapArray(this.callBody(block.node, [], new Map(), undefined, fresh, this.newFrame(frame.session, scope, false), "block", true));
    }
    const memberArgument = bound.named.get("membername");
    const blocks: PsNode[] = [];
    for (const key of ["begin", "process", "end"]) {
      const argument = bound.named.get(key);
      const value = argument && this.argumentValue(argument, scope, frame);
      if (value?.kind === "script-block") blocks.push(value.node);
    }
    let memberName: string | undefined;
    let memberNode: PsNode | undefined;
    for (const argument of bound.positional) {
      const value = this.argumentValue(argument, scope, frame);
      if (value.kind === "script-block") blocks.push(value.node);
      else if (value.kind === "scalar" && typeof value.value === "string" && memberName === undefined && "node" in argument) {
        memberName = value.value;
        memberNode = argument.node;
      }
    }
    if (memberArgument !== undefined && "node" in memberArgument) {
      const value = this.argumentValue(memberArgument, scope, frame);
      if (value.kind === "scalar" && typeof value.value === "string") {
        memberName = value.value;
        memberNode = memberArgument.node;
      }
    }
    if (memberName !== undefined && memberNode !== undefined) {
      // `% AcceptEula`: calls the method (or reads the property) of that name on each element.
      const element = this.elementOf(source);
      const args = this.argumentListValues(bound.named.get("argumentlist"), scope, frame);
      const access: Access = this.isMethodOf(element, memberName) ? "call" : "read";
      return this.wrapArray(this.memberOf(element, memberName, memberNode, access, access === "call" ? args : undefined, scope, frame));
    }
    const outputs = blocks.map((block) => this.runPerElement(block, source, scope, frame));
    return outputs.length === 0 ? UNKNOWN : this.wrapArray(join(outputs));
  }

  private isMethodOf(value: Value, name: string): boolean {
    if (value.kind !== "wua") return false;
    const declared = resolveMember(value.views, name);
    return declared.length > 0 && declared.every((d) => d.member.kind === "method");
  }

  /**
   * A block run once per element with `$_` (ForEach-Object, Where-Object, `.ForEach`): in this scope,
   * as PowerShell does, and maybe never. Returns what the block outputs.
   */
  private runPerElement(block: PsNode, input: Value, scope: Scope, frame: Frame, filterOnly = false): Value {
    const element = this.elementOf(input);
    const fork = scope.fork();
    fork.variables.set("_", element);
    fork.variables.set("psitem", element);
    const inner = this.newFrame(frame.session, frame.usingScope, false);
    this.markEvaluated(block);
    this.runStatements(statementsOf(childOfType(block, "script_block")), fork, inner);
    fork.variables.delete("_");
    fork.variables.delete("psitem");
    scope.merge([fork], false);
    if (filterOnly) return element;
    return inner.output.length === 0 ? UNKNOWN : join(inner.output);
  }

  private markEvaluated(body: PsNode): void {
    this.evaluations.set(body, (this.evaluations.get(body) ?? 0) + 1);
  }

  /** `& $block args`, `. $block`, `& "Function-Name"`. */
  private invokeOperator(operator: string, target: PsNode | undefined, elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value {
    if (target === undefined) return UNKNOWN;
    const value = target.type === "script_block_expression" ? ({ kind: "script-block", node: target } as const) : this.expression(target, scope, frame);
    if (value.kind === "scalar" && typeof value.value === "string") {
      const fn = this.facts.functions.get(value.value.toLowerCase());
      if (fn) return this.callFunction(fn, elements, input, scope, frame);
    }
    if (value.kind !== "script-block") {
      this.commandArguments(elements, scope, frame);
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
    return this.callBody(value.node, positional, named, input, runScope, frame, value.node.type === "function_statement" ? "function" : "block");
  }

  // --- functions, script blocks, classes ----------------------------------------------------------

  private callFunction(fn: PsNode, elements: readonly CommandElement[], input: Value | undefined, scope: Scope, frame: Frame): Value {
    const declared = parametersOf(fn);
    const parameters = declared.map((p) => this.parameterName(p) ?? "");
    const named = new Map<string, Argument>();
    const positional: Argument[] = [];
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      if (element.kind === "argument") {
        if (element.node.type === "variable" && this.text(element.node).startsWith("@")) {
          const splat = this.readVariable(variableName(this.text(element.node)), scope, frame);
          for (const [key, entry] of this.hashtableEntries(splat)) named.set(key, { value: entry });
          continue;
        }
        positional.push({ node: element.node });
        continue;
      }
      const full = parameters.find((p) => p === element.name) ?? this.uniquePrefix(parameters, element.name);
      const parameter = full === undefined ? undefined : declared[parameters.indexOf(full)];
      const isSwitch = parameter !== undefined && /\[switch\]/iu.test(this.text(parameter));
      const next = elements[i + 1];
      if (isSwitch && !element.colon) {
        if (full) named.set(full, { value: scalar(true) });
      } else if (next?.kind === "argument") {
        if (full) named.set(full, { node: next.node });
        i++;
      }
    }
    return this.callBody(fn, positional, named, input, scope, frame, "function");
  }

  private uniquePrefix(names: readonly string[], prefix: string): string | undefined {
    const matches = names.filter((name) => name.startsWith(prefix));
    return matches.length === 1 ? matches[0] : undefined;
  }

  private parameterName(parameter: PsNode): string | undefined {
    const variable = childOfType(parameter, "variable");
    return variable ? variableName(this.text(variable)).name : undefined;
  }

  /**
   * Runs a function or script block with its parameters bound: by name, by position, from the
   * pipeline (a `ValueFromPipeline` parameter, and `$_` in a `process` block), else their defaults.
   * Remembered per arguments; a body already running (recursion) yields unknown.
   */
  private callBody(
    body: PsNode,
    positional: readonly Argument[],
    named: ReadonlyMap<string, Argument>,
    input: Value | undefined,
    scope: Scope,
    frame: Frame,
    kind: "function" | "block",
    isolated = false,
    missing: Value = NULL,
  ): Value {
    const parameters = parametersOf(body);
    const values = new Map<string, Value>();
    let next = 0;
    const argumentValue = (argument: Argument): Value => this.argumentValue(argument, scope, frame);
    const pipelineElement = input === undefined ? undefined : this.elementOf(input);
    for (const parameter of parameters) {
      const name = this.parameterName(parameter);
      if (name === undefined) continue;
      const given = named.get(name);
      let value: Value | undefined;
      if (given !== undefined) value = argumentValue(given);
      else if (pipelineElement !== undefined && /ValueFromPipeline\s*(?:=\s*\$true)?\s*[,)]/iu.test(this.text(parameter))) value = pipelineElement;
      else if (next < positional.length) value = argumentValue(positional[next++]!);
      else {
        const fallback = childOfType(parameter, "script_parameter_default");
        const defaultNode = fallback?.children[0];
        value = defaultNode && missing === NULL ? this.statementValue(defaultNode, scope, frame) : missing;
      }
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
      const block = childOfType(body, "script_block") ?? body;
      this.runStatements(statementsOf(block), bodyScope, inner);
      const result = inner.output.length === 0 ? UNKNOWN : join(inner.output);
      this.bodyResults.set(key, result);
      return result;
    } finally {
      this.running.delete(key);
    }
  }

  private classOf(method: PsNode): string | undefined {
    const owner = method.parent;
    const name = owner && childOfType(owner, "simple_name");
    return name ? this.text(name).toLowerCase() : undefined;
  }

  private methodOf(className: string, methodName: string): PsNode | undefined {
    const classNode = this.facts.classes.get(className);
    return classNode?.children.find((child) => {
      if (child.type !== "class_method_definition") return false;
      const name = childOfType(child, "simple_name");
      return name !== undefined && this.text(name).toLowerCase() === methodName;
    });
  }

  private construct(className: string, args: readonly Value[], scope: Scope, frame: Frame): Value {
    const instance: Value = { kind: "instance", className };
    const classNode = this.facts.classes.get(className);
    for (const property of classNode?.children ?? []) {
      if (property.type !== "class_property_definition") continue;
      const variable = childOfType(property, "variable");
      const initial = property.children[property.children.length - 1];
      if (variable && initial && initial !== variable && initial.type !== "type_literal" && initial.type !== "attribute_list") {
        this.storeProperty(className, variableName(this.text(variable)).name, this.expression(initial, scope, frame));
      }
    }
    const constructor = this.methodOf(className, className);
    if (constructor) this.callMethod(constructor, instance, args, frame);
    return instance;
  }

  private storeProperty(className: string, property: string, value: Value): void {
    const key = `${className}.${property.toLowerCase()}`;
    const before = this.classProperties.get(key);
    this.classProperties.set(key, before === undefined ? value : joinTwo(before, value));
  }

  private instanceMember(className: string, name: string, access: Access, args: readonly Value[], scope: Scope, frame: Frame, written?: Value): Value {
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

  private callMethod(method: PsNode, self: Value, args: readonly Value[], frame: Frame): Value {
    const parameters = childOfType(method, "class_method_parameter_list")?.children ?? [];
    const key = `${idOf(method)}|${valueIdentity(self)}|${args.map(valueIdentity).join(",")}|${frame.session === null ? "" : idOf(frame.session.command)}`;
    const known = this.bodyResults.get(key);
    if (known !== undefined) return known;
    if (this.running.has(key) || (this.evaluations.get(method) ?? 0) >= MAX_EVALUATIONS_PER_BODY) return UNKNOWN;
    this.running.add(key);
    this.markEvaluated(method);
    try {
      const methodScope = new Scope(null);
      methodScope.variables.set("this", self);
      parameters.forEach((parameter, index) => {
        const name = this.parameterName(parameter);
        if (name !== undefined) methodScope.variables.set(name, args[index] ?? NULL);
      });
      const inner = this.newFrame(frame.session, frame.usingScope, true);
      this.runStatements(statementsOf(childOfType(method, "script_block")), methodScope, inner);
      const result = inner.output.length === 0 ? UNKNOWN : join(inner.output);
      this.bodyResults.set(key, result);
      return result;
    } finally {
      this.running.delete(key);
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
