/**
 * The Content-Security-Policy in real Chromium, served the way a host that reads `_headers`
 * serves it (header and <meta> both in force): nothing on the pages breaks it, search works
 * under it, and a script or style the build did not write is refused.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchResults, useBrowser } from '../helpers/browser.ts';
import { htmlFiles, siteDir } from '../helpers/site.ts';

const root = siteDir();
const browser = useBrowser(root);
const actionPage = `/${htmlFiles(root)
  .find((file) => file.startsWith('hampshire/actions/'))!
  .replace(/index\.html$/, '')}`;

interface Watched {
  page: Page;
  /** Every securitypolicyviolation event the document saw, as "directive blocked-thing". */
  violations: () => Promise<string[]>;
  /** Console errors and warnings, from the page and its workers. */
  console: string[];
  /** The Content-Security-Policy header of each document loaded. */
  policyHeaders: Array<string | undefined>;
}

/** A tab that records every CSP violation and console complaint before any page script runs. */
async function watched(): Promise<Watched> {
  const page = await browser().open();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  const console: string[] = [];
  const listen = (message: { type(): string; text(): string; location(): { url: string } }) => {
    // The sites have no icon, and Chromium asks for /favicon.ico anyway.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || message.type() === 'warning') console.push(`${message.type()}: ${message.text()}`);
  };
  page.on('console', listen);
  page.on('worker', (worker) => worker.on('console', listen));
  page.on('pageerror', (error) => console.push(`uncaught: ${error.message}`));
  const policyHeaders: Array<string | undefined> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document') policyHeaders.push(response.headers()['content-security-policy']);
  });
  return {
    page,
    console,
    policyHeaders,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

describe('the Content-Security-Policy', () => {
  for (const [name, urlPath] of [
    ['the partnerships page', '/'],
    ['a home page', '/hounslow/'],
    ['an item page', actionPage],
  ]) {
    it(`is in force on ${name}, and nothing on it breaks the policy`, async () => {
      const { page, violations, console, policyHeaders } = await watched();
      await page.goto(browser().origin + urlPath);
      await page.waitForLoadState('load');
      expect(policyHeaders[0]).toContain("default-src 'none'");
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
      expect(await violations()).toEqual([]);
      expect(console).toEqual([]);
      await page.close();
    });
  }

  it('lets search run: Pagefind loads its index, WebAssembly and worker from the site with no violation', async () => {
    const { page, violations, console, policyHeaders } = await watched();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await page.goto(`${browser().origin}/hampshire/search/?q=neglect`);
    const { status, hrefs } = await searchResults(page);
    expect(status).toBe(`${hrefs.length} results for neglect`);
    expect(hrefs.length).toBeGreaterThan(3);
    // Filtering runs more of Pagefind, in its worker.
    await page.locator('details.filter summary').first().click();
    await page.locator('#search-filters input[type="checkbox"]').first().check();
    await searchResults(page, status);

    expect(policyHeaders[0]).toContain("'wasm-unsafe-eval'");
    expect(workers).toEqual(['/hampshire/pagefind/pagefind-worker.js']);
    expect(await violations()).toEqual([]);
    // Pagefind warns, and falls back to the page, when its worker cannot run.
    expect(console).toEqual([]);
    await page.close();
  });

  it('keeps the brand colour, set on <html> before the policy', async () => {
    const page = await browser().open('/hounslow/');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim())).toBe('#5c2d91');
    await page.close();
  });

  it('refuses a script or style the build did not write, as it would one injected by an attacker', async () => {
    const { page, violations } = await watched();
    await page.goto(`${browser().origin}${actionPage}`);
    const outcome = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedScriptRan = true';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { visibility: hidden }';
      document.head.append(style);
      document.body.setAttribute('style', 'display: none');
      return new Promise<{ scriptRan: boolean; visibility: string; display: string }>((resolve) =>
        setTimeout(
          () =>
            resolve({
              scriptRan: 'injectedScriptRan' in window,
              visibility: getComputedStyle(document.body).visibility,
              display: getComputedStyle(document.body).display,
            }),
          100,
        ),
      );
    });
    expect(outcome).toEqual({ scriptRan: false, visibility: 'visible', display: 'block' });
    // (Each policy that refuses something reports it: the header's and the <meta>'s.)
    expect([...new Set((await violations()).map((v) => v.split(' ')[0]))].sort()).toEqual([
      'script-src-elem',
      'style-src-attr',
      'style-src-elem',
    ]);
    await page.close();
  });
});
