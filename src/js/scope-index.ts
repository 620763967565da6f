/** Identifier -> variable lookups over ESLint's scope manager. */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { isFunction } from "./syntax.js";

export type Variable = TSESLint.Scope.Variable;
export type Reference = TSESLint.Scope.Reference;
type ScopeManager = TSESLint.Scope.ScopeManager;

/**
 * The references made by one function's own code (its scope and the block scopes inside it, not
 * nested functions), by where the identifier starts: numbers hash cheaply. Two identifiers can start
 * at the same place (`{ a }` in a pattern), so the node is checked.
 */
interface FunctionReferences {
  readonly byStart: Map<number, Reference>;
  readonly sharingAStart: Map<TSESTree.Node, Reference>;
}

export class ScopeIndex {
  /** Built for a function the first time one of its identifiers is asked about. */
  private readonly byFunction = new Map<TSESTree.Node, FunctionReferences>();

  constructor(
    private readonly scopeManager: ScopeManager | null,
    /** The function (or the program) whose code holds a node. */
    private readonly functionOf: (node: TSESTree.Node) => TSESTree.Node,
  ) {}

  /** The variable an identifier reads, writes or declares; null for a global or an unresolved name. */
  variableOf(identifier: TSESTree.Node): Variable | null {
    const references = this.referencesOf(this.functionOf(identifier));
    const atStart = references.byStart.get(identifier.range[0]);
    const reference = atStart?.identifier === identifier ? atStart : references.sharingAStart.get(identifier);
    if (reference) return (reference.resolved as Variable | null) ?? null;
    return identifier.type === "Identifier" ? this.declaredBy(identifier) : null;
  }

  private referencesOf(owner: TSESTree.Node): FunctionReferences {
    let references = this.byFunction.get(owner);
    if (references) return references;
    references = { byStart: new Map(), sharingAStart: new Map() };
    this.byFunction.set(owner, references);
    const root = this.scopeManager?.acquire(owner, false);
    const pending = root ? [root] : [];
    while (pending.length > 0) {
      const scope = pending.pop()!;
      for (const reference of scope.references) {
        const start = reference.identifier.range[0];
        const other = references.byStart.get(start);
        if (other === undefined || other.identifier === reference.identifier) references.byStart.set(start, reference);
        else references.sharingAStart.set(reference.identifier, reference);
      }
      for (const child of scope.childScopes) {
        if (!isFunction(child.block as TSESTree.Node) || child.block === owner) pending.push(child);
      }
    }
    return references;
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
