/**
 * Expressions: what each kind of expression yields, and variables by PowerShell's scopes (`$script:`,
 * `$using:`, `$env:COMPUTERNAME`, `${function:Name}`). A string is data: code written in it runs only
 * inside `$( )`, where the string is built.
 */
import type {
  Ast,
  BinaryExpressionAst,
  ConvertExpressionAst,
  ExpandableStringExpressionAst,
  ExpressionAst,
  HashtableAst,
  StatementAst,
  StringConstantExpressionAst,
  VariableExpressionAst,
} from "../parser/ast.js";
import { CreationInterpreter } from "./creations.js";
import type { Frame, Scope } from "./scope.js";
import { typeNameOf, variableName, type VariableName } from "./syntax.js";
import { arrayOf, join, NULL, scalar, THIS_COMPUTER, UNKNOWN, type Value } from "./values.js";

/** Automatic variables PowerShell sets itself: reading one is not reading `$null`. */
const AUTOMATIC = new Set([
  "_", "psitem", "args", "input", "this", "matches", "error", "host", "home", "pid", "pwd", "profile",
  "psscriptroot", "pscommandpath", "myinvocation", "psboundparameters", "pscmdlet", "executioncontext",
  "lastexitcode", "psversiontable", "shellid", "psculture", "psuiculture", "stacktrace", "sender",
  "event", "eventargs", "eventsubscriber", "foreach", "switch", "psdebugcontext", "nestedpromptlevel",
  "iscoreclr", "islinux", "ismacos", "iswindows", "psedition", "pshome", "consolefilename", "ofs",
]);

export abstract class ExpressionInterpreter extends CreationInterpreter {
  expression(node: ExpressionAst, scope: Scope, frame: Frame): Value {
    // The two commonest leaves, read here: they need no depth guard.
    if (node.type === "StringConstantExpressionAst") return { kind: "scalar", value: node.value, source: node };
    if (node.type === "VariableExpressionAst") return this.readVariable(variableName(node), scope, frame);
    if (!this.enter()) return UNKNOWN;
    try {
      return this.expressionUnguarded(node, scope, frame);
    } finally {
      this.leave();
    }
  }

  private expressionUnguarded(node: Exclude<ExpressionAst, StringConstantExpressionAst | VariableExpressionAst>, scope: Scope, frame: Frame): Value {
    switch (node.type) {
      case "UsingExpressionAst":
        return this.expression(node.subExpression, scope, frame);
      case "ExpandableStringExpressionAst":
        return this.expandedString(node, scope, frame);
      case "ConstantExpressionAst":
        return typeof node.value === "bigint" ? scalar(Number(node.value)) : scalar(node.value);
      case "MemberExpressionAst":
        return this.memberAccess(node, scope, frame);
      case "InvokeMemberExpressionAst":
        return this.invocation(node, scope, frame);
      case "IndexExpressionAst":
        return this.elementAccess(node, scope, frame);
      case "ParenExpressionAst":
        return this.statementValue(node.pipeline, scope, frame);
      case "SubExpressionAst":
      case "ArrayExpressionAst": {
        const inner = this.newFrame(frame.session, frame.usingScope, false);
        this.runStatements(node.subExpression.statements, scope, inner);
        const value = inner.output.length === 0 ? UNKNOWN : join(inner.output);
        if (node.type !== "ArrayExpressionAst") return value;
        // `@($server, $block)` is the list the comma wrote, in order; `@($text)` a list of one.
        const [only] = inner.output;
        if (inner.output.length === 1 && only?.kind === "array" && only.items !== undefined) return only;
        if (inner.output.length > 0 && inner.output.every(isSingle)) return arrayOf(inner.output);
        return { kind: "array", element: this.elementOf(value) };
      }
      case "ArrayLiteralAst":
        return arrayOf(node.elements.map((element) => this.expression(element, scope, frame)));
      case "ScriptBlockExpressionAst":
        return { kind: "script-block", node };
      case "HashtableAst":
        return this.hashtable(node, scope, frame);
      case "ConvertExpressionAst":
        return this.cast(node, scope, frame);
      case "AttributedExpressionAst":
        return this.expression(node.child, scope, frame);
      case "BinaryExpressionAst":
        return this.binary(node, scope, frame);
      case "UnaryExpressionAst":
        this.expression(node.child, scope, frame);
        return UNKNOWN;
      case "TernaryExpressionAst":
        this.expression(node.condition, scope, frame);
        return join([this.expression(node.ifTrue, scope, frame), this.expression(node.ifFalse, scope, frame)]);
      case "TypeExpressionAst":
        return UNKNOWN;
      case "ErrorExpressionAst":
        this.evaluateNested(node.nestedAst, scope, frame);
        return UNKNOWN;
    }
  }

