/**
 * Memoised evaluation that settles cycles instead of cutting them short.
 *
 * A value that depends on itself (mutually recursive functions, a variable rewritten from itself in a
 * loop) is first computed assuming "nothing" where the cycle closes. If the value that comes out is
 * more than was assumed, everything derived from the assumption is forgotten and the value is
 * computed again with the larger assumption, until it no longer changes. Values only grow by joining,
 * and a WUA value has few views and at most a few origins, so this takes a round or two.
 */

/** Marks a memo entry whose value is being computed. */
const IN_PROGRESS: unique symbol = Symbol("in progress");

/** Enough for any chain of joins seen in scripts; a guard against a value that keeps changing. */
const MAX_ROUNDS = 8;

/** A memo table that SettlingMemo fills: only its `valueOf` reads it. */
export type Memo<K, V> = Map<K, V | typeof IN_PROGRESS>;

export class SettlingMemo<V> {
  /** The keys being computed, outermost first, with their memo and what a cycle back to them assumes. */
  private readonly memos: Memo<unknown, V>[] = [];
  private readonly keys: unknown[] = [];
  private readonly assumed: V[] = [];
  private readonly revisited: boolean[] = [];
  /** The outermost stack position a computation under way has met again (Infinity when none). */
  private lowestRevisit = Infinity;
  /** Entries computed from an assumption that may still change: forgotten if it does. */
  private readonly provisional: [Memo<unknown, V>, unknown][] = [];

  constructor(
    private readonly nothing: V,
    private readonly same: (a: V, b: V) => boolean,
    /** Deep enough for any real script; shallow enough to stay far from the JS stack limit. */
    private readonly maxDepth: number,
  ) {}

  get depth(): number {
    return this.keys.length;
  }

  /** The memoised value of `key`, computed by `compute` (called as a method of `self`). */
  valueOf<K, S>(memo: Memo<K, V>, key: K, self: S, compute: (this: S, key: K) => V): V {
    const known = memo.get(key);
    if (known !== undefined) return known === IN_PROGRESS ? this.revisit(memo as Memo<unknown, V>, key) : known;
    const position = this.keys.length;
    if (position >= this.maxDepth) return this.nothing;
    memo.set(key, IN_PROGRESS);
    this.memos.push(memo as Memo<unknown, V>);
    this.keys.push(key);
    this.assumed.push(this.nothing);
    this.revisited.push(false);
    const outerRevisit = this.lowestRevisit;
    const mark = this.provisional.length;
    let value: V | undefined;
    try {
      for (let round = 1; ; round++) {
        this.lowestRevisit = Infinity;
        value = compute.call(self, key);
        if (this.lowestRevisit < position || !this.revisited[position]) break;
        if (round >= MAX_ROUNDS || this.same(value, this.assumed[position]!)) break;
        this.assumed[position] = value;
        this.revisited[position] = false;
        this.forget(mark);
      }
    } finally {
      this.memos.pop();
      this.keys.pop();
      this.assumed.pop();
      this.revisited.pop();
      if (value === undefined) {
        memo.delete(key);
        this.lowestRevisit = outerRevisit;
      } else {
        memo.set(key, value);
        if (this.lowestRevisit < position) {
          // Still resting on an assumption further out: forgotten with it if that changes.
          this.provisional.push([memo as Memo<unknown, V>, key]);
          this.lowestRevisit = Math.min(outerRevisit, this.lowestRevisit);
        } else {
          // Setting an array's length is a call into the runtime: done only when something changes.
          if (this.provisional.length !== mark) this.provisional.length = mark;
          this.lowestRevisit = outerRevisit;
        }
      }
    }
    return value;
  }

  /** A key met again while it is being computed: what is assumed for it this round. */
  private revisit(memo: Memo<unknown, V>, key: unknown): V {
    for (let position = this.keys.length - 1; position >= 0; position--) {
      if (this.keys[position] === key && this.memos[position] === memo) {
        this.revisited[position] = true;
        if (position < this.lowestRevisit) this.lowestRevisit = position;
        return this.assumed[position]!;
      }
    }
    return this.nothing;
  }

  private forget(mark: number): void {
    for (let i = mark; i < this.provisional.length; i++) {
      const [memo, key] = this.provisional[i]!;
      memo.delete(key);
    }
    this.provisional.length = mark;
  }
}
