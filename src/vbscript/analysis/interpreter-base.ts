/**
 * What every part of the VBScript evaluator shares: the facts about the file, the findings, the
 * running procedure's frame, and the rules each part provides to the others. The evaluator runs a
 * script abstractly, in statement order, keeping for each variable what WUA object (if any) it holds
 * and whether that object lives on another computer. Anything it cannot decide is "unknown": never a
 * guess, never a throw. Its parts, one concern each, are chained in this order: variables.ts,
 * members.ts, creations.ts, expressions.ts, statements.ts, procedures.ts.
 */
import type { RemoteFile } from "../../core/file-context.js";
import { FindingInterpreter } from "../../core/interpreter-core.js";
import type { Expression, Node, Statement } from "../parser/ast.js";
import type { ClassInfo, Procedure, ProgramIndex } from "./program-index.js";
import type { Scope } from "./scope.js";
import type { Value } from "./values.js";

/** What the analysis knows of the file before it runs it. */
export interface ScriptFacts {
  readonly text: string;
  /** Names that mean "this computer", lower-cased. */
  readonly localNames: ReadonlySet<string>;
  readonly remoteFile: RemoteFile;
  readonly index: ProgramIndex;
  /** False when VBScript cannot run the file: a suggestion would then edit code that does not parse. */
  readonly suggestionsAllowed: boolean;
  /** The ranges of the file's comments: an edit must not delete one. */
  readonly commentRanges: readonly (readonly [number, number])[];
}

/** One running body: the script itself, or a procedure call. */
export interface Frame {
  readonly procedure: Procedure | null;
  /** The prefix of this call's locals in the scope (unique per call). */
  readonly localPrefix: string;
  /** The names that are local to this call, lower-cased. */
  readonly locals: ReadonlySet<string>;
  /** The class whose member is running, if any: its fields and members are in reach by bare name. */
  readonly owner: ClassInfo | null;
  /** `Me`. */
  readonly self: Value;
  /** The objects of the enclosing `With` blocks, innermost last: `.Member` reads the last. */
  readonly withObjects: Value[];
  /** A function's or property's result where an `Exit Function`/`Exit Property` left it early. */
  readonly earlyResults: Value[];
  /** The scope key of each name read or written in this call, once worked out (variables.ts). */
  readonly keys: Map<string, string>;
}

/** Deep enough for any real script; far from the JS stack limit. */
const MAX_DEPTH = 250;

export abstract class InterpreterBase extends FindingInterpreter<Node> {
  constructor(protected readonly facts: ScriptFacts) {
    super(facts.text, MAX_DEPTH);
  }

  // --- rules the parts provide to each other ---------------------------------------------------------

  abstract expression(node: Expression, scope: Scope, frame: Frame): Value;
  abstract runStatements(statements: readonly Statement[], scope: Scope, frame: Frame): void;
  /** Calls a procedure of the file with arguments (their syntax, to bind ByRef ones back). */
  abstract callProcedure(procedure: Procedure, args: readonly Argument[], self: Value, scope: Scope, frame: Frame): Value;
  /** `New C` at `site`: an instance, with its `Class_Initialize` run. */
  abstract construct(className: string, site: Node, scope: Scope, frame: Frame): Value;

}

const lowerCased = new Map<string, string>();

/**
 * A name as VBScript compares it (lower-cased), remembered as written: a script reads the same few
 * names again and again, and each `toLowerCase` would make a new string to hash.
 */
export function lowerName(name: string): string {
  let lower = lowerCased.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowerCased.size < 10_000) lowerCased.set(name, lower);
  }
  return lower;
}

/**
 * An argument of a call: its syntax (null when left out), or a value already known (a property's new
 * value). Syntax is passed as it is, so that a call's argument list is the parser's own array.
 */
export type Argument = Expression | null | KnownArgument;

export interface KnownArgument {
  readonly known: Value;
}

/** Whether an argument is a value already known rather than syntax. */
export function isKnown(arg: Argument): arg is KnownArgument {
  return arg !== null && "known" in arg;
}
