/**
 * What every part of the PowerShell evaluator shares: the facts about the file, the findings, the
 * memo of evaluated bodies, and the rules each part provides to the others. The evaluator runs a
 * script abstractly, in statement order, keeping for each variable what WUA object (if any) it holds
 * and whether that object lives on another computer. Anything it cannot decide is "unknown": never a
 * guess, never a throw. Its parts, one concern each, are chained in this order:
 * members.ts, creations.ts, expressions.ts, statements.ts, pipelines.ts, remoting.ts, functions.ts.
 */
import type { RemoteFile } from "../../core/file-context.js";
import type { Access } from "../../core/findings.js";
import { FindingInterpreter } from "../../core/interpreter-core.js";
import type { Ast, ExpressionAst, FunctionDefinitionAst, FunctionMemberAst, StatementAst, TypeDefinitionAst } from "../parser/ast.js";
import { newFrame, type Frame, type Scope } from "./scope.js";
import type { Body } from "./syntax.js";
import type { Value } from "./values.js";

/** What the analysis knows of the file before it runs it. */
export interface ScriptFacts {
  readonly text: string;
  /** Names that mean "this computer", lower-cased. */
  readonly localNames: ReadonlySet<string>;
  readonly remoteFile: RemoteFile;
  /** Every variable name the file assigns somewhere (lower-cased): other names read as `$null`. */
  readonly assignedNames: ReadonlySet<string>;
  /** False when the file dot-sources other scripts, which may assign any variable. */
  readonly unassignedIsNull: boolean;
  readonly functions: ReadonlyMap<string, FunctionDefinitionAst>;
  readonly classes: ReadonlyMap<string, TypeDefinitionAst>;
  /** False when PowerShell cannot run the file: a suggestion would then edit code that does not parse. */
  readonly suggestionsAllowed: boolean;
}

/** An argument as a command received it: its syntax, or a value known already (splatted, bound). */
export type Argument = { readonly node: ExpressionAst } | { readonly value: Value };

/** Deep enough for any real script; far from the JS stack limit. */
const MAX_DEPTH = 300;

export abstract class InterpreterBase extends FindingInterpreter<Ast> {
  /** Variables of the script's own scope (`$script:`, `$global:`). */
  protected readonly root: Scope;
  /** Bodies (functions, script blocks, class methods) evaluated at least once, and how often. */
  protected readonly evaluations = new Map<Ast, number>();

  constructor(
    protected readonly facts: ScriptFacts,
    root: Scope,
  ) {
    super(facts.text, MAX_DEPTH);
    this.root = root;
  }

  // --- rules the parts provide to each other ---------------------------------------------------------

  abstract expression(node: ExpressionAst, scope: Scope, frame: Frame): Value;
  /** The value of a statement where a value is expected (`$x = if (...) { ... }`, `( ... )`). */
  abstract statementValue(node: StatementAst, scope: Scope, frame: Frame): Value;
  abstract runStatements(statements: readonly StatementAst[], scope: Scope, frame: Frame): void;
  abstract runPerElement(block: ExpressionAst, input: Value, scope: Scope, frame: Frame, filterOnly?: boolean): Value;
  abstract callBody(
    body: Body,
    positional: readonly Argument[],
    named: ReadonlyMap<string, Argument>,
    input: Value | undefined,
    scope: Scope,
    frame: Frame,
    kind: "function" | "block",
    isolated?: boolean,
    missing?: Value,
  ): Value;
  abstract callMethod(method: FunctionMemberAst, self: Value, args: readonly Value[], frame: Frame): Value;
  abstract construct(className: string, args: readonly Value[], scope: Scope, frame: Frame): Value;
  abstract instanceMember(className: string, name: string, access: Access, args: readonly Value[], scope: Scope, frame: Frame, written?: Value): Value;
  abstract methodOf(className: string, methodName: string): FunctionMemberAst | undefined;

  // --- shared ---------------------------------------------------------------------------------------

  protected newFrame(session: Frame["session"], usingScope: Scope | null, returnsOnly: boolean): Frame {
    return newFrame(session, usingScope, returnsOnly);
  }

  protected output(frame: Frame, value: Value): void {
    if (!frame.returnsOnly && value.kind !== "unknown") frame.output.push(value);
  }

  protected markEvaluated(body: Ast): void {
    this.evaluations.set(body, (this.evaluations.get(body) ?? 0) + 1);
  }
}
