/**
 * Every page type of both sites in real Chromium: axe-core finds no WCAG 2.2 A/AA violation,
 * and at 320 CSS pixels wide nothing scrolls sideways (WCAG 1.4.10 Reflow).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, formatViolations, useBrowser } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';
import { pageTypes, sites } from './indexed.ts';

const root = siteDir();
const pages: Array<[string, string]> = [['root listing', '/']];
for (const site of sites(root)) for (const [type, url] of Object.entries(pageTypes(root, site))) pages.push([`${site} ${type}`, url]);

const browser = useBrowser(root);

/** Opens a page in the file's one tab; on the search page, waits for the results and opens every filter. */
async function load(url: string, width: number): Promise<Page> {
  const page = await browser().visit(url, width);
  if (url.includes('/search/')) {
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent);
    await page.$$eval('details', (all) => all.forEach((d) => (d.open = true)));
  }
  return page;
}

it('covers the root listing and every page type of both sites', () => {
  expect(sites(root)).toEqual(['hampshire', 'hounslow']);
  expect(pages.length).toBe(1 + 2 * 18);
});

describe('axe-core, WCAG 2.2 A and AA', () => {
  for (const [name, url] of pages) {
    it(`${name} (${url}) has no violations`, async () => {
      const page = await load(url, 1024);
      const violations = await axe(page);
      expect(violations.length, `\n${formatViolations(`${name} ${url}`, violations)}\n`).toBe(0);
    });
  }
});

describe('at 320 pixels wide', () => {
  for (const [name, url] of pages) {
    it(`${name} (${url}) does not scroll sideways`, async () => {
      const page = await load(url, 320);
      const { scrollWidth, wide } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        // The widest elements, to say what to fix if it fails.
        wide: [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 320.5)
          .slice(0, 5)
          .map(
            (e) =>
              `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''} right=${Math.round(e.getBoundingClientRect().right)}`,
          ),
      }));
      expect(scrollWidth, `${url} is ${scrollWidth}px wide: ${wide.join('; ')}`).toBeLessThanOrEqual(320);
    });
  }
});
