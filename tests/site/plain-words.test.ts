/**
 * Plain words (issue 21, item 5), read from the built bundled sites and every fixture: no page
 * uses the tool's own jargon for the plan's work ("lines of work", "Accountable group"); the home
 * and plan pages say how the plan is organised, naming each level in the plan's own words; every
 * place that names an item's level uses that item's own word, so Hounslow's actions are always
 * "Strategic Objectives" and Hampshire's "Strategic Objective" is only ever a top-level item; and
 * lists show an item's short title, with its full title just below.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fixtureNames } from '../fixtures/fixtures.ts';
import {
  attr,
  byClass,
  byTag,
  elements,
  hasClass,
  linksIn,
  readPage,
  sitePages,
  summaryRows,
  text,
  type Element,
} from '../helpers/read-site.ts';

const builds: Array<[string, string]> = [
  ['bundled', inject('siteDir')],
  ...fixtureNames.map((name): [string, string] => [name, inject('fixtureDirs')[name]]),
];
const bundled = inject('siteDir');

/** Every site of a build: a folder with open data. */
const sitesOf = (root: string) => readdirSync(root).filter((name) => existsSync(path.join(root, name, 'data', 'plan.json')));

/**
 * Everything a reader can see or hear on a page: its text, hidden-from-sight text a screen reader
 * reads, and the names and labels in attributes. Scripts, styles and the hidden copy that only
 * search reads are left out.
 */
function heard(node: Element): string {
  const parts: string[] = [];
  const walk = (at: Element) => {
    if (at.tagName === 'script' || at.tagName === 'style' || attr(at, 'data-pagefind-body') !== undefined) return;
    for (const name of ['aria-label', 'title', 'alt', 'data-label', 'data-legend-priority']) {
      const value = attr(at, name);
      if (value) parts.push(value);
    }
    for (const child of at.childNodes) {
      if (child.nodeName === '#text') parts.push((child as unknown as { value: string }).value);
      else if ('tagName' in child) walk(child);
    }
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** The level word an item's page gives it: the caption of its heading ("Strategic Objective"). */
const levelOf = (root: string, url: string) => text(byClass(byTag(readPage(root, url).main, 'h1')[0], 'caption')[0]);

/** The value an item's page gives search for its type filter. */
function searchType(root: string, url: string): string | undefined {
  const span = elements(readPage(root, url).document).find((e) => attr(e, 'data-pagefind-filter') === 'type');
  return span && text(span);
}

/** A word and its plural alike: "Priority" also matches "Priorities", "Strategic Objective" "Strategic Objectives". */
const stem = (word: string) => new RegExp(`\\b${word.replace(/y$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const jargon = [/\blines? of work\b/i, /\bAccountable\b/, /\baccountable for\b/i, /\bunder \d+ headings?\b/, /\bRemit\b/];

describe.each(builds)('%s: no page speaks the tool’s jargon', (_name, root) => {
  it.each(sitesOf(root))('%s: no page, label or search filter says "lines of work" or "Accountable group"', (site) => {
    const found: string[] = [];
    for (const url of sitePages(root, site)) {
      const words = heard(byTag(readPage(root, url).document, 'html')[0]);
      for (const pattern of jargon) if (pattern.test(words)) found.push(`${url}: ${pattern}`);
    }
    // The search page's filter names are written by its script.
    for (const file of readdirSync(path.join(root, '_astro')).filter((f) => f.endsWith('.js'))) {
      if (/Accountable group/.test(readFileSync(path.join(root, '_astro', file), 'utf8'))) found.push(`_astro/${file}: Accountable group`);
    }
    expect(found).toEqual([]);
  });
});

/** The words "How this plan is organised" gives on a page: the home page's paragraph or the plan page's row. */
function organisation(root: string, url: string): string | undefined {
  const { main } = readPage(root, url);
  const paragraph = byClass(main, 'home__levels')[0];
  if (paragraph) return text(paragraph);
  for (const dl of byClass(main, 'summary')) {
    const row = summaryRows(dl).get('How this plan is organised');
    if (row) return `How this plan is organised: ${text(row)}`;
  }
  return undefined;
}

describe.each(builds)('%s: how each plan is organised, in its own words', (_name, root) => {
  for (const site of sitesOf(root)) {
    const plans = sitePages(root, site).filter((u) => /\/plans\/[^/]+\/$/.test(u));
    it.each(plans)(`${site}: %s names every level of the plan as its items' pages name them`, (planUrl) => {
      const said = organisation(root, planUrl);
      expect(said, planUrl).toMatch(/^How this plan is organised: Its main areas of work are its /);
      const { main } = readPage(root, planUrl);
      const tops = linksIn(main)
        .map(([href]) => href)
        .filter((href) => /\/priorities\/[^/]+\/$/.test(href));
      expect(tops.length).toBeGreaterThan(0);
      for (const top of new Set(tops)) {
        expect(said).toMatch(stem(levelOf(root, top)));
        // The words of the work beneath: each level a priority's page lists.
        for (const [href] of linksIn(readPage(root, top).main).filter(([h]) => /\/(objectives|actions)\/[^/]+\/$/.test(h)))
          expect(said, `${planUrl}: ${href}`).toMatch(stem(levelOf(root, href)));
      }
    });
  }

  it.each(sitesOf(root))('%s: the home page says how its current plan is organised', (site) => {
    const home = readPage(root, `/${site}/`);
    if (!linksIn(home.main).some(([href]) => /\/plans\/[^/]+\/$/.test(href))) return;
    expect(organisation(root, `/${site}/`)).toMatch(/^How this plan is organised: Its main areas of work are its /);
  });
});

