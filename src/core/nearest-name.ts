/**
 * The known name a mistyped one was probably meant to be, for "did you mean" in messages about
 * configuration: `assumRemote` → `assumeRemote`, `IUpdat` → `IUpdate`.
 */

/**
 * The closest candidate, compared without regard to case, when it is close enough to be the name
 * meant: a few letters wrong, missing, extra or swapped, fewer the shorter the name.
 */
export function nearestName(given: string, candidates: Iterable<string>): string | undefined {
  const lowerGiven = given.toLowerCase();
  const allowed = Math.max(1, Math.floor(given.length / 4));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    // Names that differ in length by more than the allowance cannot be within it.
    if (Math.abs(candidate.length - given.length) >= bestDistance) continue;
    const distance = editDistance(lowerGiven, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, the optimal string alignment
 * distance; anything at or above `limit` is reported as `limit`, so that a far candidate costs little.
 */
function editDistance(a: string, b: string, limit: number): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum >= limit) return limit;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit);
}
