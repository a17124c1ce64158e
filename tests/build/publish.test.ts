/**
 * Publishing, when things go wrong: a failure or a kill at any moment leaves a complete site
 * in dist/, old or new; the next build cleans up what an interrupted one left; two builds at
 * once cannot both publish; a search-indexing failure publishes nothing and leaves nothing.
 * Real builds, into temporary folders; kills are real SIGKILLs of real build processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build, reportBuild } from '../../src/builder/build.ts';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';

const node = process.execPath;
const buildScript = path.resolve('scripts/build.ts');
const trees: ContentTree[] = [];
afterAll(() => trees.forEach((t) => t.remove()));

const actionFile = 'hampshire/actions/deliver-training.md';
const oldTitle = 'Deliver neglect training';

/** One partnership's content; `title` names its action, so each build's site can be told apart by what it says. */
function tree(title = oldTitle): ContentTree {
  const files = validTree('hampshire');
  const written = writeTree({ ...files, [actionFile]: files[actionFile].replace(oldTitle, title) });
  trees.push(written);
  return written;
}

function retitle(t: ContentTree, title: string) {
  const file = path.join(t.contentDir, actionFile);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
}

function breakContent(t: ContentTree) {
  const file = path.join(t.contentDir, actionFile);
  writeFileSync(file, readFileSync(file, 'utf8').replace('- training-sub-group', '- no-such-group'));
}

/**
 * What a visitor would get from dist/: the action's title, if the site is there and complete
 * (home page, the action's page, and the search index the search page loads).
 */
function published(outDir: string): string {
  if (!existsSync(outDir)) return 'no site';
  const required = [
    'index.html',
    'hampshire/index.html',
    'hampshire/actions/deliver-training/index.html',
    'hampshire/pagefind/pagefind.js',
  ];
  const missing = required.filter((file) => !existsSync(path.join(outDir, file)));
  if (missing.length) return `incomplete site, missing ${missing.join(', ')}`;
  const html = readFileSync(path.join(outDir, 'hampshire/actions/deliver-training/index.html'), 'utf8');
  return /<h1[^>]*>(?:<span class="caption">[^<]*<\/span>)?\s*([^<]*)<\/h1>/.exec(html)?.[1] ?? 'a page with no title';
}

/** What builds leave beside dist/ (staging, the old site, the lock), by kind. */
function leftovers(root: string): string[] {
  // dist.cache/ is no leftover: it keeps each site's output for the next build (src/builder/incremental.ts).
  return readdirSync(root).filter((name) => name.startsWith('dist.') && name !== 'dist.cache');
}

/**
 * What is left beside dist/ once the replaced site is deleted: `npm run build` deletes it in
 * a process of its own after publishing (src/builder/publish.ts), so it may still be going when
 * the build returns. A site never deleted stays in the list, and the test fails.
 */
async function leftoversOnceDeleted(root: string): Promise<string[]> {
  for (let waited = 0; waited < 30_000 && leftovers(root).some((name) => name.startsWith('dist.deleting-')); waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return leftovers(root);
}

/** The temporary caches a given process left. */
function cachesOf(pid: number): string[] {
  return readdirSync(os.tmpdir()).filter((name) => name.startsWith(`plan-publisher-cache-${pid}-`));
}

interface Run {
  pid: number;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ pid: child.pid ?? 0, status, signal, stdout, stderr }));
  });
}

/** `npm run build` of a tree into its dist/, as a user runs it. */
function buildCli(t: ContentTree, outDir = path.join(t.root, 'dist')): Promise<Run> {
  return run([buildScript, '--content', t.contentDir, '--out', outDir], t.root);
}

/** A real build process that kills itself (SIGKILL: no clean-up of any kind) when it reaches `stage`. */
async function buildKilledAt(t: ContentTree, stage: string): Promise<Run> {
  const script = path.join(t.root, 'killed-build.ts');
  writeFileSync(
    script,
    [
      `import { build } from ${JSON.stringify(pathToFileURL(path.resolve('src/builder/build.ts')).href)};`,
      `await build({ contentDir: ${JSON.stringify(t.contentDir)}, outDir: ${JSON.stringify(path.join(t.root, 'dist'))},`,
      `  onStage: (stage) => { if (stage === ${JSON.stringify(stage)}) process.kill(process.pid, 'SIGKILL'); } });`,
      `console.log('not killed');`,
    ].join('\n'),
  );
  const result = await run([script], t.root);
  expect(result.signal, `${result.stdout}${result.stderr}`).toBe('SIGKILL');
  return result;
}

