/**
 * The variables of a running script, in one map: globals by their lower-cased name, a procedure
 * call's locals under a prefix of their own, class fields under their class and the `New` that made
 * the object (variables.ts builds the keys).
 * One map for all of them, so that a branch's copy forks globals, locals and fields alike, and a
 * procedure called inside a branch writes its globals into that branch.
 */
import { joinTwo, sameValue, UNKNOWN, type Value } from "./values.js";

const NOTHING_SET: ReadonlyMap<string, Value> = new Map();

export class Scope {
  /**
   * What this scope itself set; a branch's copy holds only what the branch set. Made at the first
   * write: many copies (a branch that only calls, a loop body that only reads) never set anything.
   */
  private variables: Map<string, Value> | null = null;

  /** @param base for a branch's copy, the scope it copies: read through, never written. */
  constructor(private readonly base: Scope | null = null) {}

  get(key: string): Value | undefined {
    for (let layer: Scope | null = this; layer !== null; layer = layer.base) {
      const value = layer.variables?.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  set(key: string, value: Value): void {
    (this.variables ??= new Map()).set(key, value);
  }

  /** Whether this scope itself set `key`. */
  has(key: string): boolean {
    return this.variables?.has(key) ?? false;
  }

  fork(): Scope {
    return new Scope(this);
  }

  /** What a copy itself set (not what it reads through), to carry back into the scope it copies. */
  ownEntries(): Iterable<[string, Value]> {
    return this.variables ?? NOTHING_SET;
  }

  /**
   * After branches: each variable holds what any branch (or, unless `exhaustive`, no branch) left.
   * Returns whether anything changed, so that a loop knows when its variables have settled.
   */
  merge(branches: readonly Scope[], exhaustive: boolean): boolean {
    let changed = false;
    for (let b = 0; b < branches.length; b++) {
      const variables = branches[b]!.variables;
      if (variables === null) continue;
      for (const key of variables.keys()) {
        // Each key once: the first branch that set it joins it for all.
        if (alreadyMerged(branches, b, key)) continue;
        const before = this.get(key);
        let merged: Value | undefined = !exhaustive ? before : undefined;
        for (const branch of branches) {
          const value = branch.variables?.get(key) ?? (exhaustive ? before : undefined);
          if (value !== undefined) merged = merged === undefined ? value : joinTwo(merged, value);
        }
        merged ??= UNKNOWN;
        if (!sameValue(merged, before)) changed = true;
        this.set(key, merged);
      }
    }
    return changed;
  }
}

function alreadyMerged(branches: readonly Scope[], index: number, key: string): boolean {
  for (let i = 0; i < index; i++) if (branches[i]!.has(key)) return true;
  return false;
}
