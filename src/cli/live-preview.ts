/**
 * The site's live preview for `plan-publisher edit`: Astro's dev server over the content folder,
 * on this computer only. Run that way, every page reads the files afresh (src/site/data.ts), so a
 * save in the editor shows on the next reload. A process of its own, stopped with the editor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { astroEntry, packageRoot } from '../package-root.ts';

export interface LivePreview {
  /** Where the site is, like http://127.0.0.1:4321/. */
  url: string;
  stop(): void;
}

/** How long Astro may take to start before the editor gives up on the preview. */
const startTimeoutMs = 90_000;

/** Starts the preview; settles with its address once Astro says it is listening. */
export function startLivePreview(contentDir: string, port: number): Promise<LivePreview> {
  const child = spawn(process.execPath, [astroEntry(), 'dev', '--root', packageRoot, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: packageRoot,
    // A development server whatever NODE_ENV the shell has (under "production" or "test" Astro's
    // dev server answers no page).
    env: { ...process.env, NODE_ENV: 'development', PLAN_CONTENT: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      child.kill();
      reject(new Error(`${why}\n${output.trim()}`));
    };
    const timer = setTimeout(() => fail('The live preview did not start in time.'), startTimeoutMs);
    const readError = (chunk: Buffer) => (output += chunk.toString('utf8'));
    const read = (chunk: Buffer) => {
      // Astro picks the next port when the one asked for is taken: its own line says which.
      output += stripVTControlCharacters(chunk.toString('utf8'));
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      // From here on its output is not kept (the editor's terminal is the author's): only drained.
      child.stdout?.off('data', read).resume();
      child.stderr?.off('data', readError).resume();
      const preview = { url, stop: () => stopChild(child) };
      void warmedUp(url).then(() => resolve(preview));
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', readError);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The live preview stopped (exit code ${code}).\n${output.trim()}`));
    });
  });
}

/**
 * Waits until the preview answers its first page whole. Astro's dev server compiles on the first
 * request, and a first page asked for too soon (as a reader opening the address at once would)
 * can be its error page; asked here, the reader's first look is the site.
 */
async function warmedUp(url: string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    const page = await fetch(url).then(
      async (response) => (response.ok ? await response.text() : ''),
      () => '',
    );
    if (page !== '' && !page.includes('<title>Error</title>')) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function stopChild(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}