  /** What the parser kept of code it could not read: evaluated for what it uses. */
  protected evaluateNested(nested: readonly Ast[], scope: Scope, frame: Frame): void {
    for (const node of nested) {
      if (isExpression(node)) this.expression(node, scope, frame);
      else if (node.type === "StatementBlockAst") this.runStatements(node.statements, scope, this.newFrame(frame.session, frame.usingScope, false));
      else if (isStatement(node)) this.runStatements([node], scope, this.newFrame(frame.session, frame.usingScope, false));
    }
  }

  private binary(node: BinaryExpressionAst, scope: Scope, frame: Frame): Value {
    const left = this.expression(node.left, scope, frame);
    const right = this.expression(node.right, scope, frame);
    switch (node.operator) {
      case "+":
        if (isCode(left)) return this.asText(left);
        if (isCode(right)) return this.asText(right);
        return left.kind === "scalar" && right.kind === "scalar" ? this.compound(left, right) : UNKNOWN;
      case "-f": {
        // `"& {{ {0} }}" -f $block`: the block's text goes into the string.
        const formatted = right.kind === "array" ? (right.items ?? [right.element]) : [right];
        const block = formatted.find(isCode);
        return block === undefined ? UNKNOWN : this.asText(block);
      }
      case "??":
        return left.kind === "null" ? right : join([left, right]);
      default:
        return UNKNOWN;
    }
  }

  /** `$list += $update`: an array that holds both; `"a" + "b"` and `1 + 2` computed. */
  protected compound(before: Value, added: Value): Value {
    if (before.kind === "array" || before.kind === "wua" || added.kind === "wua" || added.kind === "array") {
      return { kind: "array", element: join([this.elementOf(before), this.elementOf(added)]) };
    }
    if (before.kind === "scalar" && added.kind === "scalar") {
      if (typeof before.value === "string" || typeof added.value === "string") return scalar(String(before.value) + String(added.value));
      if (typeof before.value === "number" && typeof added.value === "number") return scalar(before.value + added.value);
    }
    return UNKNOWN;
  }

  private cast(node: ConvertExpressionAst, scope: Scope, frame: Frame): Value {
    const value = this.expression(node.child, scope, frame);
    switch (typeNameOf(node.typeConstraint.typeName)) {
      case "void":
        return UNKNOWN;
      case "array":
      case "object[]":
      case "collections.arraylist":
        return { kind: "array", element: this.elementOf(value) };
      case "string":
        if (isCode(value)) return this.asText(value);
        return value.kind === "scalar" ? scalar(String(value.value)) : value.kind === "this-computer" ? value : UNKNOWN;
      default:
        return value;
    }
  }

  /** `@{ Key = value; ... }`: every value evaluated here, in order, for what it holds and uses. */
  protected hashtable(node: HashtableAst, scope: Scope, frame: Frame): Value {
    const entries = new Map<string, Value>();
    for (const pair of node.keyValuePairs) {
      const value = this.statementValue(pair.value, scope, frame);
      const key = pair.key.type === "StringConstantExpressionAst" ? pair.key.value : this.text(pair.key);
      entries.set(key.toLowerCase(), value);
    }
    return { kind: "hashtable", node, entries };
  }

