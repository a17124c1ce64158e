/**
 * A full disk, at every step of the build: one plain message (never a stack trace), exit
 * non-zero, dist/ exactly as it was, nothing left behind, and the next build, with room, works.
 *
 * The disks are real: tmpfs file systems of 32 MB, mounted in a mount namespace of the test's
 * own (`unshare`, as root or, for anyone else, in a user namespace), so nothing outside the test
 * sees them, and filled up at a chosen moment of a real build (tests/helpers/full-disk-build.ts).
 * On Linux without mount namespaces the tests fail and say why; on other systems, which have
 * none, they are reported as skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskFullMessage } from '../../src/builder/file-errors.ts';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import type { FullDiskCase, FullDiskOutcome } from '../helpers/full-disk-build.ts';

const trees: ContentTree[] = [];
afterAll(() => trees.forEach((t) => t.remove()));

/** `unshare` for a private mount namespace: a user namespace too when not root. */
const unshare = ['--mount', '--propagation', 'private', ...(process.getuid?.() === 0 ? [] : ['--user', '--map-root-user'])];

/** Runs the driver with `<disk>/out` and `<disk>/tmp` as 32 MB tmpfs file systems of its own. */
function onSmallDisks(contentDir: string, disk: string, cases: FullDiskCase[]) {
  for (const name of ['out', 'tmp']) mkdirSync(path.join(disk, name), { recursive: true });
  const mount = 'mount -t tmpfs -o size=32m tmpfs "$1" && mount -t tmpfs -o size=32m tmpfs "$2" && shift 2 && exec "$@"';
  return spawnSync(
    'unshare',
    [
      ...unshare,
      'sh',
      '-c',
      mount,
      'sh',
      path.join(disk, 'out'),
      path.join(disk, 'tmp'),
      process.execPath,
      path.resolve('tests/helpers/full-disk-build.ts'),
      contentDir,
      disk,
      JSON.stringify(cases),
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
}

const cases: Array<[string, FullDiskCase, string]> = [
  ['before it starts (the lock)', { disk: 'out', at: 'start' }, 'starting'],
  ['while Astro renders the pages', { disk: 'out', at: 'checked' }, 'rendering the pages'],
  ['for the temporary folder, before Astro starts', { disk: 'tmp', at: 'checked' }, 'writing the new site'],
  ['while Pagefind indexes the site', { disk: 'out', at: 'rendered' }, 'indexing the sites for search'],
  ['while the output is kept for the next build', { disk: 'out', at: 'indexed' }, 'writing the new site'],
  ['while publishing (writing the headers)', { disk: 'out', at: 'indexed', cache: false }, 'publishing the new site'],
];

describe.runIf(process.platform === 'linux')('a build on a full disk', () => {
  let outcomes: FullDiskOutcome[] = [];
  let afterwards: { ok: boolean; report: string; published: boolean };
  let disk = '';

  beforeAll(() => {
    const t = writeTree(validTree('hampshire'));
    trees.push(t);
    disk = path.join(t.root, 'disk');
    const run = onSmallDisks(
      t.contentDir,
      disk,
      cases.map(([, c]) => c),
    );
    if (run.status !== 0)
      throw new Error(
        `Could not build on small tmpfs disks in a mount namespace (run the tests as root, or allow unprivileged user namespaces: sysctl kernel.unprivileged_userns_clone=1):\n${run.stderr}`,
      );
    ({ outcomes, afterwards } = JSON.parse(run.stdout) as { outcomes: FullDiskOutcome[]; afterwards: typeof afterwards });
  }, 300_000);

  it.each(cases.map(([name, , step], i) => [name, step, i] as const))(
    'full %s: one plain message, dist/ as it was, nothing left behind',
    (_, step, i) => {
      const outcome = outcomes[i];
      expect(outcome.ok).toBe(false);
      expect(outcome.report).toBe(
        `The disk is full: the build ran out of space while ${step} (writing in ${path.join(disk, outcome.case.disk)}). Free some space and build again; dist/ was left as it was.`,
      );
      if (outcome.exitCode !== undefined) expect(outcome.exitCode).toBe(1);
      expect(outcome.distUnchanged).toBe(true);
      expect(outcome.leftovers).toEqual([]);
    },
  );

  it('builds and publishes once there is room again', () => {
    expect(afterwards.ok, afterwards.report).toBe(true);
    expect(afterwards.published).toBe(true);
  });
});

describe('the full-disk message', () => {
  it('says when a disk quota, rather than the disk, is used up', () => {
    const quota = Object.assign(new Error("EDQUOT: disk quota exceeded, write '/home/me/plan/dist.building-1-2/index.html'"), {
      code: 'EDQUOT',
      path: '/home/me/plan/dist.building-1-2/index.html',
    });
    expect(diskFullMessage(quota, 'rendering the pages', '/home/me/plan/dist')).toBe(
      'The disk quota is used up: the build ran out of space while rendering the pages (writing in /home/me/plan). Free some space and build again; dist/ was left as it was.',
    );
  });
});
