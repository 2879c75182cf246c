/**
 * "Did you mean …?" suggestions: the closest allowed word by edit distance, or nothing when no
 * candidate is close enough to be a plausible typo.
 */

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1, so `histroy` is one edit from `history`.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  // Three rolling rows: two rows back (for swaps), previous, current.
  let older = new Array<number>(width).fill(0);
  let prev = Array.from({ length: width }, (_, j) => j);
  let cur = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, older[j - 2]! + 1);
      }
      cur[j] = best;
    }
    [older, prev, cur] = [prev, cur, older];
  }
  return prev[b.length]!;
}

/** Lower-case, and treat `-`, `_`, space and `.` alike: `Git-Diff` and `git_diff` are the same word. */
function normalise(word: string): string {
  return word.toLowerCase().replace(/[-_ .]/g, '_');
}

/** Largest distance still read as a typo of a word of this length. */
function tolerance(length: number): number {
  if (length <= 3) return 1;
  if (length <= 7) return 2;
  return 3;
}

/**
 * The candidate `word` was most likely meant to be, or undefined. Exact matches after
 * normalisation win; then the smallest edit distance within a length-dependent tolerance; then a
 * unique candidate that starts with `word` (at least 4 characters).
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...new Set(candidates)];
  const target = normalise(word);
  if (target.length === 0) return undefined;
  const same = list.find((c) => normalise(c) === target);
  if (same !== undefined) return same;

  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = editDistance(target, normalise(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= tolerance(Math.min(target.length, best.length))) {
    return best;
  }

  if (target.length >= 4) {
    const prefixed = list.filter((c) => normalise(c).startsWith(target));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}

/** Quotes and joins words for a message: `"a", "b" or "c"`. */
export function listWords(words: readonly string[], conjunction = 'or'): string {
  const quoted = words.map((w) => JSON.stringify(w));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/**
 * A fix line for a word that is not one of `allowed`: `did you mean "x"?` when a candidate is
 * close, otherwise the list of allowed words (`write one of "a", "b" or "c"`).
 */
export function suggestWord(word: string, allowed: readonly string[], lead = 'use one of'): string {
  const match = closestMatch(word, allowed);
  if (match !== undefined) return `did you mean ${JSON.stringify(match)}?`;
  if (allowed.length === 0) return 'there is nothing to refer to yet';
  return `${lead} ${listWords(allowed)}`;
}
