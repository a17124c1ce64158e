/**
 * What a query asks for, and the order results come in. Pure functions, no DOM and no Pagefind:
 * search.ts runs the searches these describe and hands the hits back to `rank`.
 *
 * A query is a list of units, each a thing the reader wants found: a word, a "quoted phrase", an
 * abbreviation or its meaning from the site's glossary, or a reader's word or phrase from the
 * site's vocabulary. A unit is found on a page when any of its alternatives is: CSE is found on a
 * page that says CSE, child sexual exploitation or sexual exploitation (and, ranked after those,
 * child exploitation); "child sexual exploitation" typed in full finds CSE too; "county lines"
 * is found on a page that says county lines or criminal exploitation. Every alternative is
 * matched as a whole word or phrase, never as the start of a longer word, so "as" never finds
 * "assurance" and "astronaut" never finds "as".
 */
import type { GlossaryEntry } from '../glossary/glossary.ts';
import { normalisePhrase } from '../../schemas/values/phrase.ts';
import type { VocabularyEntry } from '../vocabulary/vocabulary.ts';

export interface Alternative {
  /** Words as the reader or the glossary wrote them, without quotes. */
  text: string;
  /** The words must appear together, in this order. */
  phrase: boolean;
  /** 1 for the unit itself or another way of writing it; less for a wider, related topic. */
  weight: number;
}

export interface Unit {
  /** The unit as the reader typed it. */
  label: string;
  alternatives: Alternative[];
  /**
   * A topic search knows: words that name a glossary or vocabulary entry, or a phrase the reader
   * quoted. When no page has every unit of a query, only pages with a known unit are shown.
   */
  known: boolean;
}

/** Weight of a glossary entry's related topics: found, but after the term itself. */
export const relatedWeight = 0.5;

/** Words that carry no topic: never searched on their own, never needed in a title. */
export const stopWords = new Set(
  'a an and are as at be by for from has have in into is it its of on or our the their this to was were will with'.split(' '),
);

/** Irregular plurals the stemmer cannot join: a search for one finds the other. */
const irregular: Record<string, string> = { child: 'children', person: 'people', woman: 'women', man: 'men' };
for (const [one, many] of Object.entries(irregular)) irregular[many] = one;

/** Lower case, with punctuation as spaces, as queries, glossary and vocabulary forms are compared. */
export const normalise = normalisePhrase;

/** The query's parts: "quoted phrases" whole, other words one by one. */
export function parseQuery(query: string): Array<{ text: string; quoted: boolean }> {
  const parts: Array<{ text: string; quoted: boolean }> = [];
  const pattern = /["“”]([^"“”]*)["“”]?|(\S+)/g;
  for (const match of query.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const text = match[1].trim();
      if (normalise(text)) parts.push({ text, quoted: true });
    } else if (normalise(match[2])) parts.push({ text: match[2], quoted: false });
  }
  return parts;
}

/** `key` without a plural "s", when it has one to lose: "CSEs" is CSE, "serious case reviews" a serious case review. */
const singular = (key: string) => (/[a-z0-9&]{2}s$/.test(key) ? key.slice(0, -1) : undefined);

/**
 * Looks up what a run of words names: a glossary entry (its term, like CSE or CSEs, its meaning
 * or another form) or a vocabulary entry (any of its words), and gives every way of finding it.
 */
export class TermMatcher {
  private readonly glossary = new Map<string, GlossaryEntry>();
  private readonly vocabulary = new Map<string, VocabularyEntry>();
  /** The most words a form has, so a lookup tries no longer runs than can match. */
  readonly longest: number;

  constructor(glossary: readonly GlossaryEntry[], vocabulary: readonly VocabularyEntry[] = []) {
    for (const entry of glossary) {
      for (const form of [entry.term, entry.meaning, ...(entry.also ?? [])]) {
        const key = normalise(form);
        if (key && !this.glossary.has(key)) this.glossary.set(key, entry);
      }
    }
    for (const entry of vocabulary) {
      for (const word of entry.words) {
        const key = normalise(word);
        if (key && !this.vocabulary.has(key)) this.vocabulary.set(key, entry);
      }
    }
    const keys = [...this.glossary.keys(), ...this.vocabulary.keys()];
    this.longest = Math.max(1, ...keys.map((k) => k.split(' ').length));
  }

  private lookUp<T>(forms: Map<string, T>, words: string): T | undefined {
    const key = normalise(words);
    const one = singular(key);
    return forms.get(key) ?? (one === undefined ? undefined : forms.get(one));
  }

  /** The glossary entry a run of words names, if any. */
  entry(words: string): GlossaryEntry | undefined {
    return this.lookUp(this.glossary, words);
  }

  /**
   * Every way of finding what the words name, or undefined if they name nothing the glossary
   * or vocabulary knows. A quoted phrase is taken as written: its abbreviation or meaning finds
   * it (they are the same words), but the vocabulary's other words for it do not.
   */
  alternatives(words: string, quoted = false): Alternative[] | undefined {
    const entry = this.entry(words);
    const everyday = quoted ? undefined : this.lookUp(this.vocabulary, words);
    if (!entry && !everyday) return undefined;
    const out = new Alternatives();
    if (everyday) out.add(words, 1);
    if (entry) for (const a of glossaryAlternatives(entry)) out.add(a.text, a.weight);
    for (const form of everyday?.finds ?? []) out.add(form, 1);
    return out.list;
  }
}

