/**
 * What the one walker of the content folder reads, skips and refuses (src/model/walk.ts): drafts
 * are skipped and counted; files that look like content but will not be read are reported;
 * symlinks out of the folder, dangling links, loops, unreadable and non-UTF-8 files are
 * ordinary errors naming the file, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, summarise } from '../../src/model/check.ts';
import { formatProblem, type Problem } from '../../src/model/problems.ts';
import { md, validTree, writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';

let written: ContentTree | undefined;
afterEach(() => {
  written?.remove();
  written = undefined;
});

/** A problem's file as a `/`-separated path from the tree's root, like content/hampshire/x.md. */
const fromRoot = (p: Problem) => ({ ...p, file: path.relative(written!.root, path.resolve(p.file)).split(path.sep).join('/') });

/** Writes the tree, lets the test add what a string tree cannot hold, then checks it. */
function check(tree: Tree, arrange: (contentDir: string, root: string) => void = () => {}) {
  written = writeTree(tree);
  arrange(written.contentDir, written.root);
  const result = checkContent(written.contentDir);
  return { result, problems: result.problems.map(fromRoot) };
}

/**
 * The real check, in a process of its own run by a user who is not root: root reads any file
 * whatever its permissions say, and CI runs as root. Root drops to the user nobody (65534) with
 * setpriv (util-linux) for it; anyone else is unprivileged already.
 */
