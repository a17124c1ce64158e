/**
 * "Last updated" from git (or file times outside git) and "Edit this page" on the built pages.
 * One build shows both kinds of paragraph: a partnership that names its repository, whose files
 * are dated by their last commit, and one that does not, with a file changed since its commit,
 * dated by the file's time. Outside git, where no commit dates anything, the dates the build
 * hands its pages are read by the same function, asked directly.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, reportBuild } from '../../src/builder/build.ts';
import { fileHistories } from '../../src/site/history.ts';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { page } from '../helpers/site.ts';

const trees: ContentTree[] = [];
afterAll(() => trees.forEach((t) => t.remove()));

const historyOf = (html: string) => /class="page-history[^"]*">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';

/** Runs git in the tree as of a date, by a made-up author. */
function git(tree: ContentTree, args: string[], date: string) {
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
}

const edit = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

describe('page history in a git repository', () => {
  let outDir: string;
  beforeAll(async () => {
    const hampshire = validTree('hampshire');
    const tree = writeTree({
      ...hampshire,
      'hampshire/partnership.md': hampshire['hampshire/partnership.md'].replace(
        'area: Hampshire',
        'area: Hampshire\nrepository: https://github.com/example/plan\nbranch: live',
      ),
      ...validTree('hounslow'),
    });
    trees.push(tree);
    git(tree, ['init', '-q'], '2021-01-01T12:00:00Z');
    git(tree, ['add', '.'], '2021-01-01T12:00:00Z');
    git(tree, ['commit', '-qm', 'first'], '2021-01-01T12:00:00Z');
    edit(path.join(tree.contentDir, 'hampshire/actions/deliver-training.md'), 'status: in-progress', 'status: complete');
    git(tree, ['commit', '-qam', 'done'], '2021-06-30T12:00:00Z');
    // Hounslow's action, changed since its last commit: its own time is its date.
    const changed = path.join(tree.contentDir, 'hounslow/actions/deliver-training.md');
    edit(changed, 'status: in-progress', 'status: complete');
    const when = new Date('2022-02-14T10:00:00Z');
    utimesSync(changed, when, when);

    outDir = path.join(tree.root, 'dist');
    const result = await build({ contentDir: tree.contentDir, outDir });
    expect(result.ok, reportBuild(result)).toBe(true);
  });

  it('takes "Last updated" from the last commit of the file, and links to edit it in the repository', () => {
    const actionHistory = historyOf(page('/hampshire/actions/deliver-training/', outDir));
    expect(actionHistory).toContain('Last updated <time datetime="2021-06-30">30 June 2021</time>');
    expect(actionHistory).toContain('href="https://github.com/example/plan/edit/live/content/hampshire/actions/deliver-training.md"');
    expect(historyOf(page('/hampshire/groups/training-sub-group/', outDir))).toContain('1 January 2021');
    // A page gathering many files is as recent as the newest of them.
    expect(historyOf(page('/hampshire/groups/', outDir))).toContain('30 June 2021');
  });

  it('takes the file time of a file changed since its last commit, with no edit link when no repository is named', () => {
    const history = historyOf(page('/hounslow/actions/deliver-training/', outDir));
    expect(history).toContain('Last updated <time datetime="2022-02-14">14 February 2022</time>');
    expect(history).not.toContain('Edit this page');
    expect(historyOf(page('/hounslow/groups/training-sub-group/', outDir))).toContain('1 January 2021');
  });
});

describe('page history outside git', () => {
  it('dates each file by its file time', () => {
    const tree = writeTree(validTree('hampshire'));
    trees.push(tree);
    const action = path.join(tree.contentDir, 'hampshire/actions/deliver-training.md');
    const group = path.join(tree.contentDir, 'hampshire/groups/training-sub-group.md');
    utimesSync(action, new Date('2022-02-14T10:00:00Z'), new Date('2022-02-14T10:00:00Z'));
    utimesSync(group, new Date('2021-11-05T10:00:00Z'), new Date('2021-11-05T10:00:00Z'));
    const dates = fileHistories(tree.contentDir, [action, group]);
    expect([dates[action].updated, dates[group].updated]).toEqual(['2022-02-14', '2021-11-05']);
  });
});
