/**
 * The search page, on Pagefind's JS API and our own markup (SearchPage.astro). It reads the
 * query and filters from the URL, keeps the URL in step, announces how many results there are
 * and which words matched nothing, and lists them ten at a time, ranked by the rule in query.ts.
 * It loads the site's own index only: each site has one, at <site root>/pagefind/, so one
 * partnership's search never returns another's pages. What a query shows is worked out in
 * answer.ts; when it finds nothing, the page offers the nearest of the site's own words and
 * links to the plan's priorities and browse pages.
 */
import type { GlossaryEntry } from '../glossary/glossary.ts';
import type { VocabularyEntry } from '../vocabulary/vocabulary.ts';
import { answer, type Speller } from './answer.ts';
import { SearchEngine, type Pagefind, type PagefindResult, type Ranked } from './engine.ts';
import { FiltersView } from './filters-view.ts';
import { normalise } from './query.ts';
import { element, resultItem } from './results-view.ts';
import { realWordBucket } from './spelling.ts';
import { describe, describeFound, filterCounts, matchesFilters, readState, toSearch, type Found, type SearchState } from './state.ts';

/** Results shown at a time. */
const batchSize = 10;
const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void start(root);

/** JSON the page carries in a <script type="application/json">, or `fallback`. */
function embedded<T>(root: HTMLElement, id: string, fallback: T): T {
  return (JSON.parse(root.querySelector(`#${id}`)?.textContent ?? 'null') as T | null) ?? fallback;
}

/** The site's index, ready to search; throws when it cannot be loaded. */
async function openIndex(siteRoot: string, glossary: GlossaryEntry[], vocabulary: VocabularyEntry[]): Promise<SearchEngine> {
  const pagefind = (await import(/* @vite-ignore */ `${siteRoot}pagefind/pagefind.js`)) as Pagefind;
  // A match in a page's code (like "P2") counts as much as one in its title; one in the text it
  // shares with other pages (indexed-content.ts) as little as one in a progress update.
  await pagefind.options({ baseUrl: siteRoot, excerptLength: 24, ranking: { metaWeights: { title: 5, code: 5, context: 0.5 } } });
  return new SearchEngine(pagefind, glossary, vocabulary);
}

/** What "did you mean" needs, fetched only when a query has a word no page has. */
function speller(siteRoot: string, vocabulary: readonly VocabularyEntry[]): Speller {
  const json = <T>(url: string, fallback: T): Promise<T> =>
    fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<T>) : fallback))
      .catch(() => fallback);
  let words: Promise<string[]> | undefined;
  const buckets = new Map<number, Promise<Set<string>>>();
  // The readers' words search knows are words it may offer too: "sucide" is a slip for "suicide".
  const known = vocabulary.flatMap((e) => e.words.map(normalise)).filter((w) => /^\p{L}{3,}$/u.test(w));
  return {
    siteWords: () => (words ??= json<string[]>(`${siteRoot}search/words.json`, []).then((site) => [...new Set([...site, ...known])])),
    isRealWord: async (word) => {
      const bucket = realWordBucket(word);
      if (!buckets.has(bucket))
        buckets.set(
          bucket,
          json<string[]>(`${siteRoot}search/real-words/${bucket}.json`, []).then((w) => new Set(w)),
        );
      return (await buckets.get(bucket)!).has(word);
    },
  };
}

async function start(root: HTMLElement) {
  const siteRoot = root.dataset.siteRoot!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const input = root.querySelector<HTMLInputElement>('#search-form input[name="q"]')!;
  const vocabulary = embedded<VocabularyEntry[]>(root, 'search-vocabulary', []);
  let state = readState(location.search);
  input.value = state.q;
  let engine: SearchEngine;
  let page: SearchPage | undefined;
  const filters = new FiltersView(root, (chosen, cleared) => {
    state = { ...state, filters: chosen };
    void page?.search(false);
    if (cleared) input.focus();
  });
  try {
    engine = await openIndex(siteRoot, embedded<GlossaryEntry[]>(root, 'search-glossary', []), vocabulary);
    filters.show(await engine.loadFilters(), state.filters);
    state = { ...state, filters: filters.chosen() }; // drops values the index does not have
  } catch {
    status.textContent =
      'Sorry, search is not working at the moment. You can find every part of the plan from the links at the top of the page.';
    return;
  }
  const current = (page = new SearchPage(root, engine, filters, speller(siteRoot, vocabulary), () => state));
  root.querySelector<HTMLFormElement>('#search-form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, q: input.value.trim() };
    void current.search(true);
  });
  // A reader who arrives with a query has just searched: take them to what it found.
  await current.search(state.q !== '');
}

