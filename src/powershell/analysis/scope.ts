/** Variables while the analysis runs a script: scopes, their copies for branches, and how branches join. */
import type { Ast } from "../parser/ast.js";
import { join, valueKey, type Value } from "./values.js";

export class Scope {
  /** What this scope itself set; a branch's copy holds only what the branch set. */
  readonly variables = new Map<string, Value>();
  /**
   * @param parent the enclosing scope
   * @param base for a branch's copy, the scope it copies: read through, never written, so that a
   * branch costs what it sets, not what the script has set before it
   */
  constructor(
    readonly parent: Scope | null,
    private readonly base: Scope | null = null,
  ) {}

  lookUp(name: string): Value | undefined {
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      const value = scope.own(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** The variable as this scope (or the scope it copies) holds it, not its parents. */
  private own(name: string): Value | undefined {
    for (let layer: Scope | null = this; layer !== null; layer = layer.base) {
      const value = layer.variables.get(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  fork(): Scope {
    return new Scope(this.parent, this);
  }

  /** After branches: each variable holds what any branch (or, unless `exhaustive`, no branch) left. */
  merge(branches: readonly Scope[], exhaustive: boolean): boolean {
    const names = new Set<string>();
    for (const branch of branches) for (const name of branch.variables.keys()) names.add(name);
    let changed = false;
    for (const name of names) {
      const values: Value[] = [];
      const before = this.own(name);
      if (!exhaustive && before !== undefined) values.push(before);
      for (const branch of branches) {
        const value = branch.variables.get(name) ?? (exhaustive ? before : undefined);
        if (value !== undefined) values.push(value);
      }
      const merged = join(values);
      if (merged !== before && valueIdentity(merged) !== valueIdentity(before)) changed = true;
      this.variables.set(name, merged);
    }
    return changed;
  }
}

/**
 * Why code runs as a remote caller: what sends it to other computers (an `Invoke-Command` or workflow
 * call of this file, or a send in another file), identifying the session in memo keys.
 */
export interface RemoteSession {
  readonly command: object;
  readonly description: string;
}

/** One running body: a script, a function, a script block. */
export interface Frame {
  readonly session: RemoteSession | null;
  readonly output: Value[];
  /** Where `$using:` reads from, and whether values arrive serialized (remote). */
  readonly usingScope: Scope | null;
  /** Class methods output only what they `return`. */
  readonly returnsOnly: boolean;
}

export function newFrame(session: RemoteSession | null, usingScope: Scope | null, returnsOnly: boolean): Frame {
  return { session, output: [], usingScope, returnsOnly };
}

let identityCounter = 0;
const identities = new WeakMap<object, number>();

/** A number per object, for memo keys. */
export function idOf(object: object): number {
  let id = identities.get(object);
  if (id === undefined) identities.set(object, (id = ++identityCounter));
  return id;
}

export function valueIdentity(value: Value | undefined): string {
  return value === undefined ? "" : valueKey(value, idOf);
}
