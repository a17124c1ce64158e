/**
 * Stage 1, parse (src/model/load.ts): files that cannot be read as content, files in the
 * wrong place, and the editor quirks (byte-order mark, Windows line endings) that must not
 * count as problems. Every case runs the whole check over a real folder.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/model/check.ts';
import { parseSource } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, md, validTree, where, writeTree, type Tree } from '../helpers/content-tree.ts';

/** Checks a tree that should have exactly one problem, and returns it. */
function onlyProblem(tree: Tree) {
  const { problems } = checkTree(tree);
  expect(problems.map(formatProblem)).toHaveLength(1);
  return problems[0];
}

const action = 'hampshire/actions/deliver-training.md';

describe('files that cannot be read', () => {
  it('reports an empty file', () => {
    const problem = onlyProblem({ ...validTree(), [action]: '' });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: undefined, field: undefined });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md
          the file is empty
          hint: start it with frontmatter between two "---" lines; \`npm run new\` writes a valid file"
    `);
  });

  it('reports a file of only blank lines as empty', () => {
    const problem = onlyProblem({ ...validTree(), [action]: '\n  \n\n' });
    expect(problem.message).toBe('the file is empty');
  });

  it('reports a file with no frontmatter, on line 1', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 1, field: undefined });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:1
          the file has no frontmatter
          hint: the first line must be "---", then the fields, then another "---""
    `);
  });

  it('reads a reporting year with no frontmatter at all as a year with only a body: it needs no field', () => {
    // The editor on GitHub writes a year file so once its last field is emptied.
    const year = 'hampshire/years/2021-22.md';
    const { problems, result } = checkTree({
      ...validTree(),
      [year]: 'Our foreword for the year.\n\n## Impact on children and families\n',
    });
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(result.entries.find((e) => e.type === 'year' && e.id === '2021-22')?.body).toBe(
      'Our foreword for the year.\n\n## Impact on children and families\n',
    );
    // Its body's problems keep their lines: a link the site will not carry, on line 3 of the file.
    const problem = onlyProblem({ ...validTree(), [year]: 'Our foreword for the year.\n\n[Read more](javascript:alert(1))\n' });
    expect(where(problem)).toEqual({ file: `content/${year}`, line: 3, field: 'body' });
  });

  it('reports frontmatter that is never closed, on line 1', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect

        Deliver multi-agency training on neglect.
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 1 });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:1
          the frontmatter is never closed
          hint: add a line "---" after the last field"
    `);
  });

  it('reports malformed YAML on the line it goes wrong', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        groups:
          - training-sub-group
         - safeguarding-board
        ---
      `,
    });
    // gray-matter leaves the rest of the opening "---" line on the front of the YAML it
    // parses, so the YAML's line 1 is the file's line 1.
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 7 });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:7
          the frontmatter is not valid YAML: bad indentation of a mapping entry
          hint: check indentation and quote any value that contains ": " or starts with a special character"
    `);
  });

  it('reports an unquoted ": " inside a value on its line', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        order: 1
        title: Training: phase 2
        objective: understand-neglect
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 3 });
    expect(problem.message).toMatch(/^the frontmatter is not valid YAML: /);
  });

  it('reports a field written twice', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        order: 2
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 5 });
    expect(problem.message).toMatch(/^the frontmatter is not valid YAML: duplicated mapping key/);
  });

  it('reports frontmatter that is a list rather than fields', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        - title: Deliver neglect training
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 2 });
    expect(problem.message).toBe('the frontmatter is not a list of "field: value" lines');
  });
});

