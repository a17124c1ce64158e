/**
 * Search in real Chromium, against the built bundled content: each site finds its own pages
 * and only its own, filters narrow the results exactly, the URL keeps the search linkable,
 * and nothing is requested from any host but the site's.
 */
import { describe, expect, it } from 'vitest';
import { openBrowser, searchResults, useBrowser } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';
import { containing, containingAll, indexedPages, urls, type IndexedPage } from './indexed.ts';

const root = siteDir();
const hampshire = indexedPages(root, 'hampshire');
const hounslow = indexedPages(root, 'hounslow');
const sites: Record<string, IndexedPage[]> = { hampshire, hounslow };

const browser = useBrowser(root);

describe('searching each site', () => {
  for (const site of Object.keys(sites)) {
    it(`finds exactly ${site}'s pages about neglect, and only from ${site}'s own index`, async () => {
      const page = await browser().open();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${browser().origin}/${site}/search/?q=neglect`);
      const { status, hrefs } = await searchResults(page);

      const expected = urls(containing(sites[site], 'neglect'));
      expect(expected.length).toBeGreaterThan(3);
      expect([...hrefs].sort()).toEqual(expected);
      expect(status).toBe(`${hrefs.length} results for neglect`);
      for (const href of hrefs) expect(href.startsWith(`/${site}/`), href).toBe(true);
      // Only this site's index was loaded.
      const indexFiles = requested.filter((p) => p.includes('/pagefind/'));
      expect(indexFiles.length).toBeGreaterThan(0);
      for (const file of indexFiles) expect(file.startsWith(`/${site}/pagefind/`), file).toBe(true);
      await page.close();
    });
  }

  it("finds the neglect priorities themselves: Hampshire's Responding to Neglect, Hounslow's Neglect", async () => {
    for (const [site, priority] of [
      ['hampshire', '/hampshire/priorities/responding-to-neglect/'],
      ['hounslow', '/hounslow/priorities/neglect/'],
    ]) {
      const page = await browser().open(`/${site}/search/?q=neglect`);
      expect((await searchResults(page)).hrefs).toContain(priority);
      await page.close();
    }
  });

  it('finds the acronyms practitioners type, as written (CSE, MACE, MASH, CERAF)', async () => {
    const words: Array<[string, string]> = [
      ['hounslow', 'CSE'],
      ['hounslow', 'MACE'],
      ['hounslow', 'MASH'],
      ['hampshire', 'CERAF'],
      ['hampshire', 'IOWSCP'],
    ];
    for (const [site, word] of words) {
      const expected = urls(containing(sites[site], word));
      expect(expected.length, `${word} is in ${site}'s pages`).toBeGreaterThan(0);
      const page = await browser().open(`/${site}/search/?q=${word}`);
      const { hrefs } = await searchResults(page);
      expect([...hrefs].sort(), word).toEqual(expected);
      await page.close();
    }
  });

  it('puts the page first when its title is typed', async () => {
    const titles: Array<[string, string, string]> = [
      ['hampshire', 'Lurking Trolls', '/hampshire/actions/evaluate-lurking-trolls-campaign/'],
      ['hounslow', 'PANTS campaign', '/hounslow/actions/csa-awareness-raising-pants-campaign/'],
      ['hounslow', 'Neglect Task and Finish Group', '/hounslow/groups/neglect-task-and-finish-group/'],
    ];
    for (const [site, query, url] of titles) {
      expect(urls(containingAll(sites[site], query))).toContain(url);
      const page = await browser().open(`/${site}/search/?q=${encodeURIComponent(query)}`);
      expect((await searchResults(page)).hrefs[0], query).toBe(url);
      await page.close();
    }
  });

  it("finds a group by its name: the group's page and all the work it is accountable for", async () => {
    for (const [site, group] of [
      ['hampshire', 'Multi-agency Review Group (Child Exploitation)'],
      ['hounslow', 'Safeguarding Effectiveness Sub-Group'],
    ]) {
      const accountable = urls(sites[site].filter((p) => p.filters.group?.includes(group)));
      expect(accountable.length, `${group} is a group of ${site}`).toBeGreaterThan(1);
      const groupPage = accountable.find((u) => u.includes('/groups/'));
      const page = await browser().open(`/${site}/search/?q=${encodeURIComponent(group)}`);
      const { hrefs } = await searchResults(page);
      expect(hrefs).toEqual(expect.arrayContaining(accountable));
      expect(hrefs.slice(0, 3), group).toContain(groupPage);
      await page.close();
    }
  });

  it("never returns another partnership's pages, even for words only the other has", async () => {
    // CERAF is Hampshire's; MACE is Hounslow's.
    for (const [site, word, other] of [
      ['hounslow', 'CERAF', hampshire],
      ['hampshire', 'MACE', hounslow],
    ] as const) {
      expect(containing(other, word).length, `${word} is in the other site`).toBeGreaterThan(0);
      expect(containing(sites[site], word)).toEqual([]);
      const page = await browser().open(`/${site}/search/?q=${word}`);
      const { status, hrefs } = await searchResults(page);
      expect(hrefs).toEqual([]);
      expect(status).toBe(`No results for ${word}`);
      await expect.poll(() => page.locator('#search-hint').isVisible()).toBe(true);
      await page.close();
    }
  });

  it("shows each result's type, where it sits, and an excerpt with only <mark> in it", async () => {
    const page = await browser().open('/hounslow/search/?q=neglect');
    await searchResults(page);
    const results = await page.$$eval('#search-results > li', (items) =>
      items.map((li) => ({
        title: li.querySelector('h2 a')?.textContent ?? '',
        where: li.querySelector('.result__where')?.textContent ?? '',
        marks: li.querySelectorAll('.result__excerpt mark').length,
        tags: [...li.querySelectorAll('.result__excerpt *')].map((e) => e.tagName),
      })),
    );
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.title).not.toBe('');
      expect(result.where).not.toBe('');
      expect(
        result.tags.every((tag) => tag === 'MARK'),
        result.tags.join(),
      ).toBe(true);
    }
    expect(results.some((r) => r.marks > 0)).toBe(true);
    // The priority's result carries its own title and type, not "PriorityNeglect".
    const priority = results.find((r) => r.title === 'Neglect');
    expect(priority?.where).not.toBe('');
    await page.close();
  });
});