function checkUnprivileged(contentDir: string): Problem[] {
  const module = JSON.stringify(pathToFileURL(path.resolve('src/model/check.ts')).href);
  const program = `import { checkContent } from ${module}; process.stdout.write(JSON.stringify(checkContent(process.argv[1]).problems));`;
  const node = [process.execPath, '--input-type=module', '-e', program, contentDir];
  const [command, ...args] = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
  const run = spawnSync(command, args, { encoding: 'utf8' });
  expect(run.status, `${command} ${run.error?.message ?? ''}\n${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as Problem[];
}

const errors = (problems: Problem[]) => problems.filter((p) => p.severity !== 'warning');
const warnings = (problems: Problem[]) => problems.filter((p) => p.severity === 'warning');

const draft = md`
  ---
  title: A private draft
  order: 9
  objective: understand-neglect
  ---
`;

describe('drafts and private files', () => {
  it('skips files and folders whose names start with "_", in every folder and at the top, and counts them', () => {
    const { result, problems } = check({
      ...validTree(),
      'hampshire/actions/_draft-idea.md': draft,
      'hampshire/actions/_old/retired.md': draft,
      '_archive/partnership.md': md`
        ---
        name: Old partnership
        shortName: OLD
        area: Nowhere
        ---
      `,
    });
    expect(problems).toEqual([]);
    expect(result.index.partnerships.map((p) => p.id)).toEqual(['hampshire']);
    expect(result.index.partnership('hampshire')!.actions.map((a) => a.id)).toEqual(['deliver-training']);
    expect(summarise(result)).toContain('3 drafts skipped');
  });
});

describe('files that look like content but are not read', () => {
  it.each([
    ['hampshire/actions/new-thing.MD', 'new-thing.md'],
    ['hampshire/actions/new-thing.markdown', 'new-thing.md'],
    ['hampshire/actions/new-thing.md.txt', 'new-thing.md'],
    ['hampshire/actions/new-thing.Md', 'new-thing.md'],
  ])('refuses %s, naming the file it should be', (file, renamed) => {
    const { problems } = check({ ...validTree(), [file]: draft });
    expect(errors(problems)).toHaveLength(1);
    expect(errors(problems)[0].file).toBe(`content/${file}`);
    expect(errors(problems)[0].message).toContain('not read');
    expect(errors(problems)[0].hint).toContain(renamed);
  });

  it('warns about a README.md inside a partnership folder, which is never published', () => {
    const { problems } = check({ ...validTree(), 'hampshire/actions/README.md': '# Notes for the team\n' });
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems).map(formatProblem)).toEqual([
      'warning content/hampshire/actions/README.md\n    README files are never published\n    hint: keep notes for the team in content/README.md or outside content/, or start the name with "_" to mark it private',
    ]);
  });

  it('warns about other files left in the content folder, and keeps the guide quiet', () => {
    const { problems } = check({ ...validTree(), 'README.md': '# The guide\n', 'hampshire/actions/minutes.docx': 'binary' });
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems).map((p) => p.file)).toEqual(['content/hampshire/actions/minutes.docx']);
  });
});

describe('symlinks and unreadable files', () => {
  it('refuses a symlink that points outside the content folder', () => {
    const { problems } = check(validTree(), (contentDir, root) => {
      writeFileSync(path.join(root, 'secret.md'), draft);
      symlinkSync(path.join(root, 'secret.md'), path.join(contentDir, 'hampshire/actions/linked.md'));
    });
    expect(errors(problems).map(formatProblem)).toEqual([
      'error content/hampshire/actions/linked.md\n    this is a link to a file outside the content folder, which is never read\n    hint: copy the file into the content folder instead of linking to it',
    ]);
  });

  it('refuses a linked folder that points outside the content folder', () => {
    const { problems } = check(validTree(), (contentDir, root) => {
      mkdirSync(path.join(root, 'elsewhere'));
      writeFileSync(path.join(root, 'elsewhere/x.md'), draft);
      symlinkSync(path.join(root, 'elsewhere'), path.join(contentDir, 'hampshire/actions/more'));
    });
    expect(errors(problems).map((p) => [p.file, p.message])).toEqual([
      ['content/hampshire/actions/more', 'this is a link to a folder outside the content folder, which is never read'],
    ]);
  });

  it('reads a symlink that stays inside the content folder', () => {
    const { result, problems } = check(validTree(), (contentDir) => {
      mkdirSync(path.join(contentDir, '_shared'));
      writeFileSync(path.join(contentDir, '_shared/group.md'), '---\nname: Board\nkind: board\n---\n');
      symlinkSync(path.join(contentDir, '_shared/group.md'), path.join(contentDir, 'hampshire/groups/board.md'));
    });
    expect(errors(problems)).toEqual([]);
    expect(result.index.partnership('hampshire')!.groups.map((g) => g.id)).toContain('board');
  });

  it('reports a dangling link and a link loop as errors naming the file', () => {
    const { problems } = check(validTree(), (contentDir) => {
      symlinkSync(path.join(contentDir, 'nowhere.md'), path.join(contentDir, 'hampshire/actions/gone.md'));
      symlinkSync(path.join(contentDir, 'hampshire/actions/loop-b.md'), path.join(contentDir, 'hampshire/actions/loop-a.md'));
      symlinkSync(path.join(contentDir, 'hampshire/actions/loop-a.md'), path.join(contentDir, 'hampshire/actions/loop-b.md'));
    });
    expect(errors(problems).map((p) => [p.file, p.message])).toEqual([
      ['content/hampshire/actions/gone.md', 'this is a link to a file that does not exist'],
      ['content/hampshire/actions/loop-a.md', 'this link leads round in a loop and never reaches a file'],
      ['content/hampshire/actions/loop-b.md', 'this link leads round in a loop and never reaches a file'],
    ]);
  });

  it('reports a file it is not allowed to read', () => {
    written = writeTree(validTree());
    chmodSync(path.join(written.contentDir, 'hampshire/actions/deliver-training.md'), 0);
    // Everyone may reach the rest, as its owner may: the temporary folder is its owner's alone.
    chmodSync(written.root, 0o755);
    const problems = checkUnprivileged(written.contentDir).map(fromRoot);
    expect(errors(problems).map((p) => [p.file, p.message])).toEqual([
      ['content/hampshire/actions/deliver-training.md', 'the file cannot be read: permission denied'],
    ]);
  });
});

describe('text encodings', () => {
  it('refuses a file saved as Windows-1252, naming the line and the fix', () => {
    const { problems } = check(validTree(), (contentDir) => {
      const text = '---\ntitle: Children\x92s voices\norder: 2\nobjective: understand-neglect\n---\nCaf\xe9 \x96 \xa3100\n';
      writeFileSync(path.join(contentDir, 'hampshire/actions/windows.md'), Buffer.from(text, 'latin1'));
    });
    expect(errors(problems).map(formatProblem)).toEqual([
      'error content/hampshire/actions/windows.md:2\n    the file is not saved as UTF-8 text: line 2 looks like Windows-1252 ("title: Children’s voices")\n    hint: open it in your editor and save it with the encoding "UTF-8"',
    ]);
  });

  it('refuses a file saved as UTF-16', () => {
    const { problems } = check(validTree(), (contentDir) => {
      const text = '\uFEFF---\ntitle: Wide\norder: 2\nobjective: understand-neglect\n---\n';
      writeFileSync(path.join(contentDir, 'hampshire/actions/wide.md'), Buffer.from(text, 'utf16le'));
    });
    expect(errors(problems).map((p) => [p.file, p.message])).toEqual([
      ['content/hampshire/actions/wide.md', 'the file is saved as UTF-16, not UTF-8 text'],
    ]);
  });
});