/** One search at a time on the page: the results, their announcement and the way on when there are none. */
class SearchPage {
  private readonly status: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private readonly title = document.title;
  private results: string[] = [];
  private found: Ranked | undefined;
  private shown = 0;
  private run = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly engine: SearchEngine,
    private readonly filters: FiltersView,
    private readonly speller: Speller,
    private readonly state: () => SearchState,
  ) {
    this.status = root.querySelector<HTMLElement>('#search-status')!;
    this.list = root.querySelector<HTMLOListElement>('#search-results')!;
    this.more = root.querySelector<HTMLButtonElement>('#search-more')!;
    let busy = false; // one batch at a time, however fast the button is pressed
    this.more.addEventListener('click', () => {
      if (busy) return;
      busy = true;
      void this.showMore(true).finally(() => (busy = false));
    });
  }

  /** Runs the state's search and shows it; `moveFocus` takes the reader to the results summary afterwards. */
  async search(moveFocus: boolean): Promise<void> {
    const mine = ++this.run;
    const state = this.state();
    this.more.hidden = true;
    history.replaceState(null, '', location.pathname + toSearch(state));
    document.title = state.q ? `${state.q}: ${this.title}` : this.title;
    this.filters.updateChosen(state.filters);
    const { ranked, found, offers } = await this.query(state);
    if (mine !== this.run) return; // a newer search started while this one ran
    this.found = ranked;
    const valuesOf = (id: string, name: string) => this.engine.valuesOf(id, name);
    const all = ranked?.ids ?? [];
    this.results = all.filter((id) => matchesFilters(id, state.filters, valuesOf));
    this.filters.updateCounts(filterCounts(all, state.filters, valuesOf));
    this.shown = 0;
    this.list.replaceChildren();
    await this.showMore(false, mine);
    if (mine !== this.run) return;
    this.showHelp(ranked !== undefined && this.results.length === 0, offers, state);
    this.status.textContent = !ranked
      ? ''
      : found
        ? describeFound(this.results.length, state, found)
        : describe(this.results.length, state);
    if (moveFocus && ranked) this.status.focus();
  }

  /** The query's results and how its words were found; every page when only filters are chosen; nothing when neither. */
  private async query(state: SearchState): Promise<{ ranked?: Ranked; found?: Found; offers: string[] }> {
    if (!state.q) return { ranked: Object.keys(state.filters).length ? await this.engine.everything() : undefined, offers: [] };
    const said = await answer(this.engine, state.q, this.speller);
    return { ranked: said.ranked, found: said, offers: said.offers };
  }

  /** "Did you mean" whenever a word was corrected or could be; the way back to the plan when nothing is found. */
  private showHelp(nothing: boolean, offers: string[], state: SearchState) {
    this.root.querySelector<HTMLElement>('#search-help')!.hidden = !nothing;
    const suggest = this.root.querySelector<HTMLElement>('#search-suggest')!;
    suggest.replaceChildren();
    suggest.hidden = !offers.length;
    if (!offers.length) return;
    suggest.append('Did you mean ');
    offers.forEach((words, i) => {
      if (i) suggest.append(i === offers.length - 1 ? ' or ' : ', ');
      suggest.append(element('a', { href: location.pathname + toSearch({ ...state, q: words }) }, words));
    });
    suggest.append('?');
  }

  private async showMore(moveFocus: boolean, mine = this.run) {
    const batch = this.results.slice(this.shown, this.shown + batchSize);
    const items = await Promise.all(batch.map(async (id) => resultItem(await (this.found!.results.get(id) as PagefindResult).data())));
    if (mine !== this.run) return;
    this.list.append(...items);
    this.shown += batch.length;
    const left = this.results.length - this.shown;
    this.more.hidden = left <= 0;
    this.more.textContent = `Show ${Math.min(left, batchSize)} more ${left === 1 ? 'result' : 'results'}`;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }
}