describe('filters', () => {
  /** Ticks a filter's checkbox the way a user does: open its section, check the box. */
  async function choose(page: import('playwright-core').Page, legend: string, value: string) {
    const section = page.locator('details.filter', { has: page.locator('legend', { hasText: legend }) });
    if (!(await section.getAttribute('open').then((v) => v !== null))) await section.locator('summary').click();
    await section.getByLabel(value, { exact: true }).check();
  }

  it("offers the filters from the site's index, as labelled checkboxes in fieldsets", async () => {
    const page = await browser().open('/hampshire/search/?q=neglect');
    await searchResults(page);
    const legends = await page.$$eval('#search-filters fieldset legend', (l) => l.map((e) => e.textContent));
    expect(legends).toEqual(['Type', 'Priority', 'Accountable group', 'Reporting year', 'Status']);
    const years = await page.$$eval('#search-filters input[name="year"]', (boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    const builtYears = [...new Set(hampshire.flatMap((p) => p.filters.year ?? []))].sort();
    expect(years).toEqual(builtYears);
    await page.close();
  });

  it('narrows neglect on Hampshire to the pages tagged 2020-21, and keeps it in the URL', async () => {
    const page = await browser().open('/hampshire/search/?q=neglect');
    const all = await searchResults(page);
    await choose(page, 'Reporting year', '2020-21');
    const filtered = await searchResults(page, all.status);

    const expected = urls(containing(hampshire, 'neglect').filter((p) => p.filters.year?.includes('2020-21')));
    expect(expected.length).toBeGreaterThan(0);
    expect([...filtered.hrefs].sort()).toEqual(expected);
    expect(filtered.hrefs.length).toBeLessThan(all.hrefs.length);
    expect(filtered.status).toBe(`${expected.length} results for neglect, filtered by 2020-21`);
    expect(new URL(page.url()).search).toBe('?q=neglect&year=2020-21');

    // The URL is the search: opening it again gives the same results with the box ticked.
    const again = await browser().open(new URL(page.url()).pathname + new URL(page.url()).search);
    expect([...(await searchResults(again)).hrefs].sort()).toEqual(expected);
    expect(await again.getByLabel('2020-21', { exact: true }).isChecked()).toBe(true);
    await again.close();
    await page.close();
  });

  it('narrows neglect on Hounslow by accountable group, and widens again when cleared', async () => {
    const neglect = containing(hounslow, 'neglect');
    // The group behind the most (but not all) neglect pages.
    const counts = new Map<string, number>();
    for (const p of neglect) for (const g of p.filters.group ?? []) counts.set(g, (counts.get(g) ?? 0) + 1);
    const [group] = [...counts].filter(([, n]) => n < neglect.length).sort((a, b) => b[1] - a[1])[0];

    const page = await browser().open('/hounslow/search/?q=neglect');
    const all = await searchResults(page);
    await choose(page, 'Accountable group', group);
    const filtered = await searchResults(page, all.status);
    const expected = urls(neglect.filter((p) => p.filters.group?.includes(group)));
    expect([...filtered.hrefs].sort()).toEqual(expected);
    expect(filtered.hrefs.length).toBeLessThan(all.hrefs.length);
    expect(new URL(page.url()).searchParams.getAll('group')).toEqual([group]);

    // Two years: pages in either.
    await choose(page, 'Reporting year', '2019-20');
    const oneYear = await searchResults(page, filtered.status);
    await choose(page, 'Reporting year', '2020-21');
    const twoYears = await searchResults(page, oneYear.status);
    const inYears = (...years: string[]) =>
      urls(neglect.filter((p) => p.filters.group?.includes(group) && years.some((y) => p.filters.year?.includes(y))));
    expect([...oneYear.hrefs].sort()).toEqual(inYears('2019-20'));
    expect([...twoYears.hrefs].sort()).toEqual(inYears('2019-20', '2020-21'));

    await page.getByRole('button', { name: 'Clear filters' }).click();
    const cleared = await searchResults(page, twoYears.status);
    expect([...cleared.hrefs].sort()).toEqual([...all.hrefs].sort());
    expect(new URL(page.url()).search).toBe('?q=neglect');
    await page.close();
  });

  it('lists every page with a filter when there are no words to search for', async () => {
    const page = await browser().open('/hampshire/search/?year=2022-23');
    const { status, hrefs } = await searchResults(page);
    const expected = urls(hampshire.filter((p) => p.filters.year?.includes('2022-23')));
    expect([...hrefs].sort()).toEqual(expected);
    expect(status).toBe(`${expected.length} ${expected.length === 1 ? 'page' : 'pages'} filtered by 2022-23`);
    await page.close();
  });
});

describe('searching again on the search page', () => {
  it('searches without leaving the page and updates the URL and the announcement', async () => {
    const page = await browser().open('/hounslow/search/?q=neglect');
    const first = await searchResults(page);
    await page.getByLabel('Search for').fill('MASH');
    await page.getByLabel('Search for').press('Enter');
    const second = await searchResults(page, first.status);
    expect(second.status).toBe(`${second.hrefs.length} ${second.hrefs.length === 1 ? 'result' : 'results'} for MASH`);
    expect(new URL(page.url()).search).toBe('?q=MASH');
    expect(await page.getAttribute('#search-status', 'role')).toBe('status');
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('says search needs JavaScript and links to the browse pages; the header form still goes to the search page', async () => {
    const nojs = await openBrowser(root, { javaScriptEnabled: false });
    try {
      const page = await nojs.open('/hampshire/');
      await page.getByRole('searchbox', { name: 'Search this plan' }).fill('neglect');
      await page.getByRole('searchbox', { name: 'Search this plan' }).press('Enter');
      await page.waitForURL(/\/hampshire\/search\/\?q=neglect$/);
      // (Playwright's text and role locators skip <noscript>, so read it directly.)
      const panel = page.locator('noscript .panel');
      expect(await panel.isVisible()).toBe(true);
      expect(await panel.evaluate((e) => e.textContent)).toContain('Search needs JavaScript');
      const links = await panel.evaluate((e) => [...e.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]));
      expect(links).toEqual(
        expect.arrayContaining([
          ['by group', '/hampshire/groups/'],
          ['by reporting year', '/hampshire/years/'],
        ]),
      );
      expect(await page.locator('#search-filters').isVisible()).toBe(false);
      expect(nojs.foreignRequests).toEqual([]);
    } finally {
      await nojs.close();
    }
  });
});
