/**
 * The local editor (`npm run edit`) as the browser tests drive it: a scratch copy of the bundled
 * Hampshire content kept in git (so a test can ask `git status` and `git diff` what a save wrote),
 * the editor's server on it, and a page open on the editor in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { startEditor } from '../../src/authoring/editor-server.ts';
import { noChromium, startChromium } from './chromium.ts';

const bundled = fileURLToPath(new URL('../../content/hampshire', import.meta.url));

export interface LocalEditor {
  /** The scratch folder: `content/` inside it, and room for a build beside it. */
  root: string;
  contentDir: string;
  url: string;
  page: Page;
  /** Runs git in the content folder, answering its output. */
  git(...args: string[]): string;
  close(): Promise<void>;
}

export async function openLocalEditor(): Promise<LocalEditor> {
  const root = mkdtempSync(path.join(tmpdir(), 'editor-test-'));
  const contentDir = path.join(root, 'content');
  cpSync(bundled, path.join(contentDir, 'hampshire'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-C', contentDir, ...args], { encoding: 'utf8' });
  git('init', '-q');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'add', '.');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-qm', 'content as bundled');
  let editor: { server: Server; url: string } | undefined;
  let chromiumServer: BrowserServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await chromiumServer?.close();
    await new Promise((resolve) => (editor ? editor.server.close(resolve) : resolve(undefined)));
    rmSync(root, { recursive: true, force: true });
  };
  try {
    editor = await startEditor({ contentDir, port: 0, previewUrl: 'http://localhost:4321/' });
    chromiumServer = await startChromium();
    if (!chromiumServer) throw new Error(noChromium);
    browser = await chromium.connect(chromiumServer.wsEndpoint());
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await page.goto(`${editor.url}/`);
    return { root, contentDir, url: editor.url, page, git, close };
  } catch (error) {
    await close();
    throw error;
  }
}
