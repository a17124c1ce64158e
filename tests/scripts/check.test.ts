/**
 * `npm run check` (scripts/check.ts) as an author runs it: a real process, from a project
 * folder, asserting on its exit code and what it prints.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, treeWithEightErrors, validTree, writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';
import { userEnvironment } from '../helpers/env.ts';

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const script = fileURLToPath(new URL('../../scripts/check.ts', import.meta.url));

let written: ContentTree | undefined;
afterEach(() => {
  written?.remove();
  written = undefined;
});

/** Writes the tree and runs the check from the folder holding `content/`. */
function runCheck(tree: Tree, args: string[] = ['--content', 'content'], env: Record<string, string> = {}) {
  written = writeTree(tree);
  const inherited = userEnvironment();
  const run = spawnSync(node, [script, ...args], {
    cwd: written.root,
    encoding: 'utf8',
    env: { ...inherited, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run check', () => {
  it('exits 0 and prints the one-line summary for a valid tree, with its warnings counted', () => {
    const run = runCheck(validTree());
    // No errors; the warnings are the three ended years' reports, none written nor published: one each.
    expect(run.stderr.match(/^error /gm)).toBeNull();
    expect(run.stderr.match(/^warning content\/hampshire\/years\/20\d\d-\d\d\.md$/gm)).toHaveLength(3);
    expect(run.stdout).toMatchInlineSnapshot(`
      "Checked 8 files: 1 partnership, 1 plan, 1 priority, 1 objective, 1 action, 1 group, 3 reporting years.
      0 errors, 3 warnings: the site can be built, but the warnings above are worth a look.
      "
    `);
    expect(run.status).toBe(0);
  });

  it('reads --content=DIR too', () => {
    const run = runCheck(validTree(), ['--content=content']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Checked 8 files: /);
  });

  it('reads the folder from PLAN_CONTENT when there is no --content', () => {
    const run = runCheck(validTree(), [], { PLAN_CONTENT: 'content' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Checked 8 files: /);
  });

  it('prints every problem, then how many, and exits 1', () => {
    const run = runCheck(treeWithEightErrors());
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.match(/^error /gm)).toHaveLength(8);
    // The same problems, in the same words, as checkContent gives (pinned in tests/model/check.test.ts).
    const { problems } = checkTree(treeWithEightErrors());
    expect(run.stderr.startsWith(`${problems.map(formatProblem).join('\n')}\n`)).toBe(true);
    expect(run.stderr).toMatch(/\n8 errors(?:, \d+ warnings?)? found\. /);
  });

  it('says "1 error" for one', () => {
    const tree = validTree();
    const run = runCheck({ ...tree, 'hampshire/actions/deliver-training.md': '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\n1 error(?:, \d+ warnings?)? found\. /);
  });

  it('never prints the escape sequences a file name or a value holds: it shows them as \\x1b', () => {
    const tree = validTree();
    const run = runCheck({
      ...tree,
      'hampshire/actions/\u001b[31mevil.md': tree['hampshire/actions/deliver-training.md'],
      'hampshire/actions/deliver-training.md': tree['hampshire/actions/deliver-training.md'].replace(
        'status: in-progress',
        'status: "\\e]8;;https://evil.example/\\aall fine\\e]8;;\\a\\r"',
      ),
    });
    expect(run.status).toBe(1);
    expect(run.stderr.replace(/\n/g, '')).not.toMatch(/\p{Cc}/u);
    expect(run.stderr).toContain('content/hampshire/actions/\\x1b[31mevil.md');
    expect(run.stderr).toContain('\\x1b]8;;https://evil.example/\\x07all fine\\x1b]8;;\\x07\\r');
  });

  it('exits 1 when the content folder does not exist', () => {
    const run = runCheck({}, ['--content', 'no-such-folder']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error no-such-folder\n {4}the content folder does not exist\n/);
  });

  it('warns, with file, line and the days the plan runs, about a due date after the plan ends and an update before it starts, and exits 0', () => {
    const tree = validTree();
    const action = 'hampshire/actions/deliver-training.md';
    const run = runCheck({
      ...tree,
      // The plan, Business Plan 2020-23, runs from 1 April 2020 to 31 March 2023.
      [action]: tree[action]
        .replace('status: in-progress\n', 'status: in-progress\ndue: 2035-03-31\n')
        .replace('progress:\n', 'progress:\n  - date: 2019-06-30\n    text: Planned before the plan.\n'),
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      [
        'warning content/hampshire/actions/deliver-training.md:10',
        '    due: the due date "2035-03-31" is after the plan "Business Plan 2020-23" ends: the plan runs from 1 April 2020 to 31 March 2023',
      ].join('\n'),
    );
    expect(run.stderr).toContain(
      [
        'warning content/hampshire/actions/deliver-training.md:12',
        '    progress[0].date: the progress update dated 30 June 2019 is before the plan "Business Plan 2020-23" starts: the plan runs from 1 April 2020 to 31 March 2023',
      ].join('\n'),
    );
    expect(run.stderr.match(/^error /gm)).toBeNull();
    expect(run.stdout).toContain('0 errors, 5 warnings: the site can be built');
  });
});