/** Alternatives without repeats: a form given twice keeps the higher weight. */
class Alternatives {
  readonly list: Alternative[] = [];
  private readonly seen = new Map<string, Alternative>();

  add(text: string, weight: number): void {
    const key = normalise(text);
    if (!key) return;
    const before = this.seen.get(key);
    if (before) before.weight = Math.max(before.weight, weight);
    else {
      const alternative = { text, phrase: key.includes(' '), weight };
      this.seen.set(key, alternative);
      this.list.push(alternative);
    }
  }
}

/** Every way of finding a glossary entry, as alternatives of one unit. */
export function glossaryAlternatives(entry: GlossaryEntry): Alternative[] {
  const out = new Alternatives();
  for (const form of [entry.term, entry.meaning, ...(entry.also ?? [])]) out.add(form, 1);
  for (const form of entry.related ?? []) out.add(form, relatedWeight);
  return out.list;
}

function wordUnit(word: string): Unit {
  const alternatives: Alternative[] = [{ text: word, phrase: false, weight: 1 }];
  const other = irregular[normalise(word)];
  if (other) alternatives.push({ text: other, phrase: false, weight: 1 });
  return { label: word, alternatives, known: false };
}

function quotedUnit(text: string, terms: TermMatcher): Unit {
  const label = `"${text}"`;
  const alternatives = terms.alternatives(text, true) ?? [{ text, phrase: normalise(text).includes(' '), weight: 1 }];
  return { label, alternatives, known: true };
}

/** The longest run of plain words from `start` that names a glossary or vocabulary entry, as one unit. */
function termAt(units: readonly Unit[], start: number, terms: TermMatcher): { unit: Unit; length: number } | undefined {
  for (let n = Math.min(terms.longest, units.length - start); n >= 1; n -= 1) {
    const run = units.slice(start, start + n);
    if (run.some((u) => u.label.startsWith('"'))) continue;
    const label = run.map((u) => u.label).join(' ');
    const alternatives = terms.alternatives(label);
    if (alternatives) return { unit: { label, alternatives, known: true }, length: n };
  }
  return undefined;
}

/**
 * The units of a query. Runs of words that name a glossary or vocabulary entry become one unit
 * (the longest run first), so "domestic abuse" is one topic, not "domestic" and "abuse" found
 * apart. Words that carry no topic ("the", "of") are dropped unless they are all the query has.
 */
export function queryUnits(query: string, terms: TermMatcher): Unit[] {
  const units = parseQuery(query).map((part) => (part.quoted ? quotedUnit(part.text, terms) : wordUnit(part.text)));
  const joined: Unit[] = [];
  for (let i = 0; i < units.length;) {
    const term = termAt(units, i, terms);
    joined.push(term?.unit ?? units[i]);
    i += term?.length ?? 1;
  }
  const topical = joined.filter((u) => u.label.startsWith('"') || !stopWords.has(normalise(u.label)));
  return topical.length ? topical : joined;
}

/** The words of an alternative that carry a topic: the ones a title must have to name it. */
export function topicWords(alternative: Alternative): string[] {
  const words = normalise(alternative.text).split(' ').filter(Boolean);
  const topical = words.filter((w) => !stopWords.has(w));
  return topical.length ? topical : words;
}

/** How one unit was found on one page. */
export interface UnitHit {
  /** Pagefind's score for the unit on the page, times the alternative's weight. */
  score: number;
  /** Every topic word of the alternative is in the page's title or code. */
  inTitle: boolean;
}

/** A page found by a query: how each unit was found on it (undefined where it was not). */
export interface PageHits {
  id: string;
  /** Plan, priority, objective, action, group, year, strand, measure or review (src/search/indexed-content.ts). */
  level: string | undefined;
  hits: Array<UnitHit | undefined>;
}

/**
 * The ranking rule, in order:
 * 1. pages with every unit of the query before pages with fewer: the more units, the sooner;
 * 2. among pages with as many, a page that names the topic (a priority, objective, group, plan
 *    or year, not a single action) in its title or code, for every unit it has: the plan's own
 *    levels first (priority, then objective), then groups, then plans and years;
 * 3. then an action whose title names every unit it has;
 * 4. then the others;
 * 5. within each of those, the higher Pagefind's score (summed over the units) the sooner,
 *    and at equal scores the order Pagefind gave.
 */
/** Among pages that name the topic, the plan's own levels before the groups that work on them. */
const topicOrder: Record<string, number> = { priority: 0, objective: 1, strand: 2, group: 3 };

export function rank(pages: readonly PageHits[]): PageHits[] {
  const keyed = pages.map((page, order) => {
    const found = page.hits.filter((h): h is UnitHit => h !== undefined);
    const titled = found.length > 0 && found.every((h) => h.inTitle);
    const tier = titled ? (page.level !== 'action' ? 0 : 1) : 2;
    const level = tier === 0 ? (topicOrder[page.level ?? ''] ?? 4) : 0;
    return { page, order, missing: page.hits.length - found.length, tier, level, score: found.reduce((sum, h) => sum + h.score, 0) };
  });
  keyed.sort((a, b) => a.missing - b.missing || a.tier - b.tier || a.level - b.level || b.score - a.score || a.order - b.order);
  return keyed.map((k) => k.page);
}