describe('publishing survives a crash', () => {
  it('a failure between moving the old site out and the new one in leaves the old site in dist/', async () => {
    const t = tree();
    const outDir = path.join(t.root, 'dist');
    expect((await build({ contentDir: t.contentDir, outDir })).ok).toBe(true);
    retitle(t, 'Deliver neglect training again');

    const result = await build({
      contentDir: t.contentDir,
      outDir,
      onStage: (stage) => {
        if (stage === 'swapping') throw new Error('the disk went away');
      },
    });
    expect(result.ok).toBe(false);
    expect(reportBuild(result)).toContain('the disk went away');
    expect(reportBuild(result)).toContain('the previous site is unchanged');
    expect(published(outDir)).toBe(oldTitle);
    expect(leftovers(t.root)).toEqual([]);
  });

  it('a build killed between the two renames: the next build first puts the complete new site in dist/, then cleans up', async () => {
    const t = tree();
    const outDir = path.join(t.root, 'dist');
    expect((await buildCli(t)).status).toBe(0);
    retitle(t, 'Deliver neglect training, killed while publishing');

    const killed = await buildKilledAt(t, 'swapping');
    // The moment this is about: the old site moved out, the new one not yet in.
    expect(published(outDir)).toBe('no site');
    expect(cachesOf(killed.pid)).not.toEqual([]);

    // The next build stops at the check (the content is now invalid), but only after putting
    // back the complete site the killed build was publishing.
    breakContent(t);
    const next = await buildCli(t);
    expect(next.status).toBe(1);
    expect(`${next.stdout}${next.stderr}`).toContain('interrupted');
    expect(published(outDir)).toBe('Deliver neglect training, killed while publishing');
    expect(leftovers(t.root)).toEqual([]);
    expect(cachesOf(killed.pid)).toEqual([]);
  });

  it('a build killed while rendering leaves the old site; the next build removes its half-built folder and cache', async () => {
    const t = tree();
    const outDir = path.join(t.root, 'dist');
    expect((await buildCli(t)).status).toBe(0);
    retitle(t, 'Deliver neglect training, killed while rendering');

    const killed = await buildKilledAt(t, 'rendered');
    expect(published(outDir)).toBe(oldTitle);
    expect(leftovers(t.root).some((name) => name.startsWith('dist.building-'))).toBe(true);
    expect(cachesOf(killed.pid)).not.toEqual([]);

    retitle(t, 'Deliver neglect training, built after the kill');
    const next = await buildCli(t);
    expect(next.status, next.stderr).toBe(0);
    // The new site is in place as the command returns; the old one is deleted after it.
    expect(published(outDir)).toBe('Deliver neglect training, built after the kill');
    expect(await leftoversOnceDeleted(t.root)).toEqual([]);
    expect(cachesOf(killed.pid)).toEqual([]);
  });

  it('a search-indexing failure ends the build with a clear message, publishes nothing and leaves nothing behind', async () => {
    const t = tree();
    const outDir = path.join(t.root, 'dist');
    expect((await build({ contentDir: t.contentDir, outDir })).ok).toBe(true);
    retitle(t, 'Deliver neglect training, never indexed');

    const result = await build({
      contentDir: t.contentDir,
      outDir,
      onStage: (stage) => {
        // A file where Pagefind must write its folder: it fails as on a full or read-only disk.
        if (stage !== 'rendered') return;
        const staging = readdirSync(t.root).find((name) => name.startsWith('dist.building-'));
        writeFileSync(path.join(t.root, staging!, 'hampshire', 'pagefind'), '');
      },
    });
    expect(result.ok).toBe(false);
    const report = reportBuild(result);
    expect(report).toMatch(/search index/i);
    expect(report).toContain('the previous site is unchanged');
    expect(report).toMatch(/free space/);
    expect(published(outDir)).toBe(oldTitle);
    expect(leftovers(t.root)).toEqual([]);
    expect(cachesOf(process.pid)).toEqual([]);
  });
});

describe('two builds at once', () => {
  it('only one publishes; the other says another build is running and changes nothing', async () => {
    const first = tree('Deliver neglect training, first build');
    const second = tree('Deliver neglect training, second build');
    const outDir = path.join(first.root, 'dist');

    const [a, b] = await Promise.all([buildCli(first, outDir), buildCli(second, outDir)]);
    const winner = a.status === 0 ? a : b;
    const loser = winner === a ? b : a;
    expect([a.status, b.status].sort()).toEqual([0, 1]);
    expect(loser.stderr).toContain('Another build');
    expect(loser.stderr).toContain('Nothing was published');
    expect(published(outDir)).toBe(winner === a ? 'Deliver neglect training, first build' : 'Deliver neglect training, second build');
    expect(leftovers(first.root)).toEqual([]);

    // With the first finished, the next build goes ahead.
    const again = await buildCli(second, outDir);
    expect(again.status, again.stderr).toBe(0);
    expect(published(outDir)).toBe('Deliver neglect training, second build');
    expect(await leftoversOnceDeleted(first.root)).toEqual([]);
  });

  it('takes over the lock of a build that is no longer running', async () => {
    const t = tree();
    const outDir = path.join(t.root, 'dist');
    const gone = spawnSync(node, ['-e', '0']).pid;
    writeFileSync(`${outDir}.lock`, JSON.stringify({ pid: gone, started: new Date(Date.now() - 60_000).toISOString() }));
    const result = await buildCli(t);
    expect(result.status, result.stderr).toBe(0);
    expect(published(outDir)).toBe(oldTitle);
    expect(leftovers(t.root)).toEqual([]);
  });

  // Process start times are read from /proc; elsewhere the lock cannot tell (README, Deploying).
  it.runIf(process.platform === 'linux')(
    'takes over the lock of a build that is gone when its process id now belongs to another, running program',
    async () => {
      const t = tree();
      const outDir = path.join(t.root, 'dist');
      // A real build process takes the lock and dies without letting it go, as on a crash.
      const script = path.join(t.root, 'dies-holding-the-lock.ts');
      writeFileSync(
        script,
        `import { takeLock } from ${JSON.stringify(pathToFileURL(path.resolve('src/builder/publish.ts')).href)};\n` +
          `if (!takeLock(${JSON.stringify(outDir)}).ok) process.exit(3);\n`,
      );
      expect((await run([script], t.root)).status).toBe(0);
      // Its id is then given to another program, still running: here, one that waits a minute.
      const other = spawn(node, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
      try {
        const lock = JSON.parse(readFileSync(`${outDir}.lock`, 'utf8')) as { pid: number };
        writeFileSync(`${outDir}.lock`, JSON.stringify({ ...lock, pid: other.pid }));

        const result = await buildCli(t);
        expect(result.stderr).not.toContain('Another build');
        expect(result.status, result.stderr).toBe(0);
        expect(published(outDir)).toBe(oldTitle);
        expect(leftovers(t.root)).toEqual([]);
      } finally {
        other.kill();
      }
    },
  );
});
