/**
 * WCAG 1.4.10 Reflow, as a reader on a small phone or at 400% zoom meets it: at 320 CSS pixels
 * wide no page scrolls sideways. One page of every type (every shape of address: a measure, an
 * annual report, a page of a long list...) of every site, bundled and fixture plans alike; a wide
 * table may scroll inside its own box, but never the page.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fixtureNames } from '../fixtures/fixtures.ts';
import { useBrowser, type BrowserSession } from '../helpers/browser.ts';
import { htmlFiles, siteDir } from '../helpers/site.ts';
import { sites } from './indexed.ts';

/** The first page (by address) of each shape of address on a site: `actions/*`, `years/*\/report`, `measures/*`... */
function onePageOfEachType(root: string, site: string): string[] {
  const byType = new Map<string, string>();
  for (const file of htmlFiles(path.join(root, site))) {
    const type = file
      .split('/')
      .map((part, i) => (i === 1 && part !== 'index.html' ? '*' : part))
      .join('/');
    // The search page is tried with a query below: without one it has nothing to wait for.
    if (!byType.has(type) && type !== 'search/index.html') byType.set(type, `/${site}/${file.replace(/index\.html$/, '')}`);
  }
  return [...byType.values(), `/${site}/search/?q=neglect`];
}

/** How wide the page is, and its widest elements, to say what to fix. */
async function widthOf(page: Page): Promise<{ scrollWidth: number; wide: string[] }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 320.5 && !e.closest('.table-wrap'))
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${String(e.className).split(' ').join('.')} right=${Math.round(e.getBoundingClientRect().right)}`,
      ),
  }));
}

async function expectNoSidewaysScroll(session: BrowserSession, url: string): Promise<void> {
  const page = await session.visit(url, 320, 640);
  if (url.includes('/search/')) await page.waitForFunction(() => document.querySelector('#search-status')?.textContent);
  const { scrollWidth, wide } = await widthOf(page);
  expect(scrollWidth, `${url} is ${scrollWidth}px wide: ${wide.join('; ')}`).toBeLessThanOrEqual(320);
}

const builds: Array<[string, string]> = [
  ['bundled', siteDir()],
  ...fixtureNames.map((name): [string, string] => [name, inject('fixtureDirs')[name]]),
];

for (const [name, root] of builds) {
  describe(`at 320 pixels wide, the ${name} sites`, () => {
    const browser = useBrowser(root);
    const urls = ['/', ...sites(root).flatMap((site) => onePageOfEachType(root, site))];
    it.each(urls)('%s does not scroll sideways', async (url) => {
      await expectNoSidewaysScroll(browser(), url);
    });
  });
}

it('covers measure pages and annual reports', () => {
  const measures = inject('fixtureDirs')['measures-plan'];
  const urls = sites(measures).flatMap((site) => onePageOfEachType(measures, site));
  expect(urls.some((u) => /\/measures\/[^/]+\/$/.test(u))).toBe(true);
  expect(urls.some((u) => /\/years\/[^/]+\/report\/$/.test(u))).toBe(true);
});
