/**
 * A keyboard-only user, in real Chromium: from the top of any page, Tab reaches the skip
 * link and then, after the partnership's name, the header search box; Enter searches; Tab reaches the results and Enter
 * opens one. The skip link moves focus to the main content. Filters and "Show more results"
 * work from the keyboard too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

const browser = useBrowser(siteDir());

/** What has focus: its tag, id, text or name, and (for links) where it goes. */
function focused(page: Page) {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return {
      tag: e?.tagName ?? '',
      id: e?.id ?? '',
      text: (e?.textContent ?? '').trim(),
      href: e?.getAttribute('href') ?? '',
      inResults: !!e?.closest('#search-results'),
    };
  });
}

/** Presses Tab until `done` says so, at most `limit` times; returns how many presses. */
async function tabUntil(page: Page, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 80): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if (done(await focused(page))) return i;
  }
  throw new Error(`Tab never reached it in ${limit} presses; focus is on ${JSON.stringify(await focused(page))}`);
}

const statusText = (page: Page) =>
  page.waitForFunction(() => document.querySelector('#search-status')?.textContent || false).then((h) => h.jsonValue() as Promise<string>);

describe('keyboard only', () => {
  for (const site of ['hampshire', 'hounslow']) {
    it(`reaches the header search on ${site} from the top, searches, and opens a result`, async () => {
      const page = await browser().visit(`/${site}/`);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'A', text: 'Skip to main content' });
      // Then the header: the partnership's name (a link home), then the search box, before
      // the navigation or anything else.
      const stops: string[] = [];
      for (;;) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (f.id === 'site-search') break;
        expect(await page.evaluate(() => !!document.activeElement?.closest('header')), `Tab left the header at ${JSON.stringify(f)}`).toBe(
          true,
        );
        stops.push(f.text);
      }
      expect(stops.length).toBeLessThanOrEqual(1);
      expect(await focused(page)).toMatchObject({ tag: 'INPUT', id: 'site-search' });

      await page.keyboard.type('neglect');
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/${site}/search/\\?q=neglect$`));
      expect(await statusText(page)).toMatch(/^\d+ results for neglect$/);

      await tabUntil(page, (f) => f.inResults && f.tag === 'A');
      const target = (await focused(page)).href;
      expect(target.startsWith(`/${site}/`)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === target);
      expect(await page.locator('h1').count()).toBe(1);
    });
  }

  it('moves focus to the main content with the skip link, and shows the link when focused', async () => {
    const page = await browser().visit('/hampshire/priorities/responding-to-neglect/');
    await page.keyboard.press('Tab');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.width > 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'MAIN', id: 'main' });
    // The next Tab goes into the content, past the header and navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });

  it('filters and shows more results from the keyboard', async () => {
    const page = await browser().visit('/hampshire/search/?q=neglect');
    const before = await statusText(page);
    await tabUntil(page, (f) => f.tag === 'SUMMARY' && f.text.startsWith('Reporting year'));
    await page.keyboard.press('Enter');
    await tabUntil(page, (f) => f.tag === 'INPUT' && f.id.startsWith('filter-year-'), 1);
    await page.keyboard.press('Space');
    await page.waitForFunction((b) => document.querySelector('#search-status')?.textContent !== b, before);
    expect(await statusText(page)).toMatch(/^\d+ results? for neglect, filtered by 2020-21$/);
    expect(await page.locator('summary', { hasText: 'Reporting year' }).textContent()).toContain('1 chosen');
    // Clear, then Show more results moves focus to the first new result.
    await tabUntil(page, (f) => f.text === 'Clear filters');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ id: 'q' });
    await page.waitForFunction((b) => document.querySelector('#search-status')?.textContent === b, before);
    await tabUntil(page, (f) => f.id === 'search-more');
    const shown = await page.locator('#search-results > li').count();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, shown);
    const first = await page.locator('#search-results > li').nth(shown).locator('a').getAttribute('href');
    expect((await focused(page)).href).toBe(first);
  });
});
