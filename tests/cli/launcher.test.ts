/**
 * bin/plan-publisher.cjs, the `plan-publisher` command: it finds a Node that can run the tool.
 * The cases with an older Node run where the machine has one (Debian's Node 20 here and in CI).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const launcher = fileURLToPath(new URL('../../bin/plan-publisher.cjs', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const broughtNode = (
  JSON.parse(readFileSync(new URL('../../node_modules/node/package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** A Node older than the tool needs, if this machine has one. */
const olderNode = ['/usr/bin/node', '/usr/local/bin/node'].find((candidate) => {
  const run = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
  const [major, minor] = (run.stdout ?? '').replace(/^v/, '').split('.').map(Number);
  return run.status === 0 && (major < 22 || (major === 22 && minor < 12));
});

describe('plan-publisher, the launcher', () => {
  it('runs the command line on the running Node when it is new enough', () => {
    const run = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8' });
    expect(run.stdout).toBe(`plan-publisher ${version} (Node ${process.versions.node})\n`);
    expect(run.status).toBe(0);
  });

  it('passes on the exit code and the words of the command it ran', () => {
    const run = spawnSync(process.execPath, [launcher, 'chek'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: "chek" is not a plan-publisher command; did you mean "check"?');
  });

  it.skipIf(!olderNode)('on an older Node, runs the command line on the Node the tool brings', () => {
    const run = spawnSync(olderNode!, [launcher, '--version'], { encoding: 'utf8' });
    expect(run.stdout).toBe(`plan-publisher ${version} (Node ${broughtNode})\n`);
    expect(run.status).toBe(0);
  });

  it.skipIf(!olderNode)('on an older Node, with no Node brought, says what to do', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-launcher-'));
    try {
      mkdirSync(path.join(folder, 'bin'));
      copyFileSync(launcher, path.join(folder, 'bin/plan-publisher.cjs'));
      const run = spawnSync(olderNode!, [path.join(folder, 'bin/plan-publisher.cjs'), 'check'], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Plan Publisher needs Node.js 22.12 or later, and this computer is running Node.js');
      // Both ways out, each a command to copy: a current Node, or npm bringing Node 24 (for a plan's folder, and for init).
      expect(run.stderr).toContain('https://nodejs.org/');
      expect(run.stderr).toContain('\n      npm install node@24\n');
      expect(run.stderr).toContain('\n      npx --package=node@24 --package=plan-publisher -- plan-publisher init');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
