/** Identifier -> variable lookups over ESLint's scope manager, built once per file. */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

export type Variable = TSESLint.Scope.Variable;
export type Reference = TSESLint.Scope.Reference;

export class ScopeIndex {
  private readonly references = new Map<TSESTree.Node, Reference>();
  private readonly declarations = new Map<TSESTree.Node, Variable>();

  constructor(scopeManager: TSESLint.Scope.ScopeManager | null) {
    for (const scope of scopeManager?.scopes ?? []) {
      for (const reference of scope.references) this.references.set(reference.identifier, reference);
      for (const variable of scope.variables) {
        // A class name is bound twice (outside and inside the class); the outer binding is the one used.
        for (const def of variable.defs) if (!this.declarations.has(def.name)) this.declarations.set(def.name, variable);
      }
    }
  }

  /** The variable an identifier reads, writes or declares; null for a global or an unresolved name. */
  variableOf(identifier: TSESTree.Node): Variable | null {
    const reference = this.references.get(identifier);
    if (reference) return (reference.resolved as Variable | null) ?? null;
    return this.declarations.get(identifier) ?? null;
  }
}

/**
 * A variable that stands for a host global: no declaration in the file (configured globals,
 * `/* global *\/` comments) or only ambient ones (`declare const WScript: any`).
 */
export function isHostGlobal(variable: Variable | null): boolean {
  if (variable === null) return true;
  return variable.defs.every((def) => {
    const parent = def.parent as { declare?: boolean } | null | undefined;
    return def.type === "Variable" && parent?.declare === true;
  });
}
