/**
 * Search results in real Chromium, on the coded-brag fixture (the one with short: titles): an
 * item with a short title is listed by it, as its link, with its full title just below, and the
 * filter by top-level item is named in the plan's own word ("Strategic Priority").
 */
import { describe, expect, inject, it } from 'vitest';
import { searchResults, useBrowser } from '../helpers/browser.ts';

const browser = useBrowser(inject('fixtureDirs')['coded-brag']);

describe('search results on a plan with short titles', () => {
  it('list an item by its short title, with its full title below, and name the top-level filter in the plan’s word', async () => {
    const page = await browser().open('/kingsford/search/?q=return%20home%20interview');
    const { hrefs } = await searchResults(page);
    expect(hrefs).toContain('/kingsford/actions/missing-rhi-offer/');
    const result = page.locator('#search-results > li', { has: page.locator('a[href="/kingsford/actions/missing-rhi-offer/"]') });
    expect(await result.locator('.result__title a').textContent()).toBe('Return home interviews within 72 hours');
    expect(await result.locator('.result__full-title').textContent()).toBe(
      'Offer every child who goes missing a return home interview within 72 hours',
    );
    // A result without a short title keeps its one title, and no second line.
    const others = page.locator('#search-results > li', { hasNot: page.locator('a[href="/kingsford/actions/missing-rhi-offer/"]') });
    for (const other of await others.all()) expect(await other.locator('.result__full-title').count()).toBe(0);
    const legends = await page.$$eval('#search-filters fieldset legend', (l) => l.map((e) => e.textContent));
    expect(legends).toContain('Strategic Priority');
    expect(legends).not.toContain('Priority');
  });
});
