/**
 * Expressions: what each kind of expression yields, and variables by PowerShell's scopes (`$script:`,
 * `$using:`, `$env:COMPUTERNAME`, `${function:Name}`). A string is data: code written in it runs only
 * inside `$( )`, where the string is built.
 */
import type {
  Ast,
  BinaryExpressionAst,
  ConvertExpressionAst,
  ExpressionAst,
  HashtableAst,
  StatementAst,
  StringConstantExpressionAst,
  VariableExpressionAst,
} from "../parser/ast.js";
import { CreationInterpreter } from "./creations.js";
import type { Frame, Scope } from "./scope.js";
import { typeNameOf, variableName, type VariableName } from "./syntax.js";
import { join, NULL, scalar, THIS_COMPUTER, UNKNOWN, type Value } from "./values.js";

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
    if (node.type === "StringConstantExpressionAst") return scalar(node.value);
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
        for (const nested of node.nestedExpressions) this.expression(nested, scope, frame);
        return UNKNOWN;
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
        return node.type === "ArrayExpressionAst" ? { kind: "array", element: this.elementOf(value) } : value;
      }
      case "ArrayLiteralAst":
        return { kind: "array", element: join(node.elements.map((element) => this.expression(element, scope, frame))) };
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
        return left.kind === "scalar" && right.kind === "scalar" ? this.compound(left, right) : UNKNOWN;
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

  protected serialized(value: Value): Value {
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
