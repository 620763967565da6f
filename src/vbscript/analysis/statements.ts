/**
 * Statements and flow: `Set` and assignments in statement order, branches (`If`, `Select Case`) run
 * on copies of the variables and joined, loops run until their variables settle (within a bound),
 * `With` blocks, and what the parser kept of statements it could not read. `On Error Resume Next`
 * changes nothing here: a call refused to a remote caller is a mistake whether or not the error is
 * then ignored.
 */
import type { CallStatement, Expression, IfStatement, Node, Statement } from "../parser/ast.js";
import { ExpressionInterpreter } from "./expressions.js";
import { lowerName, type Frame } from "./interpreter-base.js";
import type { Scope } from "./scope.js";
import { arrayOf, EMPTY, join, UNKNOWN, type Value } from "./values.js";

/** How many times a loop body is run while its variables still change. */
const MAX_LOOP_PASSES = 3;

export abstract class StatementInterpreter extends ExpressionInterpreter {
  private loopNesting = 0;

  runStatements(statements: readonly Statement[], scope: Scope, frame: Frame): void {
    for (const statement of statements) {
      this.statement(statement, scope, frame);
      // What follows an Exit in the same block never runs.
      if (statement.type === "ExitStatement") return;
    }
  }

  private statement(node: Statement, scope: Scope, frame: Frame): void {
    if (!this.enter()) return;
    try {
      this.statementUnguarded(node, scope, frame);
    } finally {
      this.leave();
    }
  }

  private statementUnguarded(node: Statement, scope: Scope, frame: Frame): void {
    switch (node.type) {
      case "DimStatement":
      case "ReDimStatement":
        for (const declaration of node.declarations) {
          for (const bound of declaration.bounds ?? []) this.expression(bound, scope, frame);
          // `ReDim` without `Preserve` empties the array; `Dim` and `ReDim Preserve` keep what it holds.
          if (node.type === "ReDimStatement" && !node.preserve) this.assignName(declaration.id, EMPTY, scope, frame);
          else this.declareName(declaration.id, scope, frame);
        }
        return;
      case "ConstStatement":
        for (const declaration of node.declarations) this.assignName(declaration.id, this.expression(declaration.init, scope, frame), scope, frame);
        return;
      case "SetStatement":
        this.assign(node.target, this.expression(node.value, scope, frame), scope, frame);
        return;
      case "AssignmentStatement": {
        // Without `Set`, an object's default value is assigned, not the object (a WUA collection's is
        // its Item, which needs an index): nothing is followed from there.
        const value = this.expression(node.value, scope, frame);
        this.assign(node.target, isObject(value) ? UNKNOWN : value, scope, frame);
        return;
      }
      case "CallStatement":
        this.callStatement(node, scope, frame);
        return;
      case "IfStatement":
        this.ifStatement(node, scope, frame);
        return;
      case "SelectStatement": {
        this.expression(node.discriminant, scope, frame);
        for (const clause of node.cases) for (const test of clause.tests) this.expression(test, scope, frame);
        this.branches(
          node.cases.map((clause) => clause.body),
          scope,
          frame,
          node.cases.some((clause) => clause.isElse),
        );
        return;
      }
      case "ForStatement":
        for (const part of [node.start, node.end, node.step]) if (part !== null) this.expression(part, scope, frame);
        this.repeat(node.body, scope, frame, (branch) => this.assignName(node.counter, UNKNOWN, branch, frame));
        return;
      case "ForEachStatement": {
        const element = this.elementOf(this.expression(node.collection, scope, frame));
        this.repeat(node.body, scope, frame, (branch) => this.assignName(node.element, element, branch, frame));
        return;
      }
      case "DoStatement":
        if (node.test !== null) this.expression(node.test, scope, frame);
        this.repeat(node.body, scope, frame);
        return;
      case "WhileStatement":
        this.expression(node.test, scope, frame);
        this.repeat(node.body, scope, frame);
        return;
      case "WithStatement": {
        const object = this.expression(node.object, scope, frame);
        frame.withObjects.push(object);
        try {
          this.runStatements(node.body, scope, frame);
        } finally {
          frame.withObjects.pop();
        }
        return;
      }
      case "EraseStatement":
        for (const array of node.arrays) this.expression(array, scope, frame);
        return;
      case "ErrorStatement":
        this.evaluateNested(node.nested, scope, frame);
        return;
      case "ExitStatement": {
        // The result as this path leaves it; the other paths join it at the procedure's end.
        const procedure = frame.procedure;
        if ((node.kind === "Function" || node.kind === "Property") && procedure !== null && procedure.type !== "SubDeclaration") {
          frame.earlyResults.push(scope.get(this.variableKey(lowerName(procedure.name.name), frame)) ?? EMPTY);
        }
        return;
      }
      default:
        // Declarations run where they are called; Option Explicit, On Error and Stop change no value.
        return;
    }
  }

