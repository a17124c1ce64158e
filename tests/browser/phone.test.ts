/**
 * On a 375×812 phone, as a practitioner checks an action between meetings: the header is one row
 * with a "Menu" button (a <details>, which needs no JavaScript) holding search and the links, and
 * an action's status is on the first screen even for the longest, sentence-long titles.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

const root = siteDir();
const browser = useBrowser(root);

/** The actions of a site with the longest headings, read from the built pages. */
function longestTitled(site: string, count: number): string[] {
  const dir = path.join(root, site, 'actions');
  return readdirSync(dir)
    .map((id) => {
      const html = readFileSync(path.join(dir, id, 'index.html'), 'utf8');
      const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1].replace(/<[^>]+>/g, '') ?? '';
      return { url: `/${site}/actions/${id}/`, length: heading.trim().length };
    })
    .sort((a, b) => b.length - a.length)
    .slice(0, count)
    .map((a) => a.url);
}

describe("an action's status on a 375×812 phone", () => {
  for (const site of ['hampshire', 'hounslow']) {
    it.each(longestTitled(site, 4))('is on the first screen of %s', async (url) => {
      const page = await browser().visit(url, 375, 812);
      // The status itself: its tag, like "In progress" or "No status reported".
      const status = page
        .locator('main dt', { hasText: /^Status$/ })
        .locator('xpath=following-sibling::dd[1]')
        .locator('.tag')
        .first();
      const box = await status.boundingBox();
      expect(box, 'the status').not.toBeNull();
      expect(box!.y + box!.height, `${url}: the status ends at ${Math.round(box!.y + box!.height)}px`).toBeLessThanOrEqual(812);
    });
  }
});

describe('the header on a phone', () => {
  it('keeps the links and search behind one "Menu" button, which opens them', async () => {
    const page = await browser().visit('/hounslow/', 375, 812);
    const main = page.getByRole('navigation', { name: 'Main' });
    expect(await main.getByRole('link', { name: 'Groups' }).isVisible()).toBe(false);
    expect(await page.getByRole('searchbox').count()).toBe(0);
    const header = await page.locator('header').boundingBox();
    expect(header!.height, 'the header').toBeLessThanOrEqual(100);
    await page.getByText('Menu', { exact: true }).click();
    expect(await main.getByRole('link', { name: 'Groups' }).isVisible()).toBe(true);
    await page.getByRole('searchbox', { name: 'Search this plan' }).fill('neglect');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=neglect');
  });

  it('shows the links as a bar, and no Menu button, on a desktop', async () => {
    const page = await browser().visit('/hounslow/', 1280, 800);
    expect(await page.getByText('Menu', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).isVisible()).toBe(true);
    expect(await page.getByRole('searchbox', { name: 'Search this plan' }).isVisible()).toBe(true);
  });
});