describe('files in the wrong place', () => {
  it('reports a file in a folder the tool does not know', () => {
    const tree = validTree();
    const { problems } = checkTree({ ...tree, 'hampshire/action/deliver-training.md': tree[action] });
    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toEqual({ file: 'content/hampshire/action/deliver-training.md', line: undefined, field: undefined });
    expect(formatProblem(problems[0])).toMatchInlineSnapshot(`
      "error content/hampshire/action/deliver-training.md
          this file is not in a folder the tool knows
          hint: put it in one of content/hampshire/plans/, content/hampshire/years/, content/hampshire/groups/, content/hampshire/priorities/, content/hampshire/objectives/, content/hampshire/actions/, content/hampshire/measures/, content/hampshire/reviews/, content/hampshire/pages/, or name it content/hampshire/partnership.md"
    `);
  });

  it('reports a stray Markdown file at the top of a partnership folder', () => {
    const problem = onlyProblem({ ...validTree(), 'hampshire/notes.md': '# Notes\n' });
    expect(problem).toMatchObject({ file: 'content/hampshire/notes.md', message: 'this file is not in a folder the tool knows' });
  });

  it('reports a file whose name is not a valid id', () => {
    const { problems } = checkTree({
      ...validTree(),
      'hampshire/groups/Safeguarding Board.md': md`
        ---
        name: Safeguarding Board
        kind: board
        ---
      `,
    });
    expect(problems.map((p) => p.file)).toEqual(['content/hampshire/groups/Safeguarding Board.md']);
  });

  it('reports a partnership folder without partnership.md, once, against the folder', () => {
    const tree = validTree();
    delete tree['hampshire/partnership.md'];
    const problem = onlyProblem(tree);
    expect(where(problem)).toEqual({ file: 'content/hampshire', line: undefined, field: undefined });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire
          the partnership folder "hampshire" has no partnership.md
          hint: add content/hampshire/partnership.md with the partnership's name, short name and area"
    `);
  });

  it('does not also say partnership.md is missing when it exists but cannot be read', () => {
    const problem = onlyProblem({ ...validTree(), 'hampshire/partnership.md': '' });
    expect(problem).toMatchObject({ file: 'content/hampshire/partnership.md', message: 'the file is empty' });
  });

  it('reports a content folder that does not exist', () => {
    const tree = writeTree({});
    try {
      const { problems } = checkContent(path.join(tree.root, 'missing'));
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toBe('the content folder does not exist');
      expect(problems[0].hint).toBe('create it, or point the tool at your plan with --content DIR');
    } finally {
      tree.remove();
    }
  });

  it('checks an empty content folder without problems', () => {
    const { problems, result } = checkTree({});
    expect(problems).toEqual([]);
    expect(result.fileCount).toBe(0);
  });

  it('skips drafts starting with "_" and hidden folders, and warns that a README.md in a partnership folder is not published', () => {
    const { problems, result } = checkTree({
      ...validTree(),
      'hampshire/README.md': 'How this folder works.\n',
      'hampshire/actions/_draft.md': 'not yet\n',
      'hampshire/.obsidian/notes.md': 'editor files\n',
      '_archive/old/partnership.md': '',
    });
    expect(problems.map((p) => [p.severity, p.file, p.message])).toEqual([
      ['warning', 'content/hampshire/README.md', 'README files are never published'],
    ]);
    expect(result.fileCount).toBe(8);
    expect(result.drafts.map((d) => path.basename(d))).toEqual(['_archive', '_draft.md']);
  });

  it('accepts actions in nested folders', () => {
    const { [action]: text, ...tree } = validTree();
    const { problems, result } = checkTree({ ...tree, 'hampshire/actions/2020-21/deliver-training.md': text });
    expect(problems).toEqual([]);
    expect(result.index.partnership('hampshire')?.actions.map((a) => a.id)).toEqual(['deliver-training']);
  });
});

describe('editor quirks are accepted', () => {
  const withBom = (text: string) => `\uFEFF${text}`;
  const withCrlf = (text: string) => text.replace(/\n/g, '\r\n');

  it('accepts a byte-order mark at the start of a file', () => {
    const tree = validTree();
    const { problems } = checkTree({
      ...tree,
      [action]: withBom(tree[action]),
      'hampshire/partnership.md': withBom(tree['hampshire/partnership.md']),
    });
    expect(problems).toEqual([]);
  });

  it('accepts Windows (CRLF) line endings', () => {
    const tree = validTree();
    const crlf = Object.fromEntries(Object.entries(tree).map(([file, text]) => [file, withCrlf(text)]));
    const { problems, result } = checkTree(crlf);
    expect(problems).toEqual([]);
    expect(result.index.partnership('hampshire')?.actions[0].entry.body).toBe('Deliver multi-agency training on **neglect**.\n');
  });

  it('accepts a file with both a byte-order mark and CRLF line endings', () => {
    const tree = validTree();
    const { problems, result } = checkTree({ ...tree, [action]: withBom(withCrlf(tree[action])) });
    expect(problems).toEqual([]);
    const [deliver] = result.index.partnership('hampshire')!.actions;
    expect(deliver.entry.data.title).toBe('Deliver neglect training');
    expect(deliver.groups.map((g) => g.id)).toEqual(['training-sub-group']);
  });

  it('still gives the right line in a file with a byte-order mark and CRLF line endings', () => {
    const tree = validTree();
    const text = withBom(withCrlf(tree[action].replace('status: in-progress', 'status: complet')));
    const problem = onlyProblem({ ...tree, [action]: text });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 9, field: 'status' });
  });
});

describe('parseSource', () => {
  it('splits frontmatter and body', () => {
    const parsed = parseSource('---\ntitle: A\n---\nBody\n');
    expect(parsed).toEqual({ data: { title: 'A' }, body: 'Body\n', frontmatterLines: ['title: A', ''] });
  });

  it('treats a file of only "---" and "---" as empty frontmatter, not a parse error', () => {
    const parsed = parseSource('---\n---\n');
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual({});
  });
});
