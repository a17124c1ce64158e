/** "Did you mean" for near misses: a typo'd id or field name should point at the right one. */

/** Edit distance between two short strings (Levenshtein). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/**
 * The closest candidate, if it is close enough to be the likely intent: within a third of
 * the word's length, or else one that contains the word or is contained in it ("training"
 * for "training-sub-group"), the nearest of those.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const scored = [...candidates]
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate) }))
    .sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  if (!best) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.candidate.length) / 3));
  if (best.distance <= limit) return best.candidate;
  return scored.find(({ candidate }) => candidate.includes(word) || word.includes(candidate))?.candidate;
}

/** `did you mean "x"?` or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closest(word, candidates);
  return match ? `did you mean "${match}"?` : undefined;
}