  protected readVariable(name: VariableName, scope: Scope, frame: Frame): Value {
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
        return fn ? { kind: "script-block", node: fn } : { kind: "outside-function", name: name.name };
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
    if (name === "psscriptroot" && this.facts.scriptPath !== undefined) return scalar(parentFolder(this.facts.scriptPath));
    if (name === "pscommandpath" && this.facts.scriptPath !== undefined) return scalar(this.facts.scriptPath);
    if (AUTOMATIC.has(name) || this.facts.assignedNames.has(name) || !this.facts.unassignedIsNull) return UNKNOWN;
    return NULL;
  }

  protected serialized(value: Value): Value {
    switch (value.kind) {
      case "scalar":
      case "null":
      case "this-computer":
      case "choice":
        return value;
      case "array":
        return value.items === undefined ? { kind: "array", element: this.serialized(value.element) } : arrayOf(value.items.map((item) => this.serialized(item)));
      case "script-block":
      case "block-text":
        // A script block arrives as its text: PowerShell will not bind it as a block again.
        return this.asText(value);
      default:
        return UNKNOWN;
    }
  }

  /**
   * `"$PSScriptRoot\worker.ps1"`: the text, when every part is a known scalar; a block's text when a
   * block is written into it; otherwise unknown.
   */
  private expandedString(node: ExpandableStringExpressionAst, scope: Scope, frame: Frame): Value {
    const values = node.nestedExpressions.map((nested) => this.expression(nested, scope, frame));
    const block = values.find(isCode);
    if (block !== undefined) return this.asText(block);
    const [only] = values;
    // `"$env:COMPUTERNAME"`, `"$computer"`: the name itself, even when it is one of several.
    if (values.length === 1 && (only!.kind === "this-computer" || only!.kind === "choice") && node.value === this.text(node.nestedExpressions[0]!)) return only!;
    if (!values.every((value) => value.kind === "scalar" || value.kind === "null")) return UNKNOWN;
    let text = "";
    let from = 0;
    for (const [index, nested] of node.nestedExpressions.entries()) {
      const value = values[index]!;
      const written = this.text(nested);
      const at = node.value.indexOf(written, from);
      if (at === -1) return UNKNOWN;
      text += node.value.slice(from, at) + (value.kind === "scalar" ? String(value.value) : "");
      from = at + written.length;
    }
    return scalar(text + node.value.slice(from));
  }
}

const STATEMENT_TYPES = new Set([
  "PipelineAst", "PipelineChainAst", "AssignmentStatementAst", "IfStatementAst", "ForEachStatementAst", "ForStatementAst",
  "WhileStatementAst", "DoWhileStatementAst", "DoUntilStatementAst", "SwitchStatementAst", "TryStatementAst", "TrapStatementAst",
  "BreakStatementAst", "ContinueStatementAst", "ReturnStatementAst", "ExitStatementAst", "ThrowStatementAst", "FunctionDefinitionAst",
  "TypeDefinitionAst", "UsingStatementAst", "DataStatementAst", "ConfigurationDefinitionAst", "DynamicKeywordStatementAst",
  "BlockStatementAst", "ErrorStatementAst",
]);

function isStatement(node: Ast): node is StatementAst {
  return STATEMENT_TYPES.has(node.type);
}

function isExpression(node: Ast): node is ExpressionAst {
  return (node.type.endsWith("ExpressionAst") && node.type !== "CommandExpressionAst") || node.type === "ArrayLiteralAst" || node.type === "HashtableAst" || node.type === "ConstantExpressionAst";
}

/** A value that a pipeline does not enumerate: it stays one element of `@( )`. */
function isSingle(value: Value): boolean {
  return value.kind !== "array" && value.kind !== "wua" && value.kind !== "unknown";
}

function isCode(value: Value): value is Value & { kind: "script-block" | "block-text" } {
  return value.kind === "script-block" || value.kind === "block-text";
}

/** The folder of a script, as `$PSScriptRoot` gives it. */
function parentFolder(path: string): string {
  return path.replace(/[\\/][^\\/]*$/u, "");
}
