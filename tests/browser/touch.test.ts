/**
 * Abbreviations on a touch screen, which cannot show a hover tooltip: the first use of "CSE" on a
 * page is written out as "CSE (Child sexual exploitation)" there; with a mouse it keeps its tooltip.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

const browser = useBrowser(siteDir());

/** What the first explained abbreviation in the page's main content shows: its own text and what follows it. */
async function firstAbbreviation(touch: boolean) {
  const session = browser();
  const context = await session.context.browser()!.newContext({ hasTouch: touch, isMobile: touch, viewport: { width: 375, height: 812 } });
  try {
    const page = await context.newPage();
    await page.goto(`${session.origin}/hampshire/`);
    return await page
      .locator('main abbr[title]')
      .first()
      .evaluate((abbr) => ({
        term: abbr.textContent,
        meaning: abbr.getAttribute('title'),
        after: getComputedStyle(abbr, '::after').content,
      }));
  } finally {
    await context.close();
  }
}

describe('an abbreviation', () => {
  it('is written out after its first use on a touch screen', async () => {
    const { term, meaning, after } = await firstAbbreviation(true);
    expect(term).toMatch(/^[A-Z]{2,}/);
    expect(meaning).toBeTruthy();
    expect(after).toBe(`" (${meaning})"`);
  });

  it('keeps its tooltip, and adds nothing, with a mouse', async () => {
    const { after } = await firstAbbreviation(false);
    expect(after).toBe('none');
  });
});
