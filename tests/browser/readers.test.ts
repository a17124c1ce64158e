/**
 * What a practitioner, a parent and a board member come for, in real Chromium on the built
 * bundled sites: the plan's first priority on the first screen, "Worried about a child?" on
 * every page and reachable by keyboard, and the groups drawn as the content relates them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/model/check.ts';
import { useBrowser } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';
import { pageTypes, sites } from './indexed.ts';

const root = siteDir();
const { index } = checkContent('content');
const browser = useBrowser(root);

/** Where an element's box is on the whole page (not the viewport), in CSS pixels. */
async function pageBox(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((e) => {
      const box = e.getBoundingClientRect();
      return { top: Math.round(box.top + window.scrollY), bottom: Math.round(box.bottom + window.scrollY) };
    });
}

/** Where a reader starts who has just loaded the page: the next Tab goes to the first thing on it. */
async function fromTheTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.remove();
  });
}

describe('the home page puts the work first', () => {
  const screens = [
    { name: 'a 1280×800 desktop', width: 1280, height: 800, within: 800 },
    { name: 'a 375×812 phone', width: 375, height: 812, within: 1600 },
  ];
  for (const site of ['hampshire', 'hounslow']) {
    const first = index.partnership(site)!.currentPlan!.priorities[0];
    for (const screen of screens) {
      it(`shows ${site}'s first priority within ${screen.within}px of the top on ${screen.name}`, async () => {
        const page = await browser().visit(`/${site}/`, screen.width, screen.height);
        // The first link to a priority in the page's main content is the plan's first priority.
        const link = `main a[href*="/priorities/"]`;
        expect(await page.locator(link).first().getAttribute('href')).toBe(`/${site}/priorities/${first.id}/`);
        const box = await pageBox(page, link);
        expect(box.bottom, `the first priority's link ends at ${box.bottom}px`).toBeLessThanOrEqual(screen.within);
      });
    }
  }
});

describe('"Worried about a child?"', () => {
  const urls = sites(root).flatMap((site) => Object.entries(pageTypes(root, site)).map(([type, url]) => [`${site} ${type}`, url]));
  urls.unshift(['root listing', '/']);

  for (const [name, url] of urls) {
    it(`is on the ${name} page (${url}), says to call 999, and Tab reaches it from the top`, async () => {
      const page = await browser().visit(url);
      const panel = page.getByRole('complementary', { name: 'Worried about a child?' });
      expect(await panel.count()).toBe(1);
      expect(await panel.textContent()).toContain('If a child is in immediate danger, call 999.');
      // A search page moves focus to its results once they are in: wait for them, then Tab from the top.
      if (url.includes('?q=')) await page.locator('#search-status').filter({ hasText: /\S/ }).waitFor();
      await fromTheTop(page);
      let presses = 0;
      while (!(await page.evaluate(() => !!document.activeElement?.closest('aside')))) {
        await page.keyboard.press('Tab');
        presses += 1;
        expect(presses, 'Tab presses before the panel').toBeLessThanOrEqual(15);
      }
      // What has focus is a link in the panel, and it shows that it has focus.
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        return { tag: e.tagName, background: getComputedStyle(e).backgroundColor };
      });
      expect(focused).toEqual({ tag: 'A', background: 'rgb(255, 221, 0)' });
    });
  }

  it('opens its own page from the panel with the keyboard', async () => {
    const page = await browser().visit('/hounslow/priorities/neglect/');
    for (
      let presses = 0;
      !(await page.evaluate(() => document.activeElement?.textContent === 'How to report a worry about a child'));
      presses++
    ) {
      expect(presses, 'Tab presses before the link').toBeLessThan(15);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/hounslow/worried-about-a-child/');
    expect(await page.locator('h1').textContent()).toBe('Worried about a child?');
    expect(await page.locator('main').textContent()).toContain('If a child is in immediate danger, call 999.');
  });
});

describe('the groups page', () => {
  for (const site of ['hampshire', 'hounslow']) {
    it(`draws ${site}'s groups as a tree from the board down, as the content relates them`, async () => {
      const partnership = index.partnership(site)!;
      const page = await browser().visit(`/${site}/groups/`);
      const tree = await page.$$eval('main a[href*="/groups/"]', (links) =>
        links.map((a) => ({
          href: a.getAttribute('href'),
          // The group this one is listed under: the link of the nearest list item around its own.
          under: a.closest('li')?.parentElement?.closest('li')?.querySelector(':scope > a')?.getAttribute('href') ?? null,
        })),
      );
      const hrefOf = (id: string) => `/${site}/groups/${id}/`;
      expect(tree.map((g) => g.href).sort()).toEqual(partnership.groups.map((g) => hrefOf(g.id)).sort());
      for (const group of partnership.groups) {
        expect(tree.find((g) => g.href === hrefOf(group.id))?.under, group.id).toBe(group.parent ? hrefOf(group.parent.id) : null);
      }
      // The board comes first, not under "Other".
      const board = partnership.groups.find((g) => g.entry.data.kind === 'board')!;
      expect(tree[0].href).toBe(hrefOf(board.id));
    });
  }
});

describe('small things', () => {
  it('keeps the query in the header search box on the results page', async () => {
    const page = await browser().visit('/hampshire/search/?q=neglect');
    expect(await page.inputValue('#site-search')).toBe('neglect');
    await page.fill('#q', 'training');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=training/);
    expect(await page.inputValue('#site-search')).toBe('training');
  });

  it("answers an address that does not exist with 404 and the site's own page, with search and the priorities", async () => {
    const page = await browser().visit();
    const response = await page.goto(`${browser().origin}/hounslow/priorities/no-such-priority/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.getAttribute('form[role="search"] >> nth=1', 'action')).toBe('/hounslow/search/');
    const priorities = await page.$$eval('main a[href*="/priorities/"]', (links) => links.map((a) => a.textContent));
    expect(priorities).toContain('P2: Neglect');
    expect(priorities).toHaveLength(index.partnership('hounslow')!.currentPlan!.priorities.length);
  });
});
