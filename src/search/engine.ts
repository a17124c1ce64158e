/**
 * Runs a query (src/search/query.ts) on Pagefind's JS API and ranks what it finds.
 *
 * Each alternative of each unit is searched twice: once quoted, which Pagefind matches as whole
 * words (or a whole phrase) and so decides which pages have it, and once word by word unquoted,
 * which gives Pagefind's score and says whether the words are in the page's title or code. Only
 * the quoted search decides membership: Pagefind's unquoted search also matches the start of
 * longer words ("da" in "data") and, failing that, a shorter word ("as" for "astronaut").
 * Searches run on the index already loaded, so they cost no downloads beyond the first.
 */
import type { GlossaryEntry } from '../glossary/glossary.ts';
import type { VocabularyEntry } from '../vocabulary/vocabulary.ts';
import { queryUnits, rank, TermMatcher, topicWords, type Alternative, type PageHits, type Unit, type UnitHit } from './query.ts';

export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  matchedMetaFields?: string[];
  data(): Promise<PagefindData>;
}
export interface Pagefind {
  options(options: object): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** Metadata a match in which means the page names the topic (SearchData.astro writes both). */
const titleFields = new Set(['title', 'code']);

export interface Found {
  hit: UnitHit;
  result: PagefindResult;
}

export interface Ranked {
  units: Unit[];
  /** Result ids, best first. */
  ids: string[];
  /** The Pagefind result to load each page's data and excerpt from. */
  results: Map<string, PagefindResult>;
}

export class SearchEngine {
  private readonly terms: TermMatcher;
  private readonly scored = new Map<string, Promise<Map<string, { score: number; inTitle: boolean }>>>();
  private readonly exact = new Map<string, Promise<Map<string, PagefindResult>>>();
  /** Filter values of every page, by page id: filled by `loadFilters`. */
  readonly filterValues = new Map<string, Map<string, Set<string>>>();

  constructor(
    private readonly pagefind: Pagefind,
    glossary: readonly GlossaryEntry[],
    vocabulary: readonly VocabularyEntry[] = [],
  ) {
    this.terms = new TermMatcher(glossary, vocabulary);
  }

  /**
   * Every page's filter values, from one filter-only search per value (run on the filter index
   * `filters()` has already loaded): the page counts beside each option, and the ranking's
   * "is this a single action", are then worked out here for any set of results.
   */
  async loadFilters(): Promise<Record<string, Record<string, number>>> {
    const available = await this.pagefind.filters();
    for (const [name, values] of Object.entries(available)) {
      for (const value of Object.keys(values)) {
        const found = await this.pagefind.search(null, { filters: { [name]: value } });
        for (const result of found?.results ?? []) {
          const own = this.filterValues.get(result.id) ?? new Map<string, Set<string>>();
          this.filterValues.set(result.id, own);
          own.set(name, (own.get(name) ?? new Set()).add(value));
        }
      }
    }
    return available;
  }

  valuesOf(id: string, name: string): ReadonlySet<string> {
    return this.filterValues.get(id)?.get(name) ?? new Set();
  }

  units(query: string): Unit[] {
    return queryUnits(query, this.terms);
  }

  /** Pages with the alternative as whole words: Pagefind's quoted search. */
  private exactPages(alternative: Alternative): Promise<Map<string, PagefindResult>> {
    const key = alternative.text.toLowerCase();
    let pages = this.exact.get(key);
    if (!pages) {
      pages = this.pagefind
        .search(`"${alternative.text.replace(/["“”]/g, '')}"`)
        .then((found) => new Map((found?.results ?? []).map((r) => [r.id, r])));
      this.exact.set(key, pages);
    }
    return pages;
  }

  /** Pagefind's score for one word on each page, and whether it is in the page's title or code. */
  private wordScores(word: string): Promise<Map<string, { score: number; inTitle: boolean }>> {
    let scores = this.scored.get(word);
    if (!scores) {
      scores = this.pagefind
        .search(word)
        .then(
          (found) =>
            new Map(
              (found?.results ?? []).map((r) => [
                r.id,
                { score: r.score, inTitle: (r.matchedMetaFields ?? []).some((f) => titleFields.has(f)) },
              ]),
            ),
        );
      this.scored.set(word, scores);
    }
    return scores;
  }

  /** Where one unit is found: the best of its alternatives on each page. */
  async unitPages(unit: Unit): Promise<Map<string, Found>> {
    const best = new Map<string, Found>();
    for (const alternative of unit.alternatives) {
      const pages = await this.exactPages(alternative);
      if (!pages.size) continue;
      const words = await Promise.all(topicWords(alternative).map((w) => this.wordScores(w)));
      for (const [id, result] of pages) {
        const perWord = words.map((scores) => scores.get(id));
        const hit: UnitHit = {
          score: alternative.weight * perWord.reduce((sum, s) => sum + (s?.score ?? 0), 0),
          inTitle: perWord.every((s) => s?.inTitle),
        };
        const previous = best.get(id);
        if (!previous || hit.score > previous.hit.score) {
          best.set(id, { hit: { ...hit, inTitle: hit.inTitle || (previous?.hit.inTitle ?? false) }, result });
        } else if (hit.inTitle) previous.hit.inTitle = true;
      }
    }
    return best;
  }

  /** The query's results, ranked by the rule in query.ts. */
  async search(units: Unit[]): Promise<Ranked> {
    const perUnit = await Promise.all(units.map((u) => this.unitPages(u)));
    const results = new Map<string, PagefindResult>();
    const ids: string[] = [];
    for (const pages of perUnit) {
      for (const id of pages.keys()) {
        if (results.has(id)) continue;
        ids.push(id);
        // The excerpt comes from the unit that scored the page highest.
        const best = perUnit
          .map((p) => p.get(id))
          .reduce<Found | undefined>((a, b) => (b && (!a || b.hit.score > a.hit.score) ? b : a), undefined);
        results.set(id, best!.result);
      }
    }
    const pages: PageHits[] = ids.map((id) => ({
      id,
      level: [...this.valuesOf(id, 'level')][0],
      hits: perUnit.map((p) => p.get(id)?.hit),
    }));
    return { units, ids: rank(pages).map((p) => p.id), results };
  }

  /** Every indexed page, in Pagefind's order: the list filters narrow when there is no query. */
  async everything(): Promise<Ranked> {
    const found = await this.pagefind.search(null);
    const list = found?.results ?? [];
    return { units: [], ids: list.map((r) => r.id), results: new Map(list.map((r) => [r.id, r])) };
  }
}
