/**
 * What the search page shows for a query, worked out from the engine's hits and nothing else (no
 * DOM): the results, the parts of the query no page mentions, and any "did you mean".
 *
 * - A query whose every part is on one page at least lists those pages first, then the pages
 *   with fewer of its parts (`rank` in query.ts).
 * - When no page has every part (a part is on no page, or the parts are on different pages),
 *   the pages with some of them are listed only if what they have is a topic: one search knows
 *   (a glossary or vocabulary entry, or a quoted phrase), or one the plan names (in the title of
 *   a priority, objective, group or strand). "neglect leaflet" lists the neglect pages and says
 *   no page mentions leaflet, and "inspection results" the inspection pages; "zebra crossing"
 *   lists nothing rather than the pages that say "cross-cutting". A part that is only a slip
 *   ("mental helth") does not stop the others being listed.
 * - "Did you mean": a single word no page has, and that is not a real English word or a term
 *   search knows, is searched as the nearest of the site's words, and the page says so. In a
 *   query of several parts, corrections are only offered, never run: the reader chooses.
 */
import type { Found, Ranked, SearchEngine } from './engine.ts';
import type { Unit } from './query.ts';
import { corrections } from './spelling.ts';

/** What "did you mean" needs from the page: the site's words, and whether a word is real English. Both are fetched only when needed. */
export interface Speller {
  siteWords(): Promise<readonly string[]>;
  isRealWord(word: string): Promise<boolean>;
}

export interface Answer {
  /** The query's parts, as typed. */
  parts: string[];
  /** The results, best first (no ids when nothing is to be shown). */
  ranked: Ranked;
  /** The parts of the query no page mentions, as typed. */
  unmatched: string[];
  /** Some page has every part of the query. */
  together: boolean;
  /** The query searched instead of the one typed, when a single word was corrected. */
  corrected?: string;
  /** Queries to offer as "did you mean". */
  offers: string[];
}

/**
 * A unit the spelling fixer may replace: one plain word, as typed, that is no term search knows.
 * Capitals mean an abbreviation, meant as typed: CFAN is not a slip for "clan".
 */
function correctable(unit: Unit): boolean {
  return !unit.known && unit.alternatives.length === 1 && !unit.label.includes(' ') && !/^[A-Z0-9&/-]{2,}$/.test(unit.label);
}

/** The site's words a slip could have meant, that find something, unless the slip is a real word. */
async function fixes(engine: SearchEngine, unit: Unit, speller: Speller): Promise<Array<{ word: string; unit: Unit }>> {
  if (!correctable(unit)) return [];
  const near = corrections(unit.label, await speller.siteWords());
  if (!near.length || (await speller.isRealWord(unit.label.toLowerCase()))) return [];
  const found: Array<{ word: string; unit: Unit }> = [];
  for (const word of near) {
    const [replacement] = engine.units(word);
    if (replacement && (await engine.unitPages(replacement)).size > 0) found.push({ word, unit: replacement });
  }
  return found;
}

/** Pages that have every one of these units. */
function together(pages: ReadonlyArray<Map<string, Found>>): string[] {
  const [first, ...rest] = pages;
  return [...(first?.keys() ?? [])].filter((id) => rest.every((p) => p.has(id)));
}

const nothing = (units: Unit[]): Ranked => ({ units, ids: [], results: new Map() });

/** Pages that name a topic of the plan in their title, as opposed to single actions, plans and years. */
const topicPages = new Set(['priority', 'objective', 'group', 'strand']);

/** A unit that is a topic: known to search, or in the title of a page that names one of the plan's topics. */
function isTopic(engine: SearchEngine, unit: Unit, pages: Map<string, Found>): boolean {
  if (unit.known) return true;
  for (const [id, found] of pages) if (found.hit.inTitle && [...engine.valuesOf(id, 'level')].some((l) => topicPages.has(l))) return true;
  return false;
}

export async function answer(engine: SearchEngine, query: string, speller: Speller): Promise<Answer> {
  const units = engine.units(query);
  const parts = units.map((u) => u.label);
  const pages = await Promise.all(units.map((u) => engine.unitPages(u)));
  const missing = units.filter((_, i) => pages[i].size === 0);
  const offers: string[] = [];
  const slips = new Set<Unit>();
  for (const unit of missing) {
    const found = await fixes(engine, unit, speller);
    if (found.length) slips.add(unit);
    for (const { word } of found) offers.push(units.map((u) => (u === unit ? word : u.label)).join(' '));
    // One word, corrected: search its nearest word, if that finds anything.
    if (units.length === 1 && found.length) {
      const ranked = await engine.search([found[0].unit]);
      return { parts, ranked, unmatched: [], together: true, corrected: found[0].word, offers };
    }
  }
  const matched = units.filter((_, i) => pages[i].size > 0);
  const unmatched = missing.map((u) => u.label);
  if (!matched.length) return { parts, ranked: nothing(units), unmatched, together: false, offers };
  const ranked = await engine.search(matched);
  const whole = missing.length === 0 && together(pages).length > 0;
  if (whole || (missing.length > 0 && missing.every((u) => slips.has(u)))) return { parts, ranked, unmatched, together: whole, offers };
  // No page has every part: only the pages with a topic.
  const topical = new Set(units.flatMap((u, i) => (pages[i].size > 0 && isTopic(engine, u, pages[i]) ? [...pages[i].keys()] : [])));
  const ids = ranked.ids.filter((id) => topical.has(id));
  return { parts, ranked: { ...ranked, ids }, unmatched, together: false, offers };
}
