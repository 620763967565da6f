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
import type { Ast, CommandAst, ExpressionAst, FunctionDefinitionAst, FunctionMemberAst, StatementAst, TypeDefinitionAst } from "../parser/ast.js";
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
  /** The file's path, when it is read as a sender of other files: `$PSScriptRoot` is then known. */
  readonly scriptPath?: string;
  /** Where sends to code written in other files are recorded (cross-file.ts). */
  readonly sends?: SendRecorder;
}

/** Code this file sends to other computers that is written in other files. */
export interface SendRecorder {
  /** `Invoke-Command -FilePath path` to `target`. */
  file(path: string, command: CommandAst, target: string): void;
  /** `Invoke-Command -ScriptBlock ${function:Name}` with a function the file does not define. */
  outsideFunction(name: string, command: CommandAst, target: string): void;
  /** `. path`, `Import-Module path`: files whose functions this one may send. */
  library(path: string): void;
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
  /** Bodies whose text the script takes (`.ToString()`, `"$block"`): shipped as data, maybe never run here. */
  protected readonly textUses = new Set<Ast>();

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

  /** A block's text: from here on the block is data, unless `[scriptblock]::Create` makes code of it. */
  protected asText(value: Value & { kind: "script-block" | "block-text" }): Value {
    if (value.kind === "block-text") return value;
    this.textUses.add(value.node);
    return { kind: "block-text", node: value.node };
  }

  /** Blocks handed where only their text goes (another process, a file, a .NET method): not run here. */
  protected shipAsText(value: Value): void {
    if (value.kind === "script-block") this.asText(value);
    else if (value.kind === "array") for (const item of value.items ?? [value.element]) this.shipAsText(item);
  }

  protected markEvaluated(body: Ast): void {
    this.evaluations.set(body, (this.evaluations.get(body) ?? 0) + 1);
  }
}
