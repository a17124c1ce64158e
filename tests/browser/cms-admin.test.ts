/**
 * The editor on GitHub in real Chromium, served from the built site on 127.0.0.1 with every
 * request to another host blocked: Sveltia CMS starts with the configuration the build
 * generated and shows its sign-in screen, not a configuration error; and, so that this can fail,
 * the same page with a configuration Sveltia refuses shows Sveltia's error. Its web fonts (its
 * icons are one) come from the site; whatever Sveltia reaches for elsewhere (its update check,
 * GitHub's status page) the admin page's own policy stops.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { buildEditorSite, editorPartnership, editorRepository, type EditorSite } from '../helpers/editor-site.ts';

/** What Sveltia says when it cannot use its configuration. */
const configurationError = 'There is an error in the CMS configuration';

let site: EditorSite;
let session: BrowserSession;

beforeAll(async () => {
  site = await buildEditorSite();
  if (!site.result.ok) throw new Error(`the editor's site did not build: ${JSON.stringify(site.result)}`);
  // Beside the real editor, the same files with a configuration Sveltia must refuse: a choice
  // that offers one value twice.
  const admin = path.join(site.outDir, editorPartnership, 'admin');
  const broken = path.join(site.outDir, editorPartnership, 'admin-broken');
  mkdirSync(broken);
  for (const file of ['index.html', 'language.js', 'sveltia-cms.js']) copyFileSync(path.join(admin, file), path.join(broken, file));
  const config = readFileSync(path.join(admin, 'config.yml'), 'utf8');
  writeFileSync(
    path.join(broken, 'config.yml'),
    config.replace(/(\n( +)options:\n)/, `$1$2  - label: Twice\n$2    value: twice\n$2  - label: Twice again\n$2    value: twice\n`),
  );
  session = await openBrowser(site.outDir);
});

afterAll(async () => {
  await session?.close();
  site?.remove();
});

/** Opens a page, recording each request to another host and what stopped it. */
async function openRecording(urlPath: string): Promise<{ page: Page; stopped: string[] }> {
  const page = await session.context.newPage();
  const stopped: string[] = [];
  page.on('requestfailed', (request) => {
    if (!new URL(request.url()).hostname.startsWith('127.0.0.1')) stopped.push(`${request.failure()?.errorText} ${request.url()}`);
  });
  // Sveltia keeps loading after it has drawn its first screen: what it shows is waited for below.
  await page.goto(session.origin + urlPath, { waitUntil: 'commit' });
  return { page, stopped };
}

describe('the editor on GitHub, served from the site', () => {
  it('starts with the generated configuration and asks the editor to sign in', async () => {
    const { page, stopped } = await openRecording(`/${editorPartnership}/admin/`);
    await page.getByText('Sign In Using Access Token').waitFor({ timeout: 60_000 });
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(configurationError);
    // Sveltia names the repository it will save to, from the configuration.
    expect(text).toContain(editorRepository.split('/')[1]);
    // No sign-in service declared: no "Sign In with GitHub" that would go to Netlify's.
    expect(text).not.toContain('Sign In with GitHub');
    // Anything Sveltia asked of another host, its page's own policy refused (not just the test's block).
    expect(stopped.filter((line) => !line.startsWith('csp '))).toEqual([]);
    // Its icons' font loaded from the site, so icons are drawn, not written as words ("more_vert").
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family.replace(/["']/g, ''));
    });
    expect(loaded).toContain('Material Symbols Outlined');
    await page.close();
  });

  it("shows Sveltia's configuration error for a configuration it refuses", async () => {
    const { page } = await openRecording(`/${editorPartnership}/admin-broken/`);
    await page.getByText(configurationError).waitFor({ timeout: 60_000 });
    expect(await page.locator('body').innerText()).toContain('twice');
    await page.close();
  });
});
