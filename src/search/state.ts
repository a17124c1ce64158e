/**
 * The search page's state, kept in its URL so results are linkable: `?q=neglect&year=2020-21`.
 * Pure functions, no DOM: what the URL asks for, the URL for a state, the filters Pagefind
 * takes, and the sentence that announces the results.
 */

/** The filters SearchData.astro writes, in the order the page shows them, with their legends. */
export const filterNames: ReadonlyArray<readonly [name: string, legend: string]> = [
  ['type', 'Type'],
  ['priority', 'Priority'],
  ['group', 'Accountable group'],
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

/** Pagefind's form: any chosen value within a filter, every filter that has a choice. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [name, values] of Object.entries(state.filters)) if (values.length) out[name] = { any: values };
  return out;
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
