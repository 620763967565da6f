/** Identifier -> variable: which binding a name means, over ESLint's scope manager. */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { isFunction } from "./syntax.js";

export type Variable = TSESLint.Scope.Variable;
type ScopeManager = TSESLint.Scope.ScopeManager;
export type Scope = TSESLint.Scope.Scope;

/**
 * Resolves names the way JavaScript does, from the innermost scope outwards, over ESLint's scope
 * manager. Looking a name up needs no index of every reference in the file, and agrees with ESLint's
 * own resolution (which also binds script-level `var`s and configured globals) except inside `with`
 * and beside a direct `eval`, where ESLint leaves names unresolved.
 */
export class NameResolver {
  constructor(private readonly scopeManager: ScopeManager | null) {}

  /**
   * The variable an identifier reads, writes or declares; null for a global or an unresolved name.
   * `scope` is the identifier's innermost scope, for a caller that has it already.
   */
  variableOf(identifier: TSESTree.Node, scope?: Scope | null): Variable | null {
    if (identifier.type !== "Identifier") return null;
    const parent = identifier.parent;
    // `function f() {}`, `class A {}`: the name is bound around the function or class (a class is
    // also bound inside; the outer binding is the one the rest of the file uses).
    const namesItsParent = (isFunction(parent) || parent?.type === "ClassDeclaration" || parent?.type === "ClassExpression") && parent.id === identifier;
    let declaring: Variable | null = null;
    for (let current = scope === undefined ? this.innermostScope(identifier) : scope; current; current = current.upper) {
      const variable = current.set.get(identifier.name) as Variable | undefined;
      if (variable === undefined) continue;
      if (!namesItsParent) return variable;
      if (variable.defs.some((def) => def.name === identifier)) declaring = variable;
    }
    return declaring;
  }

  /** The scope of the nearest enclosing node that has one (a block, a function, the program). */
  innermostScope(identifier: TSESTree.Identifier): Scope | null {
    for (let node: TSESTree.Node | undefined = identifier; node; node = node.parent) {
      const scope = this.scopeManager?.acquire(node, true);
      if (scope) return scope;
    }
    return null;
  }
}

/**
 * A variable that stands for a host global: no declaration in the file (configured globals,
 * `/* global *\/` comments) or only ambient ones (`declare const WScript: any`).
 */
export function isHostGlobal(variable: Variable | null): boolean {
  if (variable === null) return true;
  for (const def of variable.defs) {
    if (def.type !== "Variable" || (def.parent as { declare?: boolean } | null | undefined)?.declare !== true) return false;
  }
  return true;
}
