/**
 * The search page, on Pagefind's JS API and our own markup (SearchPage.astro). It reads the
 * query and filters from the URL, keeps the URL in step, announces how many results there are,
 * and lists them ten at a time, ranked by the rule in query.ts. It loads the site's own index
 * only: each site has one, at <site root>/pagefind/, so one partnership's search never returns
 * another's pages. When a query finds nothing it tries the nearest of the site's own words, and
 * otherwise offers them with links to the plan's priorities and browse pages.
 */
import type { GlossaryEntry } from '../glossary/glossary.ts';
import { SearchEngine, type Pagefind, type PagefindData, type PagefindResult, type Ranked } from './engine.ts';
import type { Unit } from './query.ts';
import { corrections } from './spelling.ts';
import {
  describe,
  describeCorrected,
  filterCounts,
  filterNames,
  matchesFilters,
  readState,
  sortValues,
  toSearch,
  type SearchState,
} from './state.ts';

const page = 10;
const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void start(root);

async function start(root: HTMLElement) {
  const siteRoot = root.dataset.siteRoot!;
  const form = root.querySelector<HTMLFormElement>('#search-form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = root.querySelector<HTMLElement>('#search-filters')!;
  const toggle = root.querySelector<HTMLButtonElement>('#filters-toggle')!;
  const body = root.querySelector<HTMLElement>('#filters-body')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const list = root.querySelector<HTMLOListElement>('#search-results')!;
  const help = root.querySelector<HTMLElement>('#search-help')!;
  const suggest = root.querySelector<HTMLElement>('#search-suggest')!;
  const more = root.querySelector<HTMLButtonElement>('#search-more')!;
  const clear = root.querySelector<HTMLButtonElement>('#search-clear')!;
  const glossary = JSON.parse(root.querySelector('#search-glossary')?.textContent ?? '[]') as GlossaryEntry[];
  const title = document.title;

  let state = readState(location.search);
  input.value = state.q;
  let engine: SearchEngine;
  const rows = new Map<string, { row: HTMLElement; count: HTMLElement; box: HTMLInputElement }>();
  try {
    const url = `${siteRoot}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // A match in a page's code (like "P2") counts as much as one in its title.
    await pagefind.options({ baseUrl: siteRoot, excerptLength: 24, ranking: { metaWeights: { title: 5, code: 5 } } });
    engine = new SearchEngine(pagefind, glossary);
    showFilters(await engine.loadFilters());
    state = { ...state, filters: chosenFilters() }; // drops values the index does not have
  } catch {
    status.textContent =
      'Sorry, search is not working at the moment. You can find every part of the plan from the links at the top of the page.';
    return;
  }

  let results: string[] = [];
  let found: Ranked | undefined;
  let shown = 0;
  let run = 0;
  let words: Promise<string[]> | undefined;

  /** The site's own words, fetched only when a query has a word no page has. */
  const siteWords = () =>
    (words ??= fetch(`${siteRoot}search/words.json`)
      .then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
      .catch(() => []));

  /**
   * Units no page has, each replaced by the nearest of the site's words that some page has, and
   * the queries each near word would make, to offer. Only single words in lower or mixed case
   * are corrected: a phrase, a glossary term or a word in capitals is taken as meant.
   */
  async function correct(units: Unit[]): Promise<{ units: Unit[]; offers: string[] } | undefined> {
    const missing: number[] = [];
    for (const [i, unit] of units.entries()) if ((await engine.unitPages(unit)).size === 0) missing.push(i);
    if (!missing.length) return undefined;
    const vocabulary = await siteWords();
    const fixed = [...units];
    const offers: string[] = [];
    for (const i of missing) {
      const unit = units[i];
      // Capitals mean an abbreviation, meant as typed: CFAN is not a slip for "clan".
      if (unit.label.startsWith('"') || unit.alternatives.length > 1 || unit.label.includes(' ') || /^[A-Z0-9&/-]{2,}$/.test(unit.label))
        continue;
      for (const word of corrections(unit.label, vocabulary)) {
        const [replacement] = engine.units(word);
        if (replacement && (await engine.unitPages(replacement)).size > 0) {
          if (fixed[i] === unit) fixed[i] = replacement;
          offers.push(units.map((u, j) => (j === i ? word : u.label)).join(' '));
        }
      }
    }
    return offers.length ? { units: fixed, offers } : undefined;
  }

  async function search() {
    const mine = ++run;
    more.hidden = true;
    history.replaceState(null, '', location.pathname + toSearch(state));
    document.title = state.q ? `${state.q}: ${title}` : title;
    clear.hidden = !Object.keys(state.filters).length;
    updateToggle();
    const filtered = Object.keys(state.filters).length > 0;
    let corrected: string | undefined;
    let offers: string[] = [];
    if (state.q) {
      let units = engine.units(state.q);
      const fix = await correct(units);
      if (fix) {
        offers = fix.offers;
        const fixedQuery = fix.units.map((u) => u.label).join(' ');
        if (fixedQuery.toLowerCase() !== state.q.toLowerCase()) {
          units = fix.units;
          corrected = fixedQuery;
        }
      }
      found = await engine.search(units);
      // A correction that finds less than the query as typed is no correction.
      if (corrected && found.ids.length === 0) corrected = undefined;
    } else found = filtered ? await engine.everything() : undefined;
    if (mine !== run) return; // a newer search started while this one ran
    const valuesOf = (id: string, name: string) => engine.valuesOf(id, name);
    const all = found?.ids ?? [];
    results = all.filter((id) => matchesFilters(id, state.filters, valuesOf));
    updateCounts(filterCounts(all, state.filters, valuesOf));
    shown = 0;
    list.replaceChildren();
    await showMore(false, mine);
    if (mine !== run) return;
    showHelp(found !== undefined && results.length === 0, offers);
    status.textContent = !found ? '' : corrected ? describeCorrected(results.length, state, corrected) : describe(results.length, state);
  }

  /** "Did you mean" whenever a word was corrected or could be; the way back to the plan when nothing is found. */
  function showHelp(nothing: boolean, offers: string[]) {
    help.hidden = !nothing;
    suggest.replaceChildren();
    suggest.hidden = !offers.length;
    if (!offers.length) return;
    suggest.append('Did you mean ');
    offers.forEach((word, i) => {
      if (i) suggest.append(i === offers.length - 1 ? ' or ' : ', ');
      suggest.append(element('a', { href: location.pathname + toSearch({ ...state, q: word }) }, word));
    });
    suggest.append('?');
  }

  async function showMore(moveFocus: boolean, mine = run) {
    const batch = results.slice(shown, shown + page);
    const items = await Promise.all(
      batch.map(async (id) => {
        const result = found!.results.get(id) as PagefindResult;
        return resultItem(await result.data());
      }),
    );
    if (mine !== run) return;
    list.append(...items);
    shown += batch.length;
    const left = results.length - shown;
    more.hidden = left <= 0;
    more.textContent = `Show ${Math.min(left, page)} more ${left === 1 ? 'result' : 'results'}`;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  function showFilters(available: Record<string, Record<string, number>>) {
    for (const [name, legend] of filterNames) {
      const values = sortValues(Object.keys(available[name] ?? {}));
      if (!values.length) continue;
      const chosen = new Set(state.filters[name] ?? []);
      const details = element('details', { className: 'filter' });
      const summary = element('summary', {}, legend);
      const count = element('span', { className: 'filter__chosen' });
      summary.append(count);
      const fieldset = element('fieldset');
      fieldset.append(element('legend', { className: 'visually-hidden' }, legend));
      values.forEach((value, i) => {
        const id = `filter-${name}-${i}`;
        const box = element('input', { type: 'checkbox', id, name, value, checked: chosen.has(value) });
        const results = element('span', { className: 'filter__count' });
        const label = element('label', { htmlFor: id }, value);
        label.append(results);
        const row = element('div', { className: 'checkbox' });
        row.append(box, label);
        fieldset.append(row);
        rows.set(`${name}\n${value}`, { row, count: results, box });
      });
      details.append(summary, fieldset);
      panel.querySelector('.filters__list')!.append(details);
      const update = () => {
        const n = fieldset.querySelectorAll(':checked').length;
        count.textContent = n ? ` (${n} chosen)` : '';
      };
      update();
      details.open = chosen.size > 0;
      fieldset.addEventListener('change', () => {
        update();
        state = { ...state, filters: chosenFilters() };
        void search();
      });
    }
    panel.hidden = !panel.querySelector('details');
  }

  /** Each option's count of results; an option with none is hidden unless it is chosen. */
  function updateCounts(counts: Record<string, Map<string, number>>) {
    for (const [key, { row, count, box }] of rows) {
      const [name, value] = key.split('\n');
      const n = counts[name]?.get(value) ?? 0;
      count.textContent = ` (${n})`;
      row.hidden = n === 0 && !box.checked;
    }
    for (const details of panel.querySelectorAll<HTMLDetailsElement>('details.filter')) {
      details.hidden = !details.querySelector('.checkbox:not([hidden])');
    }
  }

  function chosenFilters(): SearchState['filters'] {
    const filters: SearchState['filters'] = {};
    for (const box of panel.querySelectorAll<HTMLInputElement>('input:checked')) (filters[box.name] ??= []).push(box.value);
    return filters;
  }

  /** The filters button on narrow screens says how many options are chosen. */
  function updateToggle() {
    const n = Object.values(state.filters).flat().length;
    toggle.querySelector('.filters__toggle-count')!.textContent = n ? ` (${n} chosen)` : '';
  }

  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, q: input.value.trim() };
    void search();
  });
  clear.addEventListener('click', () => {
    for (const box of panel.querySelectorAll<HTMLInputElement>('input:checked')) box.checked = false;
    for (const count of panel.querySelectorAll('.filter__chosen')) count.textContent = '';
    state = { ...state, filters: {} };
    void search();
    input.focus();
  });
  let busy = false; // one batch at a time, however fast the button is pressed
  more.addEventListener('click', () => {
    if (busy) return;
    busy = true;
    void showMore(true).finally(() => (busy = false));
  });
  await search();
}

/** Where a page sits and where it stands: its type in the partnership's words, code, status and priority. */
function resultItem(data: PagefindData): HTMLLIElement {
  const item = element('li', { className: 'result' });
  const heading = element('h2', { className: 'result__title' });
  heading.append(element('a', { href: data.url }, data.meta.title || data.url));
  item.append(heading);
  const level = data.filters.level?.[0];
  const facts = element('p', { className: 'result__facts' });
  const type = data.filters.type?.[0];
  if (type) facts.append(element('span', { className: 'result__type' }, type));
  if (data.meta.code) facts.append(' ', element('span', { className: 'result__code' }, data.meta.code));
  const isItem = level === 'priority' || level === 'objective' || level === 'action';
  const status = data.filters.status?.[0];
  if (status) facts.append(' ', element('strong', { className: `tag tag--${status.toLowerCase().replace(/\s+/g, '-')}` }, status));
  else if (isItem) facts.append(' ', element('span', { className: 'result__no-status' }, 'No status reported'));
  item.append(facts);
  const priority = data.filters.priority?.[0];
  if (priority && (level === 'objective' || level === 'action')) {
    const where = element('p', { className: 'result__where' }, 'In ');
    where.append(element('span', { className: 'result__priority' }, priority));
    item.append(where);
  }
  const excerpt = marked(data.excerpt);
  const text = excerpt.textContent?.trim() ?? '';
  // A page indexed by its title alone would only repeat it.
  if (text && text !== (data.meta.title ?? '').trim()) {
    const paragraph = element('p', { className: 'result__excerpt' });
    paragraph.append(excerpt);
    item.append(paragraph);
  }
  return item;
}

/** Pagefind's excerpt keeping only its <mark>s: every other tag becomes its plain text. */
function marked(html: string): DocumentFragment {
  const template = document.createElement('template'); // inert: nothing in it loads or runs
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    out.append(node.nodeName === 'MARK' ? element('mark', {}, node.textContent ?? '') : (node.textContent ?? ''));
  }
  return out;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  if (text !== undefined) el.textContent = text;
  return el;
}
