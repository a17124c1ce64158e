/**
 * "Did you mean" for near misses: a typo'd id or field name should point at the right one.
 *
 * A check of content with thousands of wrong references (a renamed group, a bad import) must
 * cost the same per mistake as one with five, so a lookup never compares the word with every
 * candidate: it compares it with the candidates that share the most of its beginning or of its
 * end (neighbours in two sorted lists), which is where a typo's intended word sits.
 */

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

const reversed = (word: string) => [...word].reverse().join('');

/** The first index in a sorted list whose item is not before `word`. */
function lowerBound(sorted: readonly string[], word: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Suggestions from one set of candidates, built once and asked many times. */
export class Suggester {
  /** The most edit distances one lookup computes, whatever the number of candidates. */
  static readonly comparisonsPerLookup = 128;
  /** Edit distances computed so far, to show the cost stays bounded. */
  comparisons = 0;
  private readonly byStart: string[];
  private readonly byEnd: string[];
  private readonly answers = new Map<string, string | undefined>();

  constructor(candidates: Iterable<string>) {
    this.byStart = [...new Set(candidates)].sort();
    this.byEnd = this.byStart.map(reversed).sort();
  }

  /**
   * The closest candidate, if it is close enough to be the likely intent: within a third of the
   * word's length, or else one that contains the word or is contained in it ("training" for
   * "training-sub-group"), the nearest of those.
   */
  suggest(word: string): string | undefined {
    if (!this.answers.has(word)) this.answers.set(word, this.find(word));
    return this.answers.get(word);
  }

  private shortlist(word: string): string[] {
    if (this.byStart.length <= Suggester.comparisonsPerLookup) return this.byStart;
    const window = Suggester.comparisonsPerLookup / 4;
    const around = (sorted: string[], key: string) => {
      const at = lowerBound(sorted, key);
      return sorted.slice(Math.max(0, at - window), at + window);
    };
    return [...new Set([...around(this.byStart, word), ...around(this.byEnd, reversed(word)).map(reversed)])];
  }

  private find(word: string): string | undefined {
    const scored = this.shortlist(word)
      .map((candidate) => {
        this.comparisons += 1;
        return { candidate, distance: editDistance(word, candidate) };
      })
      .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
    const best = scored[0];
    if (!best) return undefined;
    const limit = Math.max(2, Math.floor(Math.max(word.length, best.candidate.length) / 3));
    if (best.distance <= limit) return best.candidate;
    return scored.find(({ candidate }) => candidate.includes(word) || word.includes(candidate))?.candidate;
  }
}

/** The closest candidate, for a one-off question; see Suggester. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).suggest(word);
}

/** `did you mean "x"?` or nothing. */
export function didYouMean(word: string, candidates: Iterable<string> | Suggester): string | undefined {
  const match = candidates instanceof Suggester ? candidates.suggest(word) : closest(word, candidates);
  return match ? `did you mean "${match}"?` : undefined;
}
