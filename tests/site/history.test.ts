/** "Last updated" from git (or file times outside git) and "Edit this page" on the built pages. */
import { execFileSync } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { page } from '../helpers/site.ts';

const trees: ContentTree[] = [];
afterAll(() => trees.forEach((t) => t.remove()));

const historyOf = (html: string) => /class="page-history[^"]*">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';

describe('page history', () => {
  it('takes "Last updated" from the last commit of the file, and links to edit it in the repository', async () => {
    const base = validTree('hampshire');
    const tree = writeTree({
      ...base,
      'hampshire/partnership.md': base['hampshire/partnership.md'].replace(
        'area: Hampshire',
        'area: Hampshire\nrepository: https://github.com/example/plan\nbranch: live',
      ),
    });
    trees.push(tree);
    const git = (args: string[], date: string) =>
      execFileSync('git', args, {
        cwd: tree.root,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.org',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.org',
        },
      });
    git(['init', '-q'], '2021-01-01T12:00:00Z');
    git(['add', '.'], '2021-01-01T12:00:00Z');
    git(['commit', '-qm', 'first'], '2021-01-01T12:00:00Z');
    const action = path.join(tree.contentDir, 'hampshire/actions/deliver-training.md');
    writeFileSync(action, readFileSync(action, 'utf8').replace('status: in-progress', 'status: complete'));
    git(['commit', '-qam', 'done'], '2021-06-30T12:00:00Z');

    const outDir = path.join(tree.root, 'dist');
    expect((await build({ contentDir: tree.contentDir, outDir })).ok).toBe(true);
    const actionHistory = historyOf(page('/hampshire/actions/deliver-training/', outDir));
    expect(actionHistory).toContain('Last updated <time datetime="2021-06-30">30 June 2021</time>');
    expect(actionHistory).toContain('href="https://github.com/example/plan/edit/live/content/hampshire/actions/deliver-training.md"');
    expect(historyOf(page('/hampshire/groups/training-sub-group/', outDir))).toContain('1 January 2021');
    // A page gathering many files is as recent as the newest of them.
    expect(historyOf(page('/hampshire/groups/', outDir))).toContain('30 June 2021');
  });

  it('falls back to the file time outside git, with no edit link when no repository is named', async () => {
    const tree = writeTree(validTree('hampshire'));
    trees.push(tree);
    const action = path.join(tree.contentDir, 'hampshire/actions/deliver-training.md');
    const when = new Date('2022-02-14T10:00:00Z');
    utimesSync(action, when, when);
    const outDir = path.join(tree.root, 'dist');
    expect((await build({ contentDir: tree.contentDir, outDir })).ok).toBe(true);
    const history = historyOf(page('/hampshire/actions/deliver-training/', outDir));
    expect(history).toContain('14 February 2022');
    expect(history).not.toContain('Edit this page');
  });
});
