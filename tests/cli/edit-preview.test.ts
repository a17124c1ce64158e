/**
 * `npm run edit` starts the site's live preview beside the editor (issue 24, item 2): one
 * command, two addresses on 127.0.0.1. The editor's page links to the preview; a file saved in
 * the content folder shows in the preview on the next load; stopping the editor stops the
 * preview with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userEnvironment } from '../helpers/env.ts';

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const script = fileURLToPath(new URL('../../scripts/edit.ts', import.meta.url));

/** A port nothing listens on just now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A user's shell has none of the variables vitest sets for itself (VITEST, BASE_URL...), which Astro's dev server reads. */
function shellEnvironment(): NodeJS.ProcessEnv {
  const env = userEnvironment({ NO_COLOR: '1' });
  for (const name of Object.keys(env)) if (/^VITEST/.test(name) || name === 'BASE_URL' || name === 'NODE_ENV') delete env[name];
  return env;
}

let root: string;
let contentDir: string;
let child: ChildProcess;
let printed = '';
let editorUrl: string;
let previewPort: number;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'edit-preview-'));
  contentDir = path.join(root, 'content');
  cpSync(fileURLToPath(new URL('../fixtures/strands-plan/content', import.meta.url)), contentDir, { recursive: true });
  previewPort = await freePort();
  child = spawn(node, [script, '--content', contentDir, '--port', '0', '--preview-port', String(previewPort)], {
    cwd: root,
    env: shellEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const deadline = Date.now() + 120_000;
  while (!/live preview is at/.test(printed)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`edit did not start:\n${printed}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  editorUrl = /The editor is at (http:\/\/127\.0\.0\.1:\d+)\//.exec(printed)![1];
}, 150_000);

afterAll(() => {
  child?.kill('SIGINT');
  rmSync(root, { recursive: true, force: true });
});

describe('npm run edit', () => {
  it('prints the editor and the live preview, both on 127.0.0.1, and the editor links to the preview', async () => {
    expect(printed).toContain(`The site's live preview is at http://127.0.0.1:${previewPort}/`);
    const content = (await (await fetch(`${editorUrl}/api/content`)).json()) as { previewUrl: string };
    expect(content.previewUrl).toBe(`http://127.0.0.1:${previewPort}/`);
  });

  it('shows the content in the preview, and a saved change on the next load', async () => {
    const page = `http://127.0.0.1:${previewPort}/northborough/`;
    const before = await (await fetch(page)).text();
    const file = path.join(contentDir, 'northborough', 'partnership.md');
    const name = /^name: (.*)$/m.exec(readFileSync(file, 'utf8'))![1];
    expect(before).toContain(name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`name: ${name}`, 'name: Riverbend Safeguarding Children Partnership'));
    // A reader reloads the page: the change shows within a few reloads at most.
    let after = '';
    for (let tries = 0; tries < 30 && !after.includes('Riverbend Safeguarding Children Partnership'); tries++) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 500));
      after = await (await fetch(page)).text();
    }
    expect(after).toContain('Riverbend Safeguarding Children Partnership');
  }, 60_000);

  it('stops the preview when the editor stops', async () => {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await expect(fetch(`http://127.0.0.1:${previewPort}/`)).rejects.toThrow();
  }, 30_000);
});
