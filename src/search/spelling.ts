/**
 * "Did you mean" for a word no page has: the site's own words (words.json, written by the build
 * from what search indexes) within a small number of typing mistakes. The bound grows with the
 * word's length and stays small, so a slip ("neglet", "adolesents") finds its word while a word
 * from another subject ("astronaut") finds nothing rather than a wrong guess. A real English
 * word ("county", though the site says "counts") is never replaced: answer.ts asks first, from
 * the words real-words.ts writes into the site.
 */

/** How many files the real English words are split into (src/search/real-words.ts): each about 1,000 words. */
export const realWordBuckets = 64;

/** Which of those files holds `word` (lower case): FNV-1a over its letters, the same in the build and the page. */
export function realWordBucket(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % realWordBuckets;
}

/** Typing mistakes allowed for a word of this length: none below 4 letters, 1 up to 7, then 2. */
export function allowedMistakes(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * Mistakes between two words, counting a swapped pair of letters as one (optimal string
 * alignment), or `limit + 1` as soon as it must be more than `limit`.
 */
export function mistakes(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** The site's words closest to `word`, fewest mistakes first, then the most alike in length and start. */
export function corrections(word: string, words: readonly string[], max = 3): string[] {
  const typed = word.toLowerCase();
  const limit = allowedMistakes(typed.length);
  if (limit === 0) return [];
  const found: Array<{ word: string; cost: number }> = [];
  for (const candidate of words) {
    if (candidate === typed) return [];
    const cost = mistakes(typed, candidate, limit);
    if (cost <= limit) {
      // The first letter is rarely the slip: prefer words that keep it.
      found.push({ word: candidate, cost: cost + (candidate[0] === typed[0] ? 0 : 0.5) + Math.abs(candidate.length - typed.length) * 0.1 });
    }
  }
  return found
    .sort((a, b) => a.cost - b.cost || a.word.localeCompare(b.word))
    .slice(0, max)
    .map((f) => f.word);
}
