/**
 * Statements and flow: assignments, branches evaluated apart and joined, loops run until their
 * variables settle (within a bound), `switch`, `try`/`catch`/`finally`, `trap`, and statements used
 * as values (`$x = foreach (...) { ... }`).
 */
import type {
  AssignmentStatementAst,
  ExpressionAst,
  ForEachStatementAst,
  IfStatementAst,
  PipelineAst,
  PipelineChainAst,
  StatementAst,
  StatementBlockAst,
  SwitchStatementAst,
  TryStatementAst,
} from "../parser/ast.js";
import { ExpressionInterpreter } from "./expressions.js";
import type { Frame, Scope } from "./scope.js";
import { variableName } from "./syntax.js";
import { join, UNKNOWN, type Value } from "./values.js";

/** How many times a loop body is run while its variables still change. */
const MAX_LOOP_PASSES = 3;

export abstract class StatementInterpreter extends ExpressionInterpreter {
  private loopNesting = 0;

  /** A pipeline's value: what its last element outputs (pipelines.ts). */
  protected abstract pipeline(node: PipelineAst, scope: Scope, frame: Frame): Value;

  runStatements(statements: readonly StatementAst[], scope: Scope, frame: Frame): void {
    for (const statement of statements) this.statement(statement, scope, frame);
  }

  private statement(node: StatementAst, scope: Scope, frame: Frame): void {
    if (!this.enter()) return;
    try {
      this.statementUnguarded(node, scope, frame);
    } finally {
      this.leave();
    }
  }

  private statementUnguarded(node: StatementAst, scope: Scope, frame: Frame): void {
    switch (node.type) {
      case "FunctionDefinitionAst":
      case "TypeDefinitionAst":
      case "UsingStatementAst":
      case "ConfigurationDefinitionAst":
      case "BreakStatementAst":
      case "ContinueStatementAst":
        // Definitions run where they are called (or as leftovers); a configuration's body is a script block.
        return;
      case "AssignmentStatementAst":
        this.assignment(node, scope, frame);
        return;
      case "IfStatementAst":
        this.ifStatement(node, scope, frame);
        return;
      case "ForEachStatementAst":
        this.foreachStatement(node, scope, frame);
        return;
      case "ForStatementAst":
        for (const part of [node.initializer, node.condition, node.iterator]) if (part !== null) this.statementValue(part, scope, frame);
        this.repeat(node.body, scope, frame);
        return;
      case "WhileStatementAst":
      case "DoWhileStatementAst":
      case "DoUntilStatementAst":
        this.statementValue(node.condition, scope, frame);
        this.repeat(node.body, scope, frame);
        return;
      case "SwitchStatementAst":
        this.switchStatement(node, scope, frame);
        return;
      case "TryStatementAst":
        this.tryStatement(node, scope, frame);
        return;
      case "TrapStatementAst":
        this.branches([node.body], scope, frame, false);
        return;
      case "ReturnStatementAst": {
        const value = node.pipeline === null ? UNKNOWN : this.statementValue(node.pipeline, scope, frame);
        if (value.kind !== "unknown") frame.output.push(value);
        return;
      }
      case "ExitStatementAst":
      case "ThrowStatementAst":
        if (node.pipeline !== null) this.statementValue(node.pipeline, scope, frame);
        return;
      case "DataStatementAst":
        this.runStatements(node.body.statements, scope, this.newFrame(frame.session, frame.usingScope, false));
        return;
      case "BlockStatementAst":
        this.runStatements(node.body.statements, scope, frame);
        return;
      case "DynamicKeywordStatementAst":
        for (const element of node.commandElements) if (element.type !== "CommandParameterAst") this.expression(element, scope, frame);
        return;
      case "ErrorStatementAst":
        this.evaluateNested(node.nestedAst, scope, frame);
        return;
      case "PipelineAst":
      case "PipelineChainAst":
        this.output(frame, this.statementValue(node, scope, frame));
        return;
    }
  }

  statementValue(node: StatementAst, scope: Scope, frame: Frame): Value {
    switch (node.type) {
      case "PipelineAst":
        return this.pipeline(node, scope, frame);
      case "PipelineChainAst":
        return this.chain(node, scope, frame);
      case "AssignmentStatementAst":
        return this.assignment(node, scope, frame);
      case "IfStatementAst":
      case "ForEachStatementAst":
      case "SwitchStatementAst":
      case "ForStatementAst":
      case "WhileStatementAst":
      case "DoWhileStatementAst":
      case "DoUntilStatementAst":
      case "TryStatementAst": {
        const inner = this.newFrame(frame.session, frame.usingScope, false);
        this.statement(node, scope, inner);
        return inner.output.length === 0 ? UNKNOWN : join(inner.output);
      }
      default:
        this.statement(node, scope, frame);
        return UNKNOWN;
    }
  }

