/**
 * Procedures and classes: a `Sub`, `Function` or `Property` runs where it is called, with its
 * parameters bound to the call's arguments; a function's result is what was assigned to its name
 * (`Set F = obj`); a ByRef parameter (VBScript's default) that the procedure assigns writes back to
 * the caller's variable when the argument is a plain variable, as VBScript does. `New C` runs
 * `Class_Initialize` with `Me`; the objects of each `New` keep fields of their own. `run` evaluates
 * the script, then every procedure nothing called, with parameters that are not known.
 */
import type { Node, Program } from "../parser/ast.js";
import { isKnown, lowerName, type Argument, type Frame } from "./interpreter-base.js";
import { localNames, type Procedure } from "./program-index.js";
import { Scope } from "./scope.js";
import { StatementInterpreter } from "./statements.js";
import { ANY_SITE, EMPTY, instance, join, sameValue, UNKNOWN, type Value } from "./values.js";

/**
 * How often one procedure is run. Each call runs the body again (globals may differ from call to
 * call), so this bound keeps the cost of a file linear in its size.
 */
const MAX_EVALUATIONS_PER_PROCEDURE = 16;

export class Interpreter extends StatementInterpreter {
  private readonly evaluations = new Map<Procedure, number>();
  private readonly running = new Set<Procedure>();
  private calls = 0;
  /** A number per `New` in the file, and the numbers of the `New`s run per class. */
  private readonly siteNumbers = new Map<Node, number>();
  private readonly constructedSites = new Map<string, Set<number>>();

  /** Runs the whole script, then every procedure nothing called. */
  run(program: Program): void {
    const scope = new Scope();
    const frame: Frame = { procedure: null, localPrefix: "", locals: new Set(), owner: null, self: UNKNOWN, withObjects: [], earlyResults: [], keys: new Map() };
    this.runStatements(program.body, scope, frame);
    // Initializers first: the other members of a class nothing makes read the fields they set.
    const leftovers = this.facts.index.allProcedures.filter((procedure) => !this.evaluations.has(procedure));
    const isInitializer = (procedure: Procedure): boolean => this.facts.index.ownerOf.has(procedure) && lowerName(procedure.name.name) === "class_initialize";
    for (const procedure of [...leftovers.filter(isInitializer), ...leftovers.filter((procedure) => !isInitializer(procedure))]) {
      if (this.evaluations.has(procedure)) continue;
      // Nothing in the file calls it (an event handler, a library's procedure): its parameters are not known.
      const owner = this.facts.index.ownerOf.get(procedure);
      const self: Value = owner === undefined ? UNKNOWN : this.likelySelf(owner.name);
      this.runProcedure(procedure, procedure.params.map(() => UNKNOWN), [], self, scope, frame);
    }
  }

  callProcedure(procedure: Procedure, args: readonly Argument[], self: Value, scope: Scope, frame: Frame): Value {
    const values = args.map((arg) => this.argumentValue(arg, scope, frame));
    // An argument left out of a call is Empty in the procedure.
    const bound = procedure.params.map((_, index) => values[index] ?? EMPTY);
    return this.runProcedure(procedure, bound, args, self, scope, frame);
  }

  private runProcedure(procedure: Procedure, bound: readonly Value[], args: readonly Argument[], self: Value, scope: Scope, caller: Frame): Value {
    const count = this.evaluations.get(procedure) ?? 0;
    if (this.running.has(procedure) || count >= MAX_EVALUATIONS_PER_PROCEDURE) return UNKNOWN;
    this.evaluations.set(procedure, count + 1);
    this.running.add(procedure);
    try {
      const owner = this.facts.index.ownerOf.get(procedure) ?? null;
      const frame: Frame = {
        procedure,
        localPrefix: `l${++this.calls}`,
        locals: localNames(procedure, this.facts.index),
        owner,
        self: owner === null ? UNKNOWN : self.kind === "instance" ? self : instance(owner.name, ANY_SITE),
        withObjects: [],
        earlyResults: [],
        keys: new Map(),
      };
      // The call's own copy of the variables: its locals end with it, what it set otherwise is carried back.
      const callScope = scope.fork();
      const parameterKey = (index: number): string => this.variableKey(lowerName(procedure.params[index]!.name.name), frame);
      bound.forEach((value, index) => callScope.set(parameterKey(index), value));
      this.runStatements(procedure.body, callScope, frame);
      const localPrefix = `${frame.localPrefix}\0`;
      for (const [key, value] of callScope.ownEntries()) if (!key.startsWith(localPrefix)) scope.set(key, value);
      // A parameter left as it came changes nothing: the caller's variable may have changed since (a global).
      const assigned = (index: number): Value | undefined => {
        const value = callScope.get(parameterKey(index));
        return value === undefined || sameValue(value, bound[index]) ? undefined : value;
      };
      this.writeBack(procedure, args, assigned, scope, caller);
      if (procedure.type === "SubDeclaration") return UNKNOWN;
      return join([callScope.get(this.variableKey(lowerName(procedure.name.name), frame)) ?? EMPTY, ...frame.earlyResults]);
    } finally {
      this.running.delete(procedure);
    }
  }

  /** ByRef parameters passed a plain variable: what the procedure assigned to them is the caller's now. */
  private writeBack(procedure: Procedure, args: readonly Argument[], assigned: (index: number) => Value | undefined, scope: Scope, caller: Frame): void {
    procedure.params.forEach((parameter, index) => {
      const arg = args[index];
      if (parameter.passing === "ByVal" || arg === undefined || arg === null || isKnown(arg) || arg.type !== "Identifier") return;
      // A procedure's or a class member's name would be called, not written: any other name is a variable.
      const name = lowerName(arg.name);
      if (this.facts.index.procedures.has(name) || caller.owner?.members.has(name)) return;
      const value = assigned(index);
      if (value !== undefined) this.assignName(arg, value, scope, caller);
    });
  }

  construct(className: string, site: Node, scope: Scope, frame: Frame): Value {
    const info = this.facts.index.classes.get(className);
    if (info === undefined) return UNKNOWN;
    let number = this.siteNumbers.get(site);
    if (number === undefined) this.siteNumbers.set(site, (number = this.siteNumbers.size + 1));
    const sites = this.constructedSites.get(className) ?? new Set<number>();
    this.constructedSites.set(className, sites.add(number));
    const created = instance(className, number);
    const initialize = info.members.get("class_initialize")?.find((member) => member.type === "SubDeclaration");
    if (initialize !== undefined) this.runProcedure(initialize, [], [], created, scope, frame);
    return created;
  }

  /**
   * `Me` for a member nothing called: the one object the file makes of its class, if it makes one
   * (its fields are then known); otherwise any object of the class, whose fields are not known.
   */
  private likelySelf(className: string): Value {
    const sites = this.constructedSites.get(className);
    const [only] = sites ?? [];
    return instance(className, sites?.size === 1 && only !== undefined ? only : ANY_SITE);
  }
}
