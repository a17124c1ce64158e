/**
 * The search page, on Pagefind's JS API and our own markup (SearchPage.astro). It reads the
 * query and filters from the URL, keeps the URL in step, announces how many results there
 * are, and lists them ten at a time. It loads the site's own index only: each site has one,
 * at <site root>/pagefind/, so one partnership's search never returns another's pages.
 */
import { describe, filterNames, pagefindFilters, readState, sortValues, toSearch, type SearchState } from './state.ts';

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined> }>;
}
interface Pagefind {
  options(options: { baseUrl?: string }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: object }): Promise<{ results: PagefindResult[] } | null>;
}

const page = 10;
const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void start(root);

async function start(root: HTMLElement) {
  const siteRoot = root.dataset.siteRoot!;
  const form = root.querySelector<HTMLFormElement>('#search-form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = root.querySelector<HTMLElement>('#search-filters')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const list = root.querySelector<HTMLOListElement>('#search-results')!;
  const hint = root.querySelector<HTMLElement>('#search-hint')!;
  const more = root.querySelector<HTMLButtonElement>('#search-more')!;
  const clear = root.querySelector<HTMLButtonElement>('#search-clear')!;
  const title = document.title;

  let state = readState(location.search);
  input.value = state.q;
  let pagefind: Pagefind;
  try {
    const url = `${siteRoot}pagefind/pagefind.js`;
    pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ baseUrl: siteRoot });
    showFilters(await pagefind.filters());
    state = { ...state, filters: chosenFilters() }; // drops values the index does not have
  } catch {
    status.textContent =
      'Sorry, search is not working at the moment. You can find every part of the plan from the links at the top of the page.';
    return;
  }

  let results: PagefindResult[] = [];
  let shown = 0;
  let run = 0;

  async function search() {
    const mine = ++run;
    more.hidden = true;
    history.replaceState(null, '', location.pathname + toSearch(state));
    document.title = state.q ? `${state.q}: ${title}` : title;
    clear.hidden = !Object.keys(state.filters).length;
    const filtered = Object.keys(state.filters).length > 0;
    const found = state.q || filtered ? await pagefind.search(state.q || null, { filters: pagefindFilters(state) }) : null;
    if (mine !== run) return; // a newer search started while this one ran
    results = found?.results ?? [];
    shown = 0;
    list.replaceChildren();
    await showMore(false, mine);
    if (mine !== run) return;
    hint.hidden = !found || results.length > 0;
    status.textContent = found ? describe(results.length, state) : '';
  }

  async function showMore(moveFocus: boolean, mine = run) {
    const batch = results.slice(shown, shown + page);
    const items = await Promise.all(batch.map(async (result) => resultItem(await result.data())));
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
        const row = element('div', { className: 'checkbox' });
        row.append(box, element('label', { htmlFor: id }, value));
        fieldset.append(row);
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

  function chosenFilters(): SearchState['filters'] {
    const filters: SearchState['filters'] = {};
    for (const box of panel.querySelectorAll<HTMLInputElement>('input:checked')) (filters[box.name] ??= []).push(box.value);
    return filters;
  }

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

function resultItem(data: { url: string; excerpt: string; meta: Record<string, string | undefined> }): HTMLLIElement {
  const item = element('li', { className: 'result' });
  const heading = element('h2', { className: 'result__title' });
  heading.append(element('a', { href: data.url }, data.meta.title || data.url));
  item.append(heading);
  if (data.meta.type || data.meta.where) {
    const where = element('p', { className: 'result__where' });
    if (data.meta.type) where.append(element('strong', {}, data.meta.type));
    if (data.meta.where) where.append(`${data.meta.type ? ' in ' : ''}${data.meta.where}`);
    item.append(where);
  }
  const excerpt = element('p', { className: 'result__excerpt' });
  excerpt.append(marked(data.excerpt));
  item.append(excerpt);
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