  /** `a && b || c`: each pipeline runs; the value is the last one's. */
  private chain(node: PipelineChainAst, scope: Scope, frame: Frame): Value {
    this.statementValue(node.lhs, scope, frame);
    return this.pipeline(node.rhs, scope, frame);
  }

  private assignment(node: AssignmentStatementAst, scope: Scope, frame: Frame): Value {
    const value = this.statementValue(node.right, scope, frame);
    this.assignTo(node.left, node.operator, value, scope, frame);
    return value;
  }

  private assignTo(target: ExpressionAst, operator: AssignmentStatementAst["operator"], value: Value, scope: Scope, frame: Frame): void {
    switch (target.type) {
      case "VariableExpressionAst": {
        const name = variableName(target);
        if (name.name === "null" && name.scope === "") return;
        const holder = name.scope === "script" || name.scope === "global" ? this.root : scope;
        const before = operator === "=" ? undefined : this.readVariable(name, scope, frame);
        let stored = value;
        if (before !== undefined) stored = operator === "??=" ? (before.kind === "null" ? value : join([before, value])) : this.compound(before, value);
        holder.variables.set(name.name, stored);
        return;
      }
      case "ConvertExpressionAst":
      case "AttributedExpressionAst":
        this.assignTo(target.child, operator, value, scope, frame);
        return;
      case "MemberExpressionAst": {
        if (target.static) return;
        const object = this.expression(target.expression, scope, frame);
        this.useMember(object, target.member, "write", undefined, scope, frame, value);
        return;
      }
      case "ArrayLiteralAst":
        // `$a, $b = 1, 2`: each target gets one of the values.
        for (const element of target.elements) this.assignTo(element, operator, this.elementOf(value), scope, frame);
        return;
      case "IndexExpressionAst":
        this.expression(target, scope, frame);
        return;
      default:
        return;
    }
  }

  private ifStatement(node: IfStatementAst, scope: Scope, frame: Frame): void {
    const blocks: StatementBlockAst[] = [];
    for (const clause of node.clauses) {
      this.statementValue(clause.condition, scope, frame);
      blocks.push(clause.body);
    }
    if (node.elseClause !== null) blocks.push(node.elseClause);
    this.branches(blocks, scope, frame, node.elseClause !== null);
  }

  /** Runs each block on its own copy of the variables, then joins them into `scope`. */
  protected branches(blocks: readonly (StatementBlockAst | null)[], scope: Scope, frame: Frame, exhaustive: boolean, bind?: (branch: Scope) => void): boolean {
    const forks: Scope[] = [];
    for (const block of blocks) {
      const fork = scope.fork();
      bind?.(fork);
      if (block !== null) this.runStatements(block.statements, fork, frame);
      forks.push(fork);
    }
    return scope.merge(forks, exhaustive);
  }

  /** A loop body: run until the variables it changes settle, then joined with "not run at all". */
  private repeat(body: StatementBlockAst, scope: Scope, frame: Frame, bind?: (branch: Scope) => void): void {
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

  private foreachStatement(node: ForEachStatementAst, scope: Scope, frame: Frame): void {
    const element = this.elementOf(this.statementValue(node.condition, scope, frame));
    const name = variableName(node.variable).name;
    this.repeat(node.body, scope, frame, (branch) => branch.variables.set(name, element));
  }

  private switchStatement(node: SwitchStatementAst, scope: Scope, frame: Frame): void {
    const element = this.elementOf(this.statementValue(node.condition, scope, frame));
    const blocks = [...node.clauses.map((clause) => clause.body), ...(node.default === null ? [] : [node.default])];
    this.branches(blocks, scope, frame, false, (branch) => {
      branch.variables.set("_", element);
      branch.variables.set("psitem", element);
    });
  }

  private tryStatement(node: TryStatementAst, scope: Scope, frame: Frame): void {
    this.runStatements(node.body.statements, scope, frame);
    this.branches(
      node.catchClauses.map((clause) => clause.body),
      scope,
      frame,
      false,
    );
    if (node.finally !== null) this.runStatements(node.finally.statements, scope, frame);
  }
}
