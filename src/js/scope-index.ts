/** Identifier -> variable lookups over ESLint's scope manager. */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { isFunction } from "./syntax.js";

export type Variable = TSESLint.Scope.Variable;
export type Reference = TSESLint.Scope.Reference;
type ScopeManager = TSESLint.Scope.ScopeManager;

export class ScopeIndex {
  /**
   * By where the identifier starts: numbers hash cheaply, and a node never needs an identity of its
   * own. Two identifiers can start at the same place (`{ a }` in a pattern), so the node is checked.
   */
  private readonly references = new Map<number, Reference>();
  private readonly sharingAStart = new Map<TSESTree.Node, Reference>();

  constructor(private readonly scopeManager: ScopeManager | null) {
    for (const scope of scopeManager?.scopes ?? []) {
      for (const reference of scope.references) {
        const start = reference.identifier.range[0];
        const other = this.references.get(start);
        if (other === undefined || other.identifier === reference.identifier) this.references.set(start, reference);
        else this.sharingAStart.set(reference.identifier, reference);
      }
    }
  }

  /** The variable an identifier reads, writes or declares; null for a global or an unresolved name. */
  variableOf(identifier: TSESTree.Node): Variable | null {
    const atStart = this.references.get(identifier.range[0]);
    const reference = atStart?.identifier === identifier ? atStart : this.sharingAStart.get(identifier);
    if (reference) return (reference.resolved as Variable | null) ?? null;
    return identifier.type === "Identifier" ? this.declaredBy(identifier) : null;
  }

  /**
   * A declaration that is not also a write (`var s;`, a parameter): found from the node that declares
   * it, an ancestor no further than the nearest function, class or catch clause.
   */
  private declaredBy(identifier: TSESTree.Identifier): Variable | null {
    for (let node: TSESTree.Node | undefined = identifier.parent; node; node = node.parent) {
      const variables = this.scopeManager?.getDeclaredVariables(node) ?? [];
      // A class name is bound twice, outside and inside the class: the outer binding is the one
      // the rest of the file uses.
      const declared = variables.filter((variable) => variable.defs.some((def) => def.name === identifier));
      if (declared.length > 0) return declared.find((variable) => variable.scope.block !== node) ?? declared[0]!;
      if (isFunction(node) || node.type === "ClassDeclaration" || node.type === "ClassExpression" || node.type === "CatchClause" || node.type === "Program") break;
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
  return variable.defs.every((def) => {
    const parent = def.parent as { declare?: boolean } | null | undefined;
    return def.type === "Variable" && parent?.declare === true;
  });
}
