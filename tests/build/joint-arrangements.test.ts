/**
 * Joint arrangements as three neighbours write them (issue 20): Northvale, Southmere and Westbrook
 * Safeguarding Children Partnerships share two priorities and a sub-group through the Pan-Vale
 * joint arrangement, and Northvale does one priority with Northvale Safeguarding Adults Board
 * (tests/fixtures/joint-neighbours, written from the authoring guide alone).
 *
 * For each owner, what the issue says it must show: its home page lists its own priorities first,
 * then the shared ones under a heading saying they are shared and with whom; its years page lists
 * each year once; its 2021-22 annual report, as a page and as the PDF `npm run report` prints,
 * gives the shared priorities a section of their own, after its own, under a heading saying with
 * whom; the shared group's page names every other owner and never the site itself; its search
 * finds the shared actions. Every expectation is the fixture's own words, read back from the
 * built pages, the real search in Chromium and the printed report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { searchResults, useBrowser } from '../helpers/browser.ts';
import { byClass, byTag, elements, linksIn, readPage, summaryRows, text, type Element } from '../helpers/read-site.ts';

const root = inject('fixtureDirs')['joint-neighbours'];

const owners = {
  northvale: {
    name: 'Northvale Safeguarding Children Partnership',
    plan: 'NSCP Business Plan 2021-24',
    priorities: ['N1: Neglect', 'N2: Early help', 'N3: Think family'],
  },
  southmere: {
    name: 'Southmere Safeguarding Children Partnership',
    plan: 'Southmere Business Plan 2021-24',
    priorities: ['S1: Children living with domestic abuse', 'S2: Keeping babies safe'],
  },
  westbrook: {
    name: 'Westbrook Safeguarding Children Partnership',
    plan: 'Westbrook Safeguarding Plan 2021-24',
    priorities: ["W1: Children's emotional health", 'W2: Safeguarding disabled children'],
  },
};
type Site = keyof typeof owners;
const sites = Object.keys(owners) as Site[];
const others = (site: Site) => sites.filter((s) => s !== site).map((s) => owners[s].name);

const sharedPlan = 'Pan-Vale Priorities 2021-24';
const sharedPriorities = ['PV1: Tackling child exploitation', 'PV2: Keeping children safe online'];
/** The shared actions, by priority, and the reporting years each names. */
const sharedActions = [
  { priority: 0, title: 'Adopt one child exploitation screening tool across the Vale', in2021: true },
  { priority: 0, title: 'Commission a shared return home interview service for missing children', in2021: true },
  { priority: 0, title: 'Train practitioners in contextual safeguarding', in2021: true },
  { priority: 1, title: 'Survey pupils about their lives online', in2021: true },
  { priority: 1, title: 'Run a campaign for parents on talking about online life', in2021: false },
  { priority: 1, title: 'Agree one protocol for schools responding to online incidents', in2021: false },
  // Westbrook's own addition to the shared online safety priority.
  { priority: 1, title: 'Run online safety sessions in Westbrook youth centres', in2021: false },
];
const years = ['2021-22', '2022-23', '2023-24'];
/** Southmere's year file comments on the shared exploitation priority; no other owner's does. */
const southmereOnExploitation = "Southmere's screening tool became the Pan-Vale tool";

const headings = (main: Element) => elements(main).filter((e) => e.tagName === 'h2' || e.tagName === 'h3');
const indexOf = (texts: string[], wanted: string) => texts.findIndex((t) => t.includes(wanted));

/** The heading a reader meets before the shared plan: it says shared, with whom, and which plan. */
function expectSharedHeading(heading: string, site: Site) {
  expect(heading).toMatch(/^Shared with /);
  for (const other of others(site)) expect(heading).toContain(other);
  expect(heading).not.toContain(owners[site].name);
  expect(heading).toContain(sharedPlan);
}

/** The address of a shared priority on a site, as its home page links to it. */
function sharedPriorityUrl(site: Site, title: string): string {
  const link = linksIn(readPage(root, `/${site}/`).main).find(([, words]) => words === title);
  expect(link, `${title} on /${site}/`).toBeDefined();
  return link![0];
}

