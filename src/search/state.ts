/**
 * The search page's state, kept in its URL so results are linkable: `?q=neglect&year=2020-21`.
 * Pure functions, no DOM: what the URL asks for, the URL for a state, the filters Pagefind
 * takes, and the sentence that announces the results.
 */

/** The filters SearchData.astro writes, in the order the page shows them, with their legends. */
export const filterNames: ReadonlyArray<readonly [name: string, legend: string]> = [
  ['type', 'Type'],
  ['priority', 'Priority'],
  ['group', 'Group responsible'],
  ['year', 'Reporting year'],
  ['strand', 'Strand'],
  ['status', 'Status'],
  ['due', 'Due'],
];

export interface SearchState {
  q: string;
  /** Chosen values by filter name; a result matches any value of a filter and every filter. */
  filters: Record<string, string[]>;
}

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const [name] of filterNames) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** The query string for a state, `?q=...&year=...`, or '' when there is nothing to search. */
export function toSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [name] of filterNames) for (const value of state.filters[name] ?? []) params.append(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** "12 results for neglect", "1 result for CSE, filtered by 2020-21", "No results for xyz". */
export function describe(count: number, state: SearchState): string {
  const chosen = Object.values(state.filters).flat().join(', ');
  const number = count === 0 ? 'No' : String(count);
  if (!state.q) return `${number} ${count === 1 ? 'page' : 'pages'} filtered by ${chosen}`;
  return `${number} ${count === 1 ? 'result' : 'results'} for ${state.q}${chosen ? `, filtered by ${chosen}` : ''}`;
}

/** Filter values in a sensible order: numbers by value ("2020-21" before "2021-22"), words alphabetically. */
export function sortValues(values: string[]): string[] {
  return [...values].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' }));
}

/** A page's value sets by filter name, as the search page knows them. */
export type ValuesOf = (id: string, name: string) => ReadonlySet<string>;

/** True when a page has a chosen value of every filter with a choice (leaving out `except`). */
export function matchesFilters(id: string, filters: SearchState['filters'], valuesOf: ValuesOf, except?: string): boolean {
  return Object.entries(filters).every(
    ([name, chosen]) => name === except || chosen.length === 0 || chosen.some((value) => valuesOf(id, name).has(value)),
  );
}

/**
 * How many results each option of each filter would leave: the results that match every other
 * filter's choices and have that option. Options within one filter widen the results, so an
 * option's count does not depend on the other options of its own filter.
 */
export function filterCounts(
  ids: readonly string[],
  filters: SearchState['filters'],
  valuesOf: ValuesOf,
): Record<string, Map<string, number>> {
  const counts: Record<string, Map<string, number>> = {};
  for (const [name] of filterNames) {
    const count = new Map<string, number>();
    for (const id of ids) {
      if (!matchesFilters(id, filters, valuesOf, name)) continue;
      for (const value of valuesOf(id, name)) count.set(value, (count.get(value) ?? 0) + 1);
    }
    counts[name] = count;
  }
  return counts;
}

/** "No results for neglet. Showing 12 results for neglect." when a misspelling was corrected. */
export function describeCorrected(count: number, state: SearchState, corrected: string): string {
  return `No results for ${state.q}. ${describe(count, { ...state, q: corrected }).replace(/^(\d+|No) (results?) for/, 'Showing $1 $2 for')}.`;
}

/** "a", "a or b", "a, b or c". */
function list(words: readonly string[], last: 'or' | 'and'): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

/** How a query's parts were found: the ones no page mentions, and whether any page has them all. */
export interface Found {
  /** The query's parts, as typed. */
  parts: readonly string[];
  unmatched: readonly string[];
  together: boolean;
  /** The query searched instead, when a misspelt word was corrected. */
  corrected?: string;
}

/**
 * The announcement, saying which words matched nothing: "3 results for neglect leaflet. No page
 * mentions leaflet.", "No results for school term dates. No page mentions school, term and dates
 * together."
 */
export function describeFound(count: number, state: SearchState, found: Found): string {
  if (found.corrected) return describeCorrected(count, state, found.corrected);
  const said = describe(count, state);
  if (found.parts.length < 2) return said;
  if (found.unmatched.length) return `${said}. No page mentions ${list(found.unmatched, 'or')}.`;
  if (!found.together) return `${said}. No page mentions ${list(found.parts, 'and')} together.`;
  return said;
}