describe('the bundled plans’ own words for their levels', () => {
  it('Hounslow: "37 Strategic Objectives under 5 Priorities and 7 Core Business areas", and what each word means', () => {
    const home = text(readPage(bundled, '/hounslow/').main);
    expect(home).toContain('Business Plan 2019-21: 37 Strategic Objectives under 5 Priorities and 7 Core Business areas.');
    expect(home).toContain(
      'How this plan is organised: Its main areas of work are its Priorities and Core Business areas. The work to be done under them is set out as Strategic Objectives.',
    );
  });

  it('Hampshire: "39 Actions under 2 Strategic Objectives and 5 Strategic Activities", and what each word means', () => {
    const home = text(readPage(bundled, '/hampshire/').main);
    expect(home).toContain('Business Plan 2020-23: 39 Actions under 2 Strategic Objectives and 5 Strategic Activities.');
    expect(home).toContain(
      'How this plan is organised: Its main areas of work are its Strategic Objectives and Strategic Activities. The work to be done under them is set out as Actions.',
    );
  });

  it('Hounslow: every action-level item is a "Strategic Objective" on its page and in search, and no count calls them actions', () => {
    const pages = sitePages(bundled, 'hounslow');
    const actions = pages.filter((u) => u.includes('/actions/'));
    expect(actions).toHaveLength(37);
    for (const url of actions) {
      expect(levelOf(bundled, url), url).toBe('Strategic Objective');
      expect(searchType(bundled, url), url).toBe('Strategic Objective');
    }
    for (const url of pages.filter((u) => u.includes('/priorities/')))
      expect(['Priority', 'Core Business area']).toContain(levelOf(bundled, url));
    const found: string[] = [];
    for (const url of pages) {
      const words = heard(readPage(bundled, url).main);
      const counted =
        /\b\d+ (other )?actions?\b|\bActions? (by status|in \d{4})|\bactions? (was|were) (planned|completed|carried|new)|\bNo actions this year/i;
      if (counted.test(words)) found.push(`${url}: ${counted.exec(words)![0]}`);
    }
    expect(found).toEqual([]);
  });

  it('Hounslow: the yearly report names its work "Strategic Objectives" and says what the rule’s "action" means', () => {
    const report = readPage(bundled, '/hounslow/years/2020-21/report/').main;
    expect(text(report)).toContain('37 strategic objectives were planned for 2020-21 under 5 priorities and 7 core business areas.');
    expect(text(report)).toContain(
      'In this plan, a priority is one of its Priorities or Core Business areas, and an action is one of its Strategic Objectives.',
    );
    for (const table of byClass(report, 'report-table').filter((t) => !hasClass(t, 'report-summary-table')))
      expect(text(byTag(table, 'th')[0])).toBe('Strategic Objective');
  });

  it('Hampshire: "Strategic Objective" names only Part A’s top-level items: actions are Actions, Part B’s are Strategic Activities', () => {
    const pages = sitePages(bundled, 'hampshire');
    for (const url of pages.filter((u) => u.includes('/actions/'))) {
      expect(levelOf(bundled, url), url).toBe('Action');
      expect(searchType(bundled, url), url).toBe('Action');
    }
    const tops = pages.filter((u) => u.includes('/priorities/'));
    expect(tops).toHaveLength(7);
    for (const url of tops) {
      const part = text(summaryRows(byClass(readPage(bundled, url).main, 'summary')[0]).get('Part of the plan')!);
      expect(levelOf(bundled, url), url).toBe(part.startsWith('Part A') ? 'Strategic Objective' : 'Strategic Activity');
    }
    // Only two Strategic Objectives exist: no page counts more, nor heads a column of all seven with the word.
    const found: string[] = [];
    for (const url of pages) {
      const { main } = readPage(bundled, url);
      const words = heard(main);
      const overCounted = /\b([3-9]|\d\d+) strategic objectives\b/i.exec(words);
      if (overCounted) found.push(`${url}: ${overCounted[0]}`);
      for (const table of byClass(main, 'report-summary-table')) {
        const rows = byTag(table, 'tr').flatMap((tr) => linksIn(tr).filter(([h]) => h.includes('/priorities/')));
        const head = text(byTag(table, 'th')[0]);
        const named = new Set(rows.map(([href]) => levelOf(bundled, href.replace(/#.*$/, ''))));
        for (const level of named) if (!head.includes(level)) found.push(`${url}: column "${head}" holds a ${level}`);
      }
    }
    expect(found).toEqual([]);
    const filters = byTag(readPage(bundled, '/hampshire/search/').main, 'section').find((s) => attr(s, 'id') === 'search-filters')!;
    expect(attr(filters, 'data-legend-priority')).toBe('Strategic Objective or Strategic Activity');
  });
});

describe('short titles in lists (the coded-brag fixture gives five)', () => {
  const root = inject('fixtureDirs')['coded-brag'];
  const rhi = '/kingsford/actions/missing-rhi-offer/';
  const short = '2a.1: Return home interviews within 72 hours';
  const full = 'Offer every child who goes missing a return home interview within 72 hours';

  /** The list rows on a page that link an address: each row's link text and everything it says. */
  function rowsLinking(url: string, href: string): Array<{ link: string; row: string }> {
    const { main } = readPage(root, url);
    return [...byTag(main, 'li'), ...byTag(main, 'td')]
      .filter((row) => byTag(row, 'a')[0] && attr(byTag(row, 'a')[0], 'href') === href)
      .map((row) => ({ link: text(byTag(row, 'a')[0]), row: text(row) }));
  }

  it.each([
    ['its objective’s list', '/kingsford/objectives/exploitation-missing/'],
    ['its year’s list', '/kingsford/years/2021-22/'],
    ['its group’s list', '/kingsford/groups/exploitation-sub-group/'],
    ['the yearly report’s tables and its list of little or no progress', '/kingsford/years/2020-21/report/'],
  ])('%s links the short title, with the full title just below it', (_where, url) => {
    const rows = rowsLinking(url, rhi);
    expect(rows.length, url).toBeGreaterThan(0);
    for (const { link, row } of rows) {
      expect(link).toBe(short);
      expect(row.startsWith(`${short} ${full}`), row).toBe(true);
    }
  });

  it('a priority’s list of objectives links an objective’s short title, with its full title just below it', () => {
    const rows = rowsLinking('/kingsford/priorities/exploitation/', '/kingsford/objectives/exploitation-missing/');
    expect(rows.length).toBeGreaterThan(0);
    for (const { link, row } of rows) {
      expect(link).toBe('2a: Children who go missing');
      expect(row.startsWith('2a: Children who go missing Respond consistently to children who go missing'), row).toBe(true);
    }
  });

  it('the home page names a priority by its short title, with its full title below', () => {
    const { main } = readPage(root, '/kingsford/');
    const block = byClass(main, 'priority').find((li) =>
      linksIn(li).some(([href]) => href === '/kingsford/priorities/voice-of-the-child/'),
    )!;
    expect(text(byTag(block, 'h3')[0])).toBe('3: Voice of the child');
    expect(text(block)).toContain('3: Voice of the child The voice and lived experience of the child');
  });

  it('a list grouped by priority heads each group with the priority’s short title, its full title just below', () => {
    const { main } = readPage(root, '/kingsford/years/2021-22/');
    const heading = byTag(main, 'h3').find((h) => linksIn(h).some(([href]) => href === '/kingsford/priorities/voice-of-the-child/'));
    expect(heading && text(heading)).toBe('Strategic Priority 3: Voice of the child');
    const group = byTag(main, 'section').find((s) => byTag(s, 'h3')[0] === heading)!;
    expect(text(group)).toContain('Strategic Priority 3: Voice of the child The voice and lived experience of the child');
  });

  it('search gets the short title for the result’s link, and keeps the full title', () => {
    const metas = elements(readPage(root, rhi).document).filter((e) => attr(e, 'data-pagefind-meta') !== undefined);
    const meta = (name: string) => metas.find((e) => attr(e, 'data-pagefind-meta') === name);
    expect(text(meta('short')!)).toBe('Return home interviews within 72 hours');
    expect(text(meta('title')!)).toBe(full);
  });

  it('an item without a short title is listed by its full title alone', () => {
    const rows = rowsLinking('/kingsford/objectives/exploitation-missing/', '/kingsford/actions/missing-protocol/');
    expect(rows.length).toBeGreaterThan(0);
    for (const { link } of rows) expect(link).toBe('2a.2: Agree a tri-area missing children protocol');
  });
});
