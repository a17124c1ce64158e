/**
 * Search in real Chromium, against the built bundled content, as a practitioner uses it: each
 * site finds its own pages and only its own; the page that names a topic comes first; quoted
 * phrases, abbreviations (both ways), plurals and misspellings find what they mean, and nothing
 * matches inside an unrelated longer word; no results offers a way on; results say what each
 * page is; filters count their results; on a phone the first result shows without scrolling and
 * the filters open by keyboard; a review's page is found like any other. Expected pages are read
 * from the built HTML (./indexed.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axe, formatViolations, openBrowser, searchResults, useBrowser } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';
import { containing, containingAll, containingPhrase, indexedPages, urls, type IndexedPage } from './indexed.ts';

const root = siteDir();
const hampshire = indexedPages(root, 'hampshire');
const hounslow = indexedPages(root, 'hounslow');
const sites: Record<string, IndexedPage[]> = { hampshire, hounslow };

const browser = useBrowser(root);

async function search(site: string, query: string, width?: number) {
  const page = await browser().open(`/${site}/search/?q=${encodeURIComponent(query)}`, width);
  return { page, ...(await searchResults(page)) };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
      const indexFiles = requested.filter((p) => p.includes('/pagefind/'));
      expect(indexFiles.length).toBeGreaterThan(0);
      for (const file of indexFiles) expect(file.startsWith(`/${site}/pagefind/`), file).toBe(true);
      // A first search needs no word list: that comes only for a word no page has.
      expect(requested.some((p) => p.endsWith('/words.json'))).toBe(false);
      await page.close();
    });
  }

  it("never returns another partnership's pages, even for words only the other has", async () => {
    // CERAF is Hampshire's; CFAN is Hounslow's.
    for (const [site, word, other] of [
      ['hounslow', 'CERAF', hampshire],
      ['hampshire', 'CFAN', hounslow],
    ] as const) {
      expect(containing(other, word).length, `${word} is in the other site`).toBeGreaterThan(0);
      expect(containing(sites[site], word)).toEqual([]);
      const { page, status, hrefs } = await search(site, word);
      expect(hrefs).toEqual([]);
      expect(status).toBe(`No results for ${word}`);
      await page.close();
    }
  });
});

describe('ranking: the page that names the topic first', () => {
  it('puts the priority first: Responding to Neglect for "neglect", Safeguarding Adolescents for "adolescents"', async () => {
    for (const [query, first] of [
      ['neglect', '/hampshire/priorities/responding-to-neglect/'],
      ['adolescents', '/hampshire/priorities/safeguarding-adolescents/'],
    ]) {
      const { page, hrefs } = await search('hampshire', query);
      expect(hrefs[0], query).toBe(first);
      await page.close();
    }
  });

  it('lists every priority, objective or group whose title names the topic before any single action', async () => {
    for (const [site, query] of [
      ['hampshire', 'neglect'],
      ['hounslow', 'neglect'],
      ['hampshire', 'adolescents'],
    ]) {
      const stem = query.slice(0, 7); // "neglect", "adolesc": the word and its other forms
      const titled = sites[site].filter((p) => p.filters.level?.[0] !== 'action' && p.title.toLowerCase().includes(stem));
      expect(titled.length, `${query} names a topic on ${site}`).toBeGreaterThan(0);
      const { page, hrefs } = await search(site, query);
      const lastTopic = Math.max(...titled.map((p) => hrefs.indexOf(p.url)));
      const firstAction = hrefs.findIndex((h) => h.includes('/actions/'));
      expect(titled.every((p) => hrefs.includes(p.url))).toBe(true);
      expect(lastTopic, `${site} ${query}: ${hrefs.slice(0, 6).join(', ')}`).toBeLessThan(firstAction);
      await page.close();
    }
  });

  it('lists the pages with every word of the query before those with only some', async () => {
    const { page, hrefs } = await search('hampshire', 'neglect toolkit');
    const both = urls(containingAll(hampshire, 'neglect toolkit'));
    const some = urls([...containing(hampshire, 'neglect'), ...containing(hampshire, 'toolkit')]).filter((u) => !both.includes(u));
    expect(both.length).toBeGreaterThan(1);
    expect(some.length).toBeGreaterThan(1);
    expect([...hrefs.slice(0, both.length)].sort()).toEqual(both);
    expect([...hrefs.slice(both.length)].sort()).toEqual([...new Set(some)].sort());
    await page.close();
  });

  it('puts the page first when its title is typed', async () => {
    const titles: Array<[string, string, string]> = [
      ['hampshire', 'Lurking Trolls', '/hampshire/actions/evaluate-lurking-trolls-campaign/'],
      ['hounslow', 'PANTS campaign', '/hounslow/actions/csa-awareness-raising-pants-campaign/'],
      ['hounslow', 'Neglect Task and Finish Group', '/hounslow/groups/neglect-task-and-finish-group/'],
      ['hampshire', 'Multi-agency Review Group (Child Exploitation)', '/hampshire/groups/child-exploitation-review-group/'],
      ['hounslow', 'Safeguarding Effectiveness Sub-Group', '/hounslow/groups/safeguarding-effectiveness-sub-group/'],
    ];
    for (const [site, query, url] of titles) {
      const { page, hrefs } = await search(site, query);
      expect(hrefs[0], query).toBe(url);
      await page.close();
    }
  });

  it("finds a page by its code: P2 is Hounslow's neglect priority", async () => {
    const { page, hrefs } = await search('hounslow', 'P2');
    expect(hrefs[0]).toBe('/hounslow/priorities/neglect/');
    await page.close();
  });
});

describe('what people type', () => {
  it('matches a quoted phrase as a phrase, and the same words unquoted more widely', async () => {
    const phrase = await search('hampshire', '"neglect strategy"');
    const expected = urls(containingPhrase(hampshire, 'neglect strategy'));
    expect(expected.length).toBeGreaterThan(0);
    expect([...phrase.hrefs].sort()).toEqual(expected);
    const words = await search('hampshire', 'neglect strategy');
    expect(words.hrefs.length).toBeGreaterThan(phrase.hrefs.length);
    await phrase.page.close();
    await words.page.close();
  });

  it('finds an abbreviation from its meaning and the meaning from the abbreviation', async () => {
    const cases: Array<{ site: string; query: string; forms: string[]; first?: string; without: string }> = [
      // Hampshire's plan says "Child Sexual Abuse" and never "CSA".
      {
        site: 'hampshire',
        query: 'CSA',
        forms: ['CSA', 'child sexual abuse'],
        first: '/hampshire/priorities/child-sexual-abuse-strategy/',
        without: 'CSA',
      },
      // Hounslow's CSA course action says "CSA" and never "child sexual abuse".
      { site: 'hounslow', query: 'child sexual abuse', forms: ['CSA', 'child sexual abuse'], without: 'child sexual abuse' },
      {
        site: 'hounslow',
        query: 'multi-agency safeguarding hub',
        forms: ['MASH', 'multi-agency safeguarding hub'],
        first: '/hounslow/actions/thresholds-mash-and-cfan-referrals/',
        without: 'multi-agency safeguarding hub',
      },
      // The partnership's own glossary entry (in content/hampshire/partnership.md).
      {
        site: 'hampshire',
        query: 'Hampshire, Isle of Wight, Portsmouth and Southampton',
        forms: ['HIPS', 'Hampshire, Isle of Wight, Portsmouth and Southampton'],
        without: 'Portsmouth',
      },
    ];
    for (const c of cases) {
      const expected = urls(containingPhrase(sites[c.site], ...c.forms));
      const onlyOther = expected.filter((u) => !urls(containingPhrase(sites[c.site], c.without)).includes(u));
      expect(onlyOther.length, `${c.query}: some pages have only the other form`).toBeGreaterThan(0);
      const { page, hrefs } = await search(c.site, c.query);
      expect([...hrefs].sort(), c.query).toEqual(expected);
      if (c.first) expect(hrefs[0], c.query).toBe(c.first);
      await page.close();
    }
  });

  it('finds the page from a plural or a singular', async () => {
    for (const [site, query, first] of [
      ['hounslow', 'inspection', '/hounslow/priorities/inspections/'],
      ['hounslow', 'lay member', '/hounslow/actions/recruit-two-lay-members/'],
      ['hounslow', 'voice of the child', '/hounslow/priorities/voice-of-children-young-people-and-families/'],
    ]) {
      const { page, hrefs } = await search(site, query);
      expect(hrefs[0], query).toBe(first);
      await page.close();
    }
  });

  it("corrects a misspelling from the site's own words, says so, and offers it", async () => {
    const { page, status, hrefs } = await search('hampshire', 'neglet');
    const expected = urls(containing(hampshire, 'neglect'));
    expect(status).toBe(`No results for neglet. Showing ${expected.length} results for neglect.`);
    expect([...hrefs].sort()).toEqual(expected);
    expect(hrefs[0]).toBe('/hampshire/priorities/responding-to-neglect/');
    const offer = page.locator('#search-suggest a');
    expect(await offer.textContent()).toBe('neglect');
    expect(await offer.getAttribute('href')).toBe('/hampshire/search/?q=neglect');
    await page.close();
  });

  it('never matches a word inside a longer, unrelated one', async () => {
    // "part" is a word of one Hampshire page; "partnership" and "partners" are in most of them.
    const part = await search('hampshire', 'part');
    const expected = urls(containingPhrase(hampshire, 'part'));
    expect(expected.length).toBeGreaterThan(0);
    expect(containing(hampshire, 'part').length).toBeGreaterThan(expected.length);
    expect([...part.hrefs].sort()).toEqual(expected);
    // "age" is no word of Hampshire's, though "agency" and "agencies" are everywhere.
    expect(containing(hampshire, 'age').length).toBeGreaterThan(0);
    const age = await search('hampshire', 'age');
    expect(age.hrefs).toEqual([]);
    // Pagefind alone answers "astronaut" with pages that have "as".
    const astronaut = await search('hampshire', 'astronaut');
    expect(astronaut.hrefs).toEqual([]);
    expect(astronaut.status).toBe('No results for astronaut');
    await part.page.close();
    await age.page.close();
    await astronaut.page.close();
  });

  it('treats a glossary phrase as one topic: "domestic abuse" does not find child sexual abuse', async () => {
    expect(containing(hampshire, 'abuse').length).toBeGreaterThan(0);
    const { page, hrefs } = await search('hampshire', 'domestic abuse');
    expect(hrefs).toEqual([]);
    await page.close();
  });

  it('with no results, offers the priorities, the browse pages and the glossary', async () => {
    const { page, status } = await search('hounslow', 'xylophone');
    expect(status).toBe('No results for xylophone');
    expect(await page.locator('#search-help').isVisible()).toBe(true);
    expect(await page.locator('#search-suggest').isVisible()).toBe(false);
    const links = await page.$$eval('#search-help a', (all) => all.map((a) => a.getAttribute('href')));
    const priorities = hounslow.filter((p) => p.filters.level?.[0] === 'priority').map((p) => p.url);
    expect(links).toEqual(expect.arrayContaining([...priorities, '/hounslow/groups/', '/hounslow/years/', '/hounslow/glossary/']));
    await page.close();
  });
});

describe('results people can use', () => {
  it("shows each result's type in the partnership's words, its code, status, priority and an excerpt of its own content", async () => {
    const { page } = await search('hounslow', 'neglect');
    const results = await page.$$eval('#search-results > li', (items) =>
      items.map((li) => ({
        href: li.querySelector('h2 a')?.getAttribute('href') ?? '',
        title: li.querySelector('h2 a')?.textContent ?? '',
        type: li.querySelector('.result__type')?.textContent ?? '',
        code: li.querySelector('.result__code')?.textContent ?? '',
        status: li.querySelector('.tag, .result__no-status')?.textContent ?? '',
        priority: li.querySelector('.result__priority')?.textContent ?? '',
        excerpt: li.querySelector('.result__excerpt')?.textContent ?? '',
        tags: [...li.querySelectorAll('.result__excerpt *')].map((e) => e.tagName),
      })),
    );
    const priority = results.find((r) => r.href === '/hounslow/priorities/neglect/');
    expect(priority).toMatchObject({ title: 'Neglect', type: 'Priority', code: 'P2' });
    expect(priority?.status).not.toBe('');
    const action = results.find((r) => r.href === '/hounslow/actions/rewrite-neglect-strategy/');
    expect(action).toMatchObject({ type: 'Strategic Objective', priority: 'P2: Neglect' });
    expect(action?.status).not.toBe('');
    for (const r of results) {
      expect(r.tags.every((t) => t === 'MARK')).toBe(true);
      expect(r.excerpt).not.toMatch(/Last updated|Accountable|Group responsible|Status|No recent update|Reporting year|Through its/);
      // Every word of an excerpt is a word of the page: none runs into the next.
      const own = new Set(`${hounslow.find((p) => p.url === r.href)!.text}`.toLowerCase().match(/[\p{L}\p{N}]+/gu));
      for (const word of r.excerpt.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        expect(own.has(word), `${r.href}: "${word}" in "${r.excerpt}"`).toBe(true);
    }
    expect(results.some((r) => r.excerpt.length > 0 && r.tags.length > 0)).toBe(true);
    await page.close();
  });
});

describe("readers' own words", () => {
  it("finds the plan's page for everyday words, and nothing for a topic the plan does not cover", async () => {
    for (const [site, query, first] of [
      ['hampshire', 'teenagers', '/hampshire/priorities/safeguarding-adolescents/'],
      ['hounslow', 'self harm', '/hounslow/priorities/adolescent-mental-health-and-emotional-wellbeing/'],
      ['hounslow', 'think family', '/hounslow/priorities/joint-approach-children-and-adults-services/'],
    ]) {
      expect(containing(sites[site], query.split(' ')[0])).toEqual([]);
      const { page, hrefs } = await search(site, query);
      expect(hrefs[0], query).toBe(first);
      await page.close();
    }
    // Hampshire's plan says nothing about mental health: self harm finds nothing there.
    const { page, hrefs, status } = await search('hampshire', 'self harm');
    expect(hrefs).toEqual([]);
    expect(status).toBe('No results for self harm');
    await page.close();
  });

  it('never "corrects" county lines, a real phrase, into other words of the site', async () => {
    const { page, status, hrefs } = await search('hampshire', 'county lines');
    expect(status).toBe(`${hrefs.length} results for county lines`);
    expect(await page.locator('#search-suggest').isVisible()).toBe(false);
    expect(hrefs[0]).toBe('/hampshire/priorities/child-exploitation-review/');
    await page.close();
  });

  it('never replaces a real English word, though a word of the site is one letter away', async () => {
    // Hounslow says "signs" and never "sings": a reader who types "sings" means it.
    expect(containing(hounslow, 'signs').length).toBeGreaterThan(0);
    expect(containing(hounslow, 'sings')).toEqual([]);
    const { page, status, hrefs } = await search('hounslow', 'sings');
    expect(status).toBe('No results for sings');
    expect(hrefs).toEqual([]);
    expect(await page.locator('#search-suggest').isVisible()).toBe(false);
    await page.close();
  });

  it('offers, and does not run, the correction of a phrase, showing what the other words find', async () => {
    const { page, status, hrefs } = await search('hounslow', 'mental helth');
    expect(status).toBe(`${hrefs.length} results for mental helth. No page mentions helth.`);
    expect([...hrefs].sort()).toEqual(urls(containing(hounslow, 'mental')));
    const offer = page.locator('#search-suggest a');
    expect(await offer.textContent()).toBe('mental health');
    expect(await offer.getAttribute('href')).toBe('/hounslow/search/?q=mental+health');
    await page.close();
  });
});

describe('when not every word matches', () => {
  it('lists the pages with the words that matched, and says which word matched nothing', async () => {
    const { page, status, hrefs } = await search('hampshire', 'neglect leaflet');
    expect(containing(hampshire, 'leaflet')).toEqual([]);
    expect(status).toBe(`${hrefs.length} results for neglect leaflet. No page mentions leaflet.`);
    expect([...hrefs].sort()).toEqual(urls(containing(hampshire, 'neglect')));
    expect(hrefs[0]).toBe('/hampshire/priorities/responding-to-neglect/');
    await page.close();
  });

  it('finds nothing for words that share only a stray word with the plan, like "zebra crossing"', async () => {
    // Hounslow's "cross cutting" shares a stem with "crossing".
    expect(containing(hounslow, 'cross').length).toBeGreaterThan(0);
    const { page, status, hrefs } = await search('hounslow', 'zebra crossing');
    expect(hrefs).toEqual([]);
    expect(status).toBe('No results for zebra crossing. No page mentions zebra.');
    expect(await page.locator('#search-help').isVisible()).toBe(true);
    await page.close();
  });
});

describe('after a search', () => {
  it('takes focus to the results summary, so the next Tab reaches the first result', async () => {
    const { page, status } = await search('hounslow', 'neglect');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-status');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      await page.locator('#search-results > li h2 a').first().getAttribute('href'),
    );
    // And again after searching from the page's own box.
    await page.getByLabel('Search for').fill('MASH');
    await page.getByLabel('Search for').press('Enter');
    await searchResults(page, status);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-status');
    await page.close();
  });

  it("draws each result's excerpt from its own text: no two neglect results show the same one", async () => {
    const { page } = await search('hampshire', 'neglect');
    const excerpts = await page.$$eval('#search-results > li', (items) =>
      items.map((li) => li.querySelector('.result__excerpt')?.textContent?.trim() ?? '').filter(Boolean),
    );
    expect(excerpts.length).toBeGreaterThan(0);
    expect(new Set(excerpts).size).toBe(excerpts.length);
    await page.close();
  });
});

describe('filters', () => {
  /** Ticks a filter's checkbox the way a user does: open its section, check the box. */
  async function choose(page: Page, legend: string, value: string) {
    const section = page.locator('details.filter', { has: page.locator('legend', { hasText: legend }) });
    if (!(await section.getAttribute('open').then((v) => v !== null))) await section.locator('summary').click();
    await section.getByRole('checkbox', { name: new RegExp(`^${escape(value)} \\(`) }).check();
  }

  /** Each shown option of a filter with the count beside it. */
  const shownOptions = (page: Page, name: string) =>
    page.$$eval(`#search-filters input[name="${name}"]`, (boxes) =>
      boxes
        .filter((b) => !b.closest<HTMLElement>('.checkbox')?.hidden && !b.closest<HTMLElement>('details')?.hidden)
        .map((b) => [(b as HTMLInputElement).value, Number(/\((\d+)\)/.exec(b.parentElement?.textContent ?? '')?.[1])] as const),
    );

  /** Each value of a filter over some pages, with how many have it. */
  function tally(pages: IndexedPage[], name: string): Array<readonly [string, number]> {
    const counts = new Map<string, number>();
    for (const p of pages) for (const v of p.filters[name] ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a.localeCompare(b, 'en-GB', { numeric: true }));
  }

  it('offers the filters in order, each option with its number of results, hiding options with none', async () => {
    const { page } = await search('hampshire', 'neglect');
    const legends = await page.$$eval('#search-filters fieldset legend', (l) => l.map((e) => e.textContent));
    expect(legends).toEqual(['Type', 'Strategic Objective or Strategic Activity', 'Group responsible', 'Reporting year', 'Status']);
    const neglect = containing(hampshire, 'neglect');
    for (const name of ['year', 'group', 'status']) {
      const sorted = (list: ReadonlyArray<readonly [string, number]>) =>
        [...list].sort(([a], [b]) => a.localeCompare(b, 'en-GB', { numeric: true }));
      expect(sorted(await shownOptions(page, name)), name).toEqual(tally(neglect, name));
    }
    // Hampshire has a year with no neglect work: its option is not offered.
    const allYears = new Set(hampshire.flatMap((p) => p.filters.year ?? []));
    expect(tally(neglect, 'year').length).toBeLessThan(allYears.size);
    await page.close();
  });

  it('narrows neglect on Hampshire to 2020-21, recounts the other filters, and keeps it in the URL', async () => {
    const { page, ...all } = await search('hampshire', 'neglect');
    await choose(page, 'Reporting year', '2020-21');
    const filtered = await searchResults(page, all.status);
    const inYear = containing(hampshire, 'neglect').filter((p) => p.filters.year?.includes('2020-21'));
    expect(inYear.length).toBeGreaterThan(0);
    expect([...filtered.hrefs].sort()).toEqual(urls(inYear));
    expect(filtered.hrefs.length).toBeLessThan(all.hrefs.length);
    expect(filtered.status).toBe(`${inYear.length} results for neglect, filtered by 2020-21`);
    expect(new URL(page.url()).search).toBe('?q=neglect&year=2020-21');
    expect((await shownOptions(page, 'status')).sort()).toEqual(tally(inYear, 'status'));

    // The URL is the search: opening it again gives the same results with the box ticked.
    const again = await browser().open(new URL(page.url()).pathname + new URL(page.url()).search);
    expect([...(await searchResults(again)).hrefs].sort()).toEqual(urls(inYear));
    expect(await again.getByRole('checkbox', { name: /^2020-21 \(/ }).isChecked()).toBe(true);
    await again.close();
    await page.close();
  });

  it('narrows neglect on Hounslow by the group responsible, widens with a second year, and clears', async () => {
    const neglect = containing(hounslow, 'neglect');
    const counts = new Map<string, number>();
    for (const p of neglect) for (const g of p.filters.group ?? []) counts.set(g, (counts.get(g) ?? 0) + 1);
    const [group] = [...counts].filter(([, n]) => n < neglect.length).sort((a, b) => b[1] - a[1])[0];

    const { page, ...all } = await search('hounslow', 'neglect');
    await choose(page, 'Group responsible', group);
    const filtered = await searchResults(page, all.status);
    expect([...filtered.hrefs].sort()).toEqual(urls(neglect.filter((p) => p.filters.group?.includes(group))));
    expect(new URL(page.url()).searchParams.getAll('group')).toEqual([group]);

    const inYears = (...years: string[]) =>
      urls(neglect.filter((p) => p.filters.group?.includes(group) && years.some((y) => p.filters.year?.includes(y))));
    await choose(page, 'Reporting year', '2019-20');
    const oneYear = await searchResults(page, filtered.status);
    expect([...oneYear.hrefs].sort()).toEqual(inYears('2019-20'));
    if (inYears('2019-20', '2020-21').length > inYears('2019-20').length) {
      await choose(page, 'Reporting year', '2020-21');
      const twoYears = await searchResults(page, oneYear.status);
      expect([...twoYears.hrefs].sort()).toEqual(inYears('2019-20', '2020-21'));
    }
    const before = (await page.textContent('#search-status')) ?? '';
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const cleared = await searchResults(page, before);
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

describe('on a phone', () => {
  it('shows the first result without scrolling, with the filters folded behind one button', async () => {
    const page = await browser().open(undefined, 375);
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(`${browser().origin}/hampshire/search/?q=neglect`);
    await searchResults(page);
    const first = await page.locator('#search-results > li h2 a').first().boundingBox();
    expect(first).not.toBeNull();
    expect(first!.y + first!.height).toBeLessThanOrEqual(667);
    expect(await page.locator('#filters-toggle').isVisible()).toBe(true);
    expect(await page.locator('#filters-body').isVisible()).toBe(false);
    await page.close();
  });

  it('opens the filters and ticks one by keyboard alone, and stays free of axe violations', async () => {
    const page = await browser().open(undefined, 375);
    await page.goto(`${browser().origin}/hampshire/search/?q=neglect`);
    const { status } = await searchResults(page);
    const toggle = page.locator('#filters-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.locator('#q').focus();
    for (let i = 0; i < 5 && !(await toggle.evaluate((e) => e === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    expect(await toggle.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('filters-body');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#filters-body').isVisible()).toBe(true);
    // Into the filters: the first section's summary, opened with Enter, then its first option with Space.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    await page.keyboard.press('Space');
    const narrowed = await searchResults(page, status);
    expect(narrowed.status).toMatch(/ results? for neglect, filtered by /);
    expect(await toggle.textContent()).toContain('(1 chosen)');
    const violations = await axe(page);
    expect(violations.length, `\n${formatViolations('hampshire search at 375px', violations)}\n`).toBe(0);
    // And folds away again.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#filters-body').isVisible()).toBe(false);
    await page.close();
  });
});

describe('searching again on the search page', () => {
  it('searches without leaving the page and updates the URL and the announcement', async () => {
    const { page, ...first } = await search('hounslow', 'neglect');
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

describe('review pages', () => {
  // The Riverside fixture has one review, "Child R: local child safeguarding practice review".
  const riverside = useBrowser(inject('fixtureDirs')['yearly-report']);
  const review = '/riverside/reviews/child-r/';

  /** The results for a query, and the type the first result is said to be. */
  async function find(query: string) {
    const page = await riverside().open(`/riverside/search/?q=${encodeURIComponent(query)}`);
    const results = await searchResults(page);
    const first = page.locator('#search-results > li .result__type').first();
    const type = (await first.count()) > 0 ? await first.textContent() : undefined;
    await page.close();
    return { ...results, type };
  }

  it('finds a review by its title, first, said to be a review', async () => {
    const { hrefs, type } = await find('safeguarding practice review');
    expect(hrefs[0]).toBe(review);
    expect(type).toBe('Review');
  });

  it('finds a review by the words of its recommendations and of what it found', async () => {
    // Only recommendation R1 says an agency "judges" neglect; only the review's summary of what
    // it found says the neglect went "unrecognised".
    expect((await find('judges')).hrefs).toEqual([review]);
    expect((await find('unrecognised')).hrefs).toEqual([review]);
  });
});

describe('measure pages', () => {
  // The measures fixture's "Missing episodes per 10,000 children" is the only page that says "episodes".
  const riverside = useBrowser(inject('fixtureDirs')['measures-plan']);

  it('corrects a misspelling of a word only a measure has, and finds the measure', async () => {
    const page = await riverside().open('/riverside/search/?q=episdoes');
    const { status, hrefs } = await searchResults(page);
    expect(status).toMatch(/^No results for episdoes\. Showing \d+ results? for episodes\.$/);
    expect(hrefs).toContain('/riverside/measures/missing-episodes/');
    await page.close();
  });
});