  /** `Set target = value`, `target = value`: a variable, a member (a write), or an array element. */
  protected assign(target: Expression, value: Value, scope: Scope, frame: Frame): void {
    switch (target.type) {
      case "Identifier":
        this.assignName(target, value, scope, frame);
        return;
      case "MemberExpression":
        this.member(target, null, "write", target, scope, frame, value);
        return;
      case "IndexOrCallExpression": {
        // `obj.Prop(i) = value` writes a property; `arr(i) = value` an element of a variable.
        if (target.callee.type === "MemberExpression") {
          this.member(target.callee, target.arguments, "write", target, scope, frame, value);
          return;
        }
        for (const arg of target.arguments) if (arg !== null) this.expression(arg, scope, frame);
        if (target.callee.type === "Identifier" && this.isVariable(target.callee.name, frame)) {
          const before = scope.get(this.variableKey(lowerName(target.callee.name), frame));
          const element = before?.kind === "array" ? join([before.element, value]) : value;
          this.assignName(target.callee, arrayOf(element), scope, frame);
        }
        return;
      }
      default:
        this.expression(target, scope, frame);
        return;
    }
  }

  private callStatement(node: CallStatement, scope: Scope, frame: Frame): void {
    // `obj.Method` and `Call obj.Method` with no arguments call it, as `obj.Method()` does.
    this.invoke(node, node.callee, node.arguments, scope, frame);
  }

  private ifStatement(node: IfStatement, scope: Scope, frame: Frame): void {
    const bodies: (readonly Statement[])[] = [node.consequent];
    this.expression(node.test, scope, frame);
    // Each ElseIf's test runs only where the earlier tests failed; what it changes is joined as a branch.
    for (const clause of node.elseIfClauses) {
      this.expression(clause.test, scope, frame);
      bodies.push(clause.consequent);
    }
    if (node.elseClause !== null) bodies.push(node.elseClause.body);
    this.branches(bodies, scope, frame, node.elseClause !== null);
  }

  /** Runs each body on its own copy of the variables, then joins them into `scope`. */
  private branches(bodies: readonly (readonly Statement[])[], scope: Scope, frame: Frame, exhaustive: boolean, bind?: (branch: Scope) => void): boolean {
    const forks: Scope[] = [];
    for (const body of bodies) {
      const fork = scope.fork();
      bind?.(fork);
      this.runStatements(body, fork, frame);
      forks.push(fork);
    }
    return scope.merge(forks, exhaustive);
  }

  /** A loop body: run until the variables it changes settle, then joined with "not run at all". */
  private repeat(body: readonly Statement[], scope: Scope, frame: Frame, bind?: (branch: Scope) => void): void {
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

  /** What the parser kept of code it could not read: evaluated for what it uses. */
  private evaluateNested(nested: readonly Node[], scope: Scope, frame: Frame): void {
    for (const node of nested) {
      if (isStatementNode(node)) this.statement(node, scope, frame);
      else if (isExpressionNode(node)) this.expression(node, scope, frame);
    }
  }
}

function isObject(value: Value): boolean {
  return value.kind === "wua" || value.kind === "instance" || value.kind === "host";
}

const STATEMENT_TYPES = new Set<string>([
  "OptionExplicitStatement", "DimStatement", "ReDimStatement", "ConstStatement", "EraseStatement", "SetStatement",
  "AssignmentStatement", "CallStatement", "IfStatement", "SelectStatement", "ForStatement", "ForEachStatement",
  "DoStatement", "WhileStatement", "WithStatement", "ExitStatement", "OnErrorStatement", "StopStatement",
  "SubDeclaration", "FunctionDeclaration", "PropertyDeclaration", "ClassDeclaration", "ErrorStatement",
]);

const EXPRESSION_TYPES = new Set<string>([
  "Identifier", "MemberExpression", "IndexOrCallExpression", "NewExpression", "MeExpression", "BinaryExpression",
  "UnaryExpression", "ParenthesizedExpression", "StringLiteral", "NumberLiteral", "DateLiteral", "BooleanLiteral",
  "EmptyLiteral", "NullLiteral", "NothingLiteral", "ErrorExpression",
]);

function isStatementNode(node: Node): node is Statement {
  return STATEMENT_TYPES.has(node.type);
}

function isExpressionNode(node: Node): node is Expression {
  return EXPRESSION_TYPES.has(node.type);
}
