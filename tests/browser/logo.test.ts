/**
 * A logo opened on its own address (/<site>/logo.svg) is a document at the site's origin, and
 * many hosts (GitHub Pages among them) send no Content-Security-Policy with it. So these tests
 * serve the built sites with no headers at all, open each published logo directly in Chromium,
 * click it, and prove that nothing runs (no dialog), nothing redirects and nothing is loaded
 * but the logo itself; and that the published copy draws exactly what the author's file draws.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/builder/build.ts';
import { openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';
import { attacks, brandedTree, checkLogo, falselyRefused, realLogos } from '../helpers/logos.ts';

/** Each accepted logo as its own partnership's logo, under an id for its site. */
const accepted = Object.entries({ ...realLogos, ...falselyRefused }).map(([name, logo], i) => ({ name, logo, site: `site-${i + 1}` }));

let tree: ContentTree;
let outDir: string;
let session: BrowserSession;
let buildError: string | undefined;
/** What Chromium shows for an SVG that draws nothing. */
let blank: Buffer;

beforeAll(async () => {
  const content: Tree = {};
  for (const { site, logo } of accepted) Object.assign(content, brandedTree(site), { [`${site}/logo.svg`]: logo });
  tree = writeTree(content);
  outDir = path.join(tree.root, 'dist');
  const result = await build({ contentDir: tree.contentDir, outDir });
  // No headers: served as a host that sends no Content-Security-Policy serves it. A refusal
  // fails each logo's test, not the file: the attacks are checked all the same.
  if (result.ok) rmSync(path.join(outDir, '_headers'));
  else buildError = `the logos did not build: ${JSON.stringify(result.problems.length ? result.problems : result.error)}`;
  // The authors' own files, to compare the drawing with.
  mkdirSync(path.join(outDir, 'originals'), { recursive: true });
  for (const { site } of accepted)
    copyFileSync(path.join(tree.contentDir, site, 'logo.svg'), path.join(outDir, 'originals', `${site}.svg`));
  mkdirSync(path.join(outDir, 'attacks'));
  writeFileSync(path.join(outDir, 'attacks', 'blank.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  session = await openBrowser(outDir);
  const empty = await openDirectly('/attacks/blank.svg');
  blank = await empty.page.screenshot();
  await empty.page.close();
});

afterAll(async () => {
  await session?.close();
  tree?.remove();
});

interface Opened {
  page: Page;
  /** The Content-Security-Policy header the logo came with. */
  policy: string | undefined;
  /** Every dialog, request other than the logo's and navigation away from it. */
  happened: string[];
}

/** Opens a file of the served site as its own document, clicks on it, and records what it does. */
async function openDirectly(urlPath: string): Promise<Opened> {
  const page = await session.context.newPage();
  const address = session.origin + urlPath;
  const happened: string[] = [];
  page.on('dialog', (dialog) => {
    happened.push(`a dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    // Chromium asks every origin for its icon by itself.
    if (request.url() !== address && request.url() !== `${session.origin}/favicon.ico`) happened.push(`a request for ${request.url()}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame.url() !== address) happened.push(`a navigation to ${frame.url()}`);
  });
  const response = await page.goto(address);
  await page.mouse.click(5, 5);
  await page.mouse.click(50, 20);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return { page, policy: response?.headers()['content-security-policy'], happened };
}

describe('a published SVG logo, opened on its own address with no Content-Security-Policy', () => {
  it('shows what it would if a logo ran, redirected or loaded (this harness is not blind)', async () => {
    writeFileSync(
      path.join(outDir, 'attacks', 'unchecked.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert("ran")</script><h:img xmlns:h="http://www.w3.org/1999/xhtml" src="https://evil.example/x.png"/></svg>',
    );
    const { page, happened } = await openDirectly('/attacks/unchecked.svg');
    await page.close();
    expect(happened).toEqual(expect.arrayContaining(['a dialog: ran', 'a request for https://evil.example/x.png']));
    session.foreignRequests.length = 0;
  });

  for (const { name, logo, site } of accepted) {
    it(`runs, redirects and loads nothing, and draws what the author's file draws: ${name}`, async () => {
      expect(buildError).toBeUndefined();
      const published = await openDirectly(`/${site}/logo.svg`);
      expect(published.policy).toBeUndefined();
      expect(published.happened).toEqual([]);
      expect(await published.page.evaluate(() => `${document.documentElement.namespaceURI} ${document.documentElement.localName}`)).toBe(
        'http://www.w3.org/2000/svg svg',
      );
      const drawn = await published.page.screenshot();
      await published.page.close();

      const original = await openDirectly(`/originals/${site}.svg`);
      const intended = await original.page.screenshot();
      await original.page.close();
      expect(drawn.equals(intended), 'the published logo looks exactly like the original').toBe(true);
      expect(drawn.equals(blank), 'the logo draws something').toBe(false);
      expect(checkLogo(logo).errors).toEqual([]);
      expect(session.foreignRequests).toEqual([]);
    });
  }

  it('is never one of the attacks: each is refused, or publishes a copy that runs, redirects and loads nothing', async () => {
    const ran: string[] = [];
    for (const [i, attack] of attacks.entries()) {
      const { published } = checkLogo(attack.logo);
      if (published === undefined) continue;
      writeFileSync(path.join(outDir, 'attacks', `${i}.svg`), published);
      const { page, happened } = await openDirectly(`/attacks/${i}.svg`);
      await page.close();
      ran.push(...happened.map((what) => `${attack.name}: ${what}`));
    }
    expect(ran).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
