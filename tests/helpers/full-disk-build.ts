/**
 * Builds on a disk that fills up, for real. Run by tests/build/disk-full.test.ts inside a mount
 * namespace of its own, where `<disk>/out` (the output folder's disk) and `<disk>/tmp` (the
 * temporary folder's) are small tmpfs file systems that vanish with it.
 *
 * `node full-disk-build.ts CONTENT DISK CASES_JSON` builds the content once, edits it, then for
 * each case fills one disk at the given moment of a build (writing a file until the disk refuses
 * another byte), builds, empties the disk again and records what the person building would see
 * and what the build left. A last build, with room, must then succeed. Prints JSON.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { build, reportBuild } from '../../src/builder/build.ts';
import type { BuildStage } from '../../src/builder/publish.ts';

export interface FullDiskCase {
  /** Which disk fills up. */
  disk: 'out' | 'tmp';
  /** When: before the build starts, or at a stage of it. */
  at: 'start' | BuildStage;
  cache?: boolean;
}

export interface FullDiskOutcome {
  case: FullDiskCase;
  ok: boolean;
  /** What the build printed (to stderr, from the command line). */
  report: string;
  exitCode?: number;
  /** dist/ holds exactly what it held before. */
  distUnchanged: boolean;
  /** What the build left beside dist/, in the cache's working names, and in the temporary folder. */
  leftovers: string[];
}

const [contentDir, disk, casesJson] = process.argv.slice(2);
const outDisk = path.join(disk, 'out');
const tmpDisk = path.join(disk, 'tmp');
process.env.TMPDIR = tmpDisk;
const outDir = path.join(outDisk, 'dist');

function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Fills a disk to the last byte it will take; returns the file that holds it all. */
function fill(folder: string): string {
  const file = path.join(folder, 'filler');
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

function leftovers(): string[] {
  const beside = readdirSync(outDisk).filter((name) => name !== 'dist' && name !== 'dist.cache' && name !== 'filler');
  const cache = existsSync(`${outDir}.cache`) ? readdirSync(`${outDir}.cache`).filter((name) => name !== 'units') : [];
  // Node's own compile cache, kept there by Node for every program, is not the build's.
  const temporary = readdirSync(tmpDisk).filter((name) => name !== 'filler' && name !== 'node-compile-cache');
  return [...beside, ...cache.map((name) => `dist.cache/${name}`), ...temporary.map((name) => `tmp/${name}`)];
}

async function run(c: FullDiskCase): Promise<FullDiskOutcome> {
  const before = fingerprint(outDir);
  const folder = c.disk === 'out' ? outDisk : tmpDisk;
  let filler: string | undefined;
  let outcome: { ok: boolean; report: string; exitCode?: number };
  try {
    if (c.at === 'start') {
      // As a person runs it: the command line, its exit code and everything it prints.
      filler = fill(folder);
      const cli = spawnSync(process.execPath, [path.resolve('scripts/build.ts'), '--content', contentDir, '--out', outDir], {
        encoding: 'utf8',
      });
      outcome = { ok: cli.status === 0, report: cli.stderr.trim(), exitCode: cli.status ?? undefined };
    } else {
      const result = await build({
        contentDir,
        outDir,
        cache: c.cache,
        onStage: (stage) => {
          if (stage === c.at && !filler) filler = fill(folder);
        },
      });
      outcome = { ok: result.ok, report: reportBuild(result) };
    }
  } finally {
    if (filler) rmSync(filler);
  }
  return { case: c, ...outcome, distUnchanged: fingerprint(outDir) === before, leftovers: leftovers() };
}

mkdirSync(tmpDisk, { recursive: true });
const first = await build({ contentDir, outDir });
if (!first.ok) throw new Error(reportBuild(first));
const action = path.join(contentDir, 'hampshire/actions/deliver-training.md');
writeFileSync(action, readFileSync(action, 'utf8').replace(/^title: .*$/m, 'title: Built once there was room'));

const outcomes: FullDiskOutcome[] = [];
for (const c of JSON.parse(casesJson) as FullDiskCase[]) outcomes.push(await run(c));
const last = await build({ contentDir, outDir });
const page = path.join(outDir, 'hampshire/actions/deliver-training/index.html');
console.log(
  JSON.stringify({
    outcomes,
    afterwards: {
      ok: last.ok,
      report: reportBuild(last),
      published: existsSync(page) && readFileSync(page, 'utf8').includes('Built once there was room'),
    },
  }),
);