describe.each(sites)('%s, one of three owners of the Pan-Vale priorities', (site) => {
  it('leads its home page with its own priorities, then the shared ones under a heading naming the other owners', () => {
    const { main } = readPage(root, `/${site}/`);
    const priorityTitles = byTag(main, 'h3').map(text);
    expect(priorityTitles).toEqual([...owners[site].priorities, ...sharedPriorities]);

    const order = headings(main).map(text);
    const sharedHeading = order.findIndex((t) => t.startsWith('Shared with'));
    expect(sharedHeading).toBeGreaterThan(indexOf(order, owners[site].priorities.at(-1)!));
    expect(sharedHeading).toBeLessThan(indexOf(order, sharedPriorities[0]));
    expectSharedHeading(order[sharedHeading], site);
  });

  it('lists each reporting year once on its years page, each with its own plan and the shared one', () => {
    const { main } = readPage(root, `/${site}/years/`);
    const yearLinks = linksIn(main).filter(([href]) => /\/years\/[^/]+\/$/.test(href));
    expect(yearLinks).toEqual(years.map((year) => [`/${site}/years/${year}/`, year]));
    for (const item of byTag(main, 'li')) {
      expect(text(item)).toContain(owners[site].plan);
      expect(text(item)).toContain(sharedPlan);
    }
  });

  it('gives the shared priorities a section of their own in its 2021-22 annual report, under a heading naming the other owners', () => {
    const { main } = readPage(root, `/${site}/years/2021-22/report/`);
    // Each plan is a section (h2) and each of its priorities a section within it (h3).
    const order = headings(main).map(text);
    const own = owners[site].priorities.map((p) => indexOf(order, `Priority ${p}`));
    const shared = sharedPriorities.map((p) => indexOf(order, `Priority ${p}`));
    const sharedHeading = order.findIndex((t) => t.startsWith('Shared with'));
    expect(indexOf(order, owners[site].plan)).toBeGreaterThanOrEqual(0);
    expect(own.every((at) => at > indexOf(order, owners[site].plan) && at < sharedHeading)).toBe(true);
    expect(shared.every((at) => at > sharedHeading)).toBe(true);
    expectSharedHeading(order[sharedHeading], site);

    // The summary has a table for the shared plan too, and each shared action of the year is reported.
    const captions = byTag(main, 'caption').map(text);
    expect(captions).toContain(`Each priority of the ${sharedPlan} at the end of 2021-22`);
    const reported = text(main);
    for (const action of sharedActions) expect(reported.includes(action.title), action.title).toBe(action.in2021);

    // A partnership's own statement on a shared priority is in its report only.
    expect(reported.includes(southmereOnExploitation)).toBe(site === 'southmere');
  });

  it("names every other owner on the shared group's page, never itself, and each shared priority once", () => {
    const { main } = readPage(root, `/${site}/groups/pan-vale-exploitation-sub-group/`);
    const sharedWith = summaryRows(byClass(main, 'summary')[0]).get('Shared with');
    expect(sharedWith, 'a "Shared with" row').toBeDefined();
    const partners = byTag(sharedWith!, 'li').map(text);
    for (const other of others(site)) expect(partners).toContain(other);
    expect(partners).not.toContain(owners[site].name);
    expect(byTag(main, 'h3').map(text)).toEqual(sharedPriorities.map((p) => `Priority ${p}`));
  });
});

describe("Northvale's priority with its adults' board", () => {
  it("says on the board's shared group's page that it is shared with the board, not with Northvale itself", () => {
    const { main } = readPage(root, '/northvale/groups/think-family-sub-group/');
    const partners = byTag(summaryRows(byClass(main, 'summary')[0]).get('Shared with')!, 'li').map(text);
    expect(partners).toEqual(['Northvale Safeguarding Adults Board']);
    expect(byTag(main, 'h3').map(text)).toEqual(['Priority N3: Think family']);
  });

  it("is on Northvale's site only: the board has no site, and its group is not on the neighbours'", () => {
    expect(existsSync(path.join(root, 'northvale-sab'))).toBe(false);
    for (const site of ['southmere', 'westbrook']) {
      expect(existsSync(path.join(root, site, 'groups/think-family-sub-group'))).toBe(false);
    }
  });
});

describe("each owner's search", () => {
  const browser = useBrowser(root);

  it.each(sites)('%s finds every shared action by its title, on its own site', async (site) => {
    for (const action of sharedActions) {
      const priority = readPage(root, sharedPriorityUrl(site, sharedPriorities[action.priority])).main;
      const link = linksIn(priority).find(([, words]) => words.includes(action.title));
      expect(link, `${action.title} on its priority's page`).toBeDefined();
      const page = await browser().open(`/${site}/search/?q=${encodeURIComponent(action.title)}`);
      const { hrefs } = await searchResults(page);
      await page.close();
      expect(hrefs[0], action.title).toBe(link![0]);
      for (const href of hrefs) expect(href.startsWith(`/${site}/`), href).toBe(true);
    }
  });
});

describe("each owner's annual report, printed by npm run report", () => {
  const node = path.resolve('node_modules/.bin/node');
  const script = path.resolve('scripts/report.ts');
  const work = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-joint-report-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(sites)('%s: its own priorities, then the shared ones under the heading naming the other owners', (site) => {
    const out = path.join(work, `${site}-2021-22.pdf`);
    const run = spawnSync(node, [script, '--year', '2021-22', '--partnership', site, '--dist', root, '--out', out], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const read = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(read.status).toBe(0);
    // Reading order, with the lines and page breaks a long heading is wrapped over made spaces.
    const printed = read.stdout.replace(/\s+/g, ' ');

    // The shared section's heading names the other owners and the plan, and nothing else: only a
    // page break (its footer and the next page's running header) may come between them.
    const pageBreak = `(Page \\d+ of \\d+ ${owners[site].name} · Annual progress report 2021-22 )?`;
    const heading = new RegExp(`Shared with ${others(site).join(' and ')} ${pageBreak}${sharedPlan}`);
    const sharedAt = printed.search(heading);
    expect(sharedAt, String(heading)).toBeGreaterThan(0);
    // Each priority's section starts with its title and its status: the summary's rows do not.
    const section = (priority: string) => printed.indexOf(`${priority} Status at the end of 2021-22:`);
    for (const priority of owners[site].priorities) {
      expect(section(priority), priority).toBeGreaterThan(0);
      expect(section(priority), priority).toBeLessThan(sharedAt);
    }
    for (const priority of sharedPriorities) expect(section(priority), priority).toBeGreaterThan(sharedAt);
  });
});
