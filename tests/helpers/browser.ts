/**
 * Real Chromium for the browser tests: Debian's chromium driven by playwright-core, one for the
 * whole run (started by the global setup, tests/helpers/chromium.ts), each test file in a fresh
 * context of its own against the built site served on 127.0.0.1. Every request the pages make is
 * recorded, so a test can prove the site asks nothing of any other host.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { serveStatic } from '../../src/builder/serve.ts';
import { noChromium } from './chromium.ts';

export interface BrowserSession {
  /** Where the site is served, like http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  context: BrowserContext;
  /** Every request to a host other than 127.0.0.1, as "METHOD url (from page)". */
  foreignRequests: string[];
  /** A new tab, optionally at a URL path on the served site, at the given width: for a test that needs a tab of its own. */
  open(urlPath?: string, width?: number): Promise<Page>;
  /**
   * The session's one reused tab, at the given size, navigated to a URL path on the served site
   * if one is given: for a test that reads or uses a page, where a fresh tab is not the point.
   * Not to be closed, nor left with listeners, init scripts or emulated media of the test's own.
   */
  visit(urlPath?: string, width?: number, height?: number): Promise<Page>;
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** Serves `siteDir` and opens a context in the shared Chromium; throws, never skips, when there is no Chromium. */
export async function openBrowser(siteDir: string, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserSession> {
  const endpoint = inject('browserEndpoint');
  if (!endpoint) throw new Error(noChromium);
  const { server, url: origin } = await serveStatic(siteDir);
  let browser: Browser | undefined;
  let context: BrowserContext;
  try {
    browser = await chromium.connect(endpoint);
    context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      locale: 'en-GB',
      serviceWorkers: 'block',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
  } catch (error) {
    await browser?.close();
    await closeServer(server);
    throw error;
  }
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    if (isLocal(request.url())) return;
    let from = 'a worker';
    try {
      from = request.frame().url();
    } catch {
      // service worker requests have no frame
    }
    foreignRequests.push(`${request.method()} ${request.url()} (from ${from})`);
  });
  // Nothing leaves the machine, even if a page tries: the test still fails on foreignRequests.
  await context.route(
    (url) => !isLocal(url.href),
    (route) => route.abort('blockedbyclient'),
  );

  let tab: Page | undefined;
  return {
    origin,
    context,
    foreignRequests,
    async open(urlPath, width = 1024) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 768 });
      if (urlPath !== undefined) await page.goto(origin + urlPath);
      return page;
    },
    async visit(urlPath, width = 1024, height = 768) {
      if (!tab || tab.isClosed()) tab = await context.newPage();
      const size = tab.viewportSize();
      if (size?.width !== width || size.height !== height) await tab.setViewportSize({ width, height });
      if (urlPath !== undefined) await tab.goto(origin + urlPath);
      return tab;
    },
    async close() {
      await context.close();
      await browser.close();
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * The search page's results once they have loaded: the announced status and every result's
 * link, after pressing "Show more results" until there are no more. `previous` is the status
 * before an action that searches again, so this waits for the new results.
 */
export async function searchResults(page: Page, previous = ''): Promise<{ status: string; hrefs: string[] }> {
  await page.waitForFunction((before) => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return text !== '' && text !== before;
  }, previous);
  for (;;) {
    const more = page.locator('#search-more');
    if (!(await more.isVisible())) break;
    const count = await page.locator('#search-results > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, count);
  }
  return {
    status: (await page.textContent('#search-status')) ?? '',
    hrefs: await page.$$eval('#search-results > li a', (links) => links.map((a) => a.getAttribute('href') ?? '')),
  };
}

const axeSource = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

/** Runs axe-core on the page against WCAG 2.2 A and AA; returns the violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the sites' Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
}

/** Axe violations as readable text: page, rule, impact, each element and what to fix. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${where}: ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n  ${v.helpUrl}`,
        ...v.nodes.map(
          (n) => `  - ${JSON.stringify(n.target)}\n    ${n.html.slice(0, 300)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * One browser for a test file, on the served site: started before its tests and closed after
 * them; after every test, no request may have gone to a host other than 127.0.0.1.
 */
export function useBrowser(siteDir: string): () => BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await openBrowser(siteDir);
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(() => {
    expect(session?.foreignRequests, 'requests to hosts other than 127.0.0.1').toEqual([]);
  });
  return () => session!;
}
