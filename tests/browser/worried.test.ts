/**
 * "Worried about a child?" in real Chromium, as a worried parent or practitioner uses it: every
 * number they need to call as a phone link, whether or not the partnership gives its own, and
 * "Exit this page", which leaves for an everyday site by click or by pressing Shift 3 times, and
 * leaves nothing for Back to return to. The everyday site is stubbed: no request leaves the machine.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, type BrowserSession } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

const bundled = useBrowser(siteDir());
// Northvale gives its children's services front door in partnership.md; the bundled sites do not.
const neighbours = useBrowser(inject('fixtureDirs')['joint-neighbours']);

const neutralSite = 'https://www.bbc.co.uk/weather';

/** The phone links in the page's main content, as "text -> href". */
async function phoneLinks(page: Page): Promise<string[]> {
  return page.$$eval('main a[href^="tel:"]', (links) => links.map((a) => `${a.textContent?.trim()} -> ${a.getAttribute('href')}`));
}

describe('the "Worried about a child?" page', () => {
  it('gives 999, police 101, the NSPCC helpline and Childline as phone links, with no local number given', async () => {
    const page = await bundled().visit('/hounslow/worried-about-a-child/', 375, 812);
    expect(await phoneLinks(page)).toEqual([
      '999 -> tel:999',
      '101 -> tel:101',
      '0808 800 5000 -> tel:08088005000',
      '0800 1111 -> tel:08001111',
    ]);
    const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(main).toContain('If a child is in immediate danger, call 999.');
    expect(main).toContain('Call Childline on 0800 1111 if you are a child or young person');
    expect(main).toContain('You do not need to be sure.');
    expect(main).toContain('What happens after you call');
    expect(main).toContain('report child abuse to a local council');
    // Nothing that reads like something has gone wrong.
    expect(main).not.toMatch(/has not published|not available|no contact details/i);
  });

  it("puts the partnership's own front door first when partnership.md gives it", async () => {
    const page = await neighbours().visit('/northvale/worried-about-a-child/', 375, 812);
    expect(await phoneLinks(page)).toEqual([
      '999 -> tel:999',
      '01632 960 110 -> tel:01632960110',
      '01632 960 111 -> tel:01632960111',
      '101 -> tel:101',
      '0808 800 5000 -> tel:08088005000',
      '0800 1111 -> tel:08001111',
      '01632 960 112 -> tel:01632960112',
    ]);
    expect(await page.locator('main').innerText()).toContain("Contact Northvale Children's Advice and Duty Service.");
  });

  it('offers "Exit this page" in the panel of every page, as a plain link to an everyday site', async () => {
    for (const url of ['/hounslow/', '/hounslow/worried-about-a-child/', '/']) {
      const page = await bundled().visit(url);
      const exit = page.getByRole('complementary', { name: 'Worried about a child?' }).getByRole('link', { name: /Exit this page/ });
      expect(await exit.getAttribute('href'), url).toBe(neutralSite);
    }
  });
});

describe('"Exit this page" on the worried page', () => {
  /** A fresh tab that has been to the home page, then the worried page; the everyday site answers from a stub. */
  async function onWorriedPage(session: BrowserSession): Promise<Page> {
    const page = await session.open('/hounslow/', 375);
    await page.route(`${neutralSite}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>BBC Weather</title><p>Weather</p>' }),
    );
    await page.getByRole('complementary', { name: 'Worried about a child?' }).getByRole('link', { name: 'How to report' }).click();
    await page.waitForURL('**/worried-about-a-child/');
    await page.locator('.quick-exit__hint').waitFor();
    return page;
  }

  /** Where the tab is, and where Back takes it: never back to the worried page. */
  async function afterLeaving(session: BrowserSession, page: Page, historyBefore: number) {
    await page.waitForURL(neutralSite);
    const result = { title: await page.title(), historyGrew: (await page.evaluate(() => history.length)) > historyBefore };
    await page.goBack();
    const back = new URL(page.url()).pathname;
    await page.close();
    // The only request to another host is the stubbed everyday site.
    expect(session.foreignRequests.every((r) => r.startsWith(`GET ${neutralSite}`))).toBe(true);
    session.foreignRequests.length = 0;
    return { ...result, back };
  }

  it('leaves for the everyday site on a click, and Back goes to the page before, not this one', async () => {
    const session = bundled();
    const page = await onWorriedPage(session);
    const before = await page.evaluate(() => history.length);
    await page.getByRole('link', { name: /Exit this page/ }).click();
    expect(await afterLeaving(session, page, before)).toEqual({ title: 'BBC Weather', historyGrew: false, back: '/hounslow/' });
  });

  it('leaves when Shift is pressed 3 times, and Back goes to the page before', async () => {
    const session = bundled();
    const page = await onWorriedPage(session);
    expect(await page.locator('.quick-exit__hint').innerText()).toBe('Or press Shift 3 times to leave this page quickly.');
    const before = await page.evaluate(() => history.length);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    expect(await afterLeaving(session, page, before)).toEqual({ title: 'BBC Weather', historyGrew: false, back: '/hounslow/' });
  });

  it('stays when other keys come between the Shifts, as when typing capital letters', async () => {
    const page = await onWorriedPage(bundled());
    for (const key of ['Shift', 'Shift+A', 'Shift', 'Shift+B', 'Shift']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/hounslow/worried-about-a-child/');
    await page.close();
  });
});
