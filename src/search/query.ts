/**
 * What a query asks for, and the order results come in. Pure functions, no DOM and no Pagefind:
 * search.ts runs the searches these describe and hands the hits back to `rank`.
 *
 * A query is a list of units, each a thing the reader wants found: a word, a "quoted phrase", or
 * an abbreviation or its meaning from the site's glossary. A unit is found on a page when any of
 * its alternatives is: CSE is found on a page that says CSE, child sexual exploitation or sexual
 * exploitation (and, ranked after those, child exploitation); "child sexual exploitation" typed
 * in full finds CSE too. Every alternative is matched as a whole word or phrase, never as the
 * start of a longer word, so "as" never finds "assurance" and "astronaut" never finds "as".
 */
import type { GlossaryEntry } from '../glossary/glossary.ts';

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

/** Lower case, with punctuation as spaces, as queries and glossary forms are compared. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

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

/** Looks up what glossary entry a run of words names: its term (CSE, CSEs), meaning or another form. */
export class GlossaryMatcher {
  private readonly forms = new Map<string, GlossaryEntry>();
  /** The most words a form has, so a lookup tries no longer runs than can match. */
  readonly longest: number;

  constructor(entries: readonly GlossaryEntry[]) {
    for (const entry of entries) {
      for (const form of [entry.term, entry.meaning, ...(entry.also ?? [])]) {
        const key = normalise(form);
        if (key && !this.forms.has(key)) this.forms.set(key, entry);
      }
    }
    this.longest = Math.max(1, ...[...this.forms.keys()].map((k) => k.split(' ').length));
  }

  find(words: string): GlossaryEntry | undefined {
    const key = normalise(words);
    return this.forms.get(key) ?? (/^[a-z0-9&]+s$/.test(key) ? this.forms.get(key.slice(0, -1)) : undefined);
  }
}

/** Every way of finding a glossary entry, as alternatives of one unit. */
export function glossaryAlternatives(entry: GlossaryEntry): Alternative[] {
  const seen = new Set<string>();
  const out: Alternative[] = [];
  const add = (text: string, weight: number) => {
    const key = normalise(text);
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ text, phrase: key.includes(' '), weight });
  };
  for (const form of [entry.term, entry.meaning, ...(entry.also ?? [])]) add(form, 1);
  for (const form of entry.related ?? []) add(form, relatedWeight);
  return out;
}

function wordUnit(word: string): Unit {
  const alternatives: Alternative[] = [{ text: word, phrase: false, weight: 1 }];
  const other = irregular[normalise(word)];
  if (other) alternatives.push({ text: other, phrase: false, weight: 1 });
  return { label: word, alternatives };
}

/**
 * The units of a query. Runs of words that name a glossary entry become one unit (the longest
 * run first), so "domestic abuse" is one topic, not "domestic" and "abuse" found apart. Words
 * that carry no topic ("the", "of") are dropped unless they are all the query has.
 */
export function queryUnits(query: string, glossary: GlossaryMatcher): Unit[] {
  const units: Unit[] = [];
  for (const part of parseQuery(query)) {
    if (part.quoted) {
      const entry = glossary.find(part.text);
      units.push(
        entry
          ? { label: `"${part.text}"`, alternatives: glossaryAlternatives(entry) }
          : { label: `"${part.text}"`, alternatives: [{ text: part.text, phrase: normalise(part.text).includes(' '), weight: 1 }] },
      );
      continue;
    }
    units.push(wordUnit(part.text));
  }
  // Join runs of single words that name a glossary entry, longest first.
  const joined: Unit[] = [];
  for (let i = 0; i < units.length;) {
    let taken = 0;
    for (let n = Math.min(glossary.longest, units.length - i); n >= 1 && !taken; n -= 1) {
      const run = units.slice(i, i + n);
      if (run.some((u) => u.label.startsWith('"'))) continue;
      const entry = glossary.find(run.map((u) => u.label).join(' '));
      if (entry) {
        joined.push({ label: run.map((u) => u.label).join(' '), alternatives: glossaryAlternatives(entry) });
        taken = n;
      }
    }
    if (!taken) {
      joined.push(units[i]);
      taken = 1;
    }
    i += taken;
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
  /** Plan, priority, objective, action, group or year (src/search/indexed-content.ts). */
  level: string | undefined;
  hits: Array<UnitHit | undefined>;
}

/**
 * The ranking rule, in order:
 * 1. a page that names the topic (a priority, objective, group, plan or year, not a single
 *    action) in its title or code, for every unit of the query: the plan's own levels first
 *    (priority, then objective), then groups, then plans and years;
 * 2. then an action whose title names every unit;
 * 3. then the other pages with every unit, then pages with fewer: the more units, the sooner;
 * 4. within each of those, the higher Pagefind's score (summed over the units) the sooner,
 *    and at equal scores the order Pagefind gave.
 */
/** Among pages that name the topic, the plan's own levels before the groups that work on them. */
const topicOrder: Record<string, number> = { priority: 0, objective: 1, strand: 2, group: 3 };

export function rank(pages: readonly PageHits[]): PageHits[] {
  const keyed = pages.map((page, order) => {
    const found = page.hits.filter((h): h is UnitHit => h !== undefined);
    const all = found.length === page.hits.length;
    const titled = all && found.every((h) => h.inTitle);
    const tier = titled ? (page.level !== 'action' ? 0 : 1) : all ? 2 : 3;
    const level = tier === 0 ? (topicOrder[page.level ?? ''] ?? 4) : 0;
    return { page, order, tier, level, units: found.length, score: found.reduce((sum, h) => sum + h.score, 0) };
  });
  keyed.sort((a, b) => a.tier - b.tier || a.level - b.level || b.units - a.units || b.score - a.score || a.order - b.order);
  return keyed.map((k) => k.page);
}
