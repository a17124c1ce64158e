/**
 * `npm run check -- --watch`: a report on start, a fresh one after each save, and a clean
 * stop on Ctrl+C (SIGINT).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { userEnvironment } from '../helpers/env.ts';

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const script = fileURLToPath(new URL('../../scripts/check.ts', import.meta.url));

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

describe('npm run check -- --watch', () => {
  it('checks on start, again after a save, and stops on Ctrl+C', async () => {
    tree = writeTree(validTree());
    const env = userEnvironment();
    const child = spawn(node, [script, '--content', 'content', '--watch'], { cwd: tree.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const until = async (pattern: RegExp, count = 1) => {
      const deadline = Date.now() + 30_000;
      while ((out.match(new RegExp(pattern.source, 'g'))?.length ?? 0) < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output so far:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code: number | null) => resolve(code)));
    try {
      await until(/Watching content\/ for changes\. Press Ctrl\+C to stop\./);
      // The check's warnings (the bundled years' reports not written) come before its count.
      expect(out).toMatch(/^\n-{72}\n\[\d\d:\d\d:\d\d\] Checking content\/\n\n(?:warning [^\n]+\n(?: {4}[^\n]*\n)+)*\n?Checked 8 files: /);

      writeFileSync(
        path.join(tree.contentDir, 'hampshire/groups/training-sub-group.md'),
        '---\nname: Training Sub-Group\nkind: sub-grup\n---\n',
      );
      await until(/Watching content\//, 2);
      const second = out.slice(out.lastIndexOf('-'.repeat(72)));
      expect(second).toMatch(/\[\d\d:\d\d:\d\d\] Checking content\/ after changes to hampshire\/groups\/training-sub-group\.md/);
      expect(second).toContain('error content/hampshire/groups/training-sub-group.md:3\n    kind: expected one of');
      expect(second).toContain('did you mean "sub-group"?');
      expect(second).toMatch(/\n1 error(?:, \d+ warnings?)? found\. Nothing was built;/);

      // A file name holding an escape sequence is shown escaped, never obeyed by the terminal.
      writeFileSync(path.join(tree.contentDir, 'hampshire/actions/\u001b[31mevil.md'), '---\ntitle: Evil\n---\n');
      await until(/Watching content\//, 3);
      const third = out.slice(out.lastIndexOf('-'.repeat(72)));
      expect(third).toContain('after changes to hampshire/actions/\\x1b[31mevil.md');
      expect(out).not.toContain('\u001b');

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toMatch(/Stopped watching\.\n$/);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
