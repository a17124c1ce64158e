/**
 * The hostile sites of tests/helpers/hostile-content.ts (15 texts, each in every field a reader
 * sees) in real Chromium, served with no security headers at all and with the
 * Content-Security-Policy <meta> taken out of every page, so that only the markup itself stands
 * between a field and the reader: on every page of every site nothing may run (each text that
 * could run script calls alert()), the page may not go anywhere else, and no request may leave
 * 127.0.0.1. Then some pages of each as published, <meta> and all, on a host that sends no
 * headers, as GitHub Pages serves them. The sites are built once per run (the global setup), and
 * the pages opened a few at a time, each in one of a few reused tabs.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dialog, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser, type BrowserSession } from '../helpers/browser.ts';
import { hostileTexts } from '../helpers/hostile-content.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-hostile-browser-'));
/** The build as published, on a host that sends no headers. */
const asBuilt = path.join(work, 'as-built');
/** The same, with the policy <meta> taken out of every page. */
const noPolicy = path.join(work, 'no-policy');
const policyMeta = /<meta http-equiv="content-security-policy" content="[^"]*">/g;

const htmlPages = (folder: string) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'));

/** Pages that do each thing this test looks for, to prove it sees them. */
const misdeedPages: Record<string, string> = {
  'runs.html': '<!doctype html><title>x</title><body onload="alert(1)">',
  'redirects.html': '<!doctype html><title>x</title><meta http-equiv="refresh" content="0;url=/pwned/">',
  'frames.html': '<!doctype html><title>x</title><iframe src="about:blank"></iframe>',
  'loads.html': '<!doctype html><title>x</title><img src="https://example.org/x.png">',
};

beforeAll(() => {
  // Built once per run, by the global setup.
  cpSync(inject('hostileDir'), asBuilt, { recursive: true });
  rmSync(path.join(asBuilt, '_headers'));
  cpSync(asBuilt, noPolicy, { recursive: true });
  for (const file of htmlPages(noPolicy)) {
    const html = readFileSync(path.join(noPolicy, file), 'utf8');
    expect(html.match(policyMeta), file).toHaveLength(1);
    writeFileSync(path.join(noPolicy, file), html.replace(policyMeta, ''));
  }
  for (const [file, html] of Object.entries(misdeedPages)) writeFileSync(path.join(noPolicy, file), html);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const published = useBrowser(asBuilt);
const bare = useBrowser(noPolicy);

/** The URL path of each page of a site, like /text-1/groups/. */
const pathsOf = (id: string) => htmlPages(path.join(asBuilt, id)).map((file) => `/${id}/${file.replace(/(^|\/)index\.html$/, '$1')}`);

/**
 * Opens a page in `tab` and reports what it did that it should not: a dialog (an injected script
 * ran), a second navigation (a redirect), a frame, or ending up at another address.
 */
async function misdeeds(session: BrowserSession, tab: Page, urlPath: string): Promise<string[]> {
  const found: string[] = [];
  const onDialog = (dialog: Dialog) => {
    found.push(`${urlPath}: script ran: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  };
  let navigations = 0;
  const onRequest = (request: Request) => {
    if (request.isNavigationRequest() && request.frame() === tab.mainFrame() && ++navigations > 1) {
      found.push(`${urlPath}: went to ${request.url()}`);
    }
  };
  tab.on('dialog', onDialog);
  tab.on('request', onRequest);
  try {
    await tab.goto(session.origin + urlPath, { waitUntil: 'load' });
    // A refresh of 0 seconds, or an onload handler, acts just after the load event.
    await tab.waitForTimeout(250);
    if (tab.frames().length > 1) found.push(`${urlPath}: has ${tab.frames().length - 1} frame(s)`);
    if (tab.url() !== session.origin + urlPath) found.push(`${urlPath}: ended at ${tab.url()}`);
  } finally {
    tab.off('dialog', onDialog);
    tab.off('request', onRequest);
  }
  return found;
}

/** Each session's eight tabs, opened once and reused page after page. */
const tabs = new Map<BrowserSession, Page[]>();

/** Every page, eight at a time, each tab taking the next page when it is done with one. */
async function misdeedsOnEvery(session: BrowserSession, urlPaths: string[]): Promise<string[]> {
  if (!tabs.has(session)) tabs.set(session, await Promise.all(Array.from({ length: 8 }, () => session.context.newPage())));
  const queue = [...urlPaths];
  const found: string[] = [];
  await Promise.all(
    tabs.get(session)!.map(async (tab) => {
      for (let urlPath = queue.shift(); urlPath !== undefined; urlPath = queue.shift())
        found.push(...(await misdeeds(session, tab, urlPath)));
    }),
  );
  return found.sort();
}

describe('this test', () => {
  it('sees a page that runs a script, redirects, has a frame or loads from another site', async () => {
    const { origin } = bare();
    try {
      const found = await misdeedsOnEvery(bare(), ['/runs.html', '/redirects.html', '/frames.html', '/loads.html']);
      // The redirect is seen as it starts ("went to"); where it ends depends on how busy the machine is.
      expect(found.filter((line) => !line.startsWith('/redirects.html: ended at'))).toEqual([
        '/frames.html: has 1 frame(s)',
        `/redirects.html: went to ${origin}/pwned/`,
        '/runs.html: script ran: alert 1',
      ]);
      expect(bare().foreignRequests).toEqual([`GET https://example.org/x.png (from ${origin}/loads.html)`]);
    } finally {
      // The request this test made on purpose must not be blamed on the next test.
      bare().foreignRequests.length = 0;
    }
  });
});

describe('a site whose every field holds a hostile text, with no security headers and no policy <meta>', () => {
  hostileTexts.forEach((text, i) => {
    it(`runs, redirects and loads nothing on any page: ${text}`, async () => {
      const urlPaths = pathsOf(`text-${i + 1}`);
      expect(urlPaths.length).toBeGreaterThan(20);
      expect(await misdeedsOnEvery(bare(), urlPaths)).toEqual([]);
    });
  });

  it('runs, redirects and loads nothing on the partnerships page, which names them all', async () => {
    expect(await misdeedsOnEvery(bare(), ['/', '/404.html'])).toEqual([]);
  });
});

describe('the same sites as published, on a host that sends no security headers', () => {
  it('run, redirect and load nothing on a home page, an own page and an item page, for any of the texts', async () => {
    const urlPaths = hostileTexts.flatMap((_, i) => ['', 'pages/about-us/', 'actions/deliver-training/'].map((p) => `/text-${i + 1}/${p}`));
    expect(await misdeedsOnEvery(published(), urlPaths)).toEqual([]);
  });
});
