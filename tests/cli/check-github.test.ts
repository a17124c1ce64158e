/**
 * `check --format github`: every problem as one of GitHub's annotation lines, which a pull request
 * shows on the file's line. Read back the way GitHub reads them (its toolkit's escaping), so a
 * value that tried to start a command of its own, or a file name with `,` or `:`, would show up
 * as an extra or broken annotation.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAnnotation } from '../../src/model/problems.ts';
import { md, treeWithEightErrors, validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { userEnvironment } from '../helpers/env.ts';

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const script = fileURLToPath(new URL('../../scripts/check.ts', import.meta.url));

function check(tree: ContentTree, args: string[]) {
  const result = spawnSync(node, [script, ...args], {
    cwd: tree.root,
    encoding: 'utf8',
    env: userEnvironment({ NO_COLOR: '1' }),
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Annotation {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** One workflow command line, decoded as GitHub's runner decodes it. */
function readAnnotation(line: string): Annotation {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) =>
    text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
  const properties = Object.fromEntries(
    match[2].split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), unescape(pair.slice(at + 1))];
    }),
  );
  return { command: match[1], properties, message: unescape(match[3]) };
}

const commandLines = (text: string) => text.split('\n').filter((line) => line.startsWith('::'));

describe('one problem as an annotation', () => {
  it('names the file, line and field, and escapes % and line breaks in the message and , : in properties', () => {
    const line = formatAnnotation({
      file: 'content/a,b:c.md',
      line: 7,
      field: 'progress[1].date',
      message: '100% done\r\n::error::not a command',
      hint: 'write it like 2021-03-31',
    });
    expect(line).toBe(
      '::error file=content/a%2Cb%3Ac.md,line=7,title=progress[1].date::progress[1].date: 100%25 done\\r\\n::error::not a command%0Ahint: write it like 2021-03-31',
    );
  });

  it('makes a warning a ::warning, and one with no line or field names just the file', () => {
    expect(formatAnnotation({ file: 'content/x.md', message: 'no recent update', severity: 'warning' })).toBe(
      '::warning file=content/x.md,title=Plan check::no recent update',
    );
  });
});

describe('npm run check -- --format github', { timeout: 60_000 }, () => {
  let broken: ContentTree;
  let clean: ContentTree;
  beforeAll(() => {
    broken = writeTree({
      ...treeWithEightErrors(),
      // A value and a file name that try to end the annotation early or start one of their own.
      'hampshire/groups/planted.md': md`
        ---
        name: Board
        kind: "bord 100%\\n::error file=elsewhere.md::planted"
        ---
      `,
      'hampshire/groups/odd,name:here.md': md`
        ---
        name: Board
        kind: board
        ---
      `,
    });
    clean = writeTree(validTree());
  });
  afterAll(() => {
    broken.remove();
    clean.remove();
  });

  it('prints one annotation per problem, each on its file and line, and fails', () => {
    const terminal = check(broken, []);
    const github = check(broken, ['--format', 'github']);
    expect(github.status).toBe(1);
    const annotations = commandLines(github.stderr).map(readAnnotation);
    // As many as the terminal report lists, errors as ::error.
    const listed = terminal.stderr.split('\n').filter((line) => /^(error|warning) /.test(line));
    expect(annotations).toHaveLength(listed.length);
    expect(annotations.filter((a) => a.command === 'error')).toHaveLength(listed.filter((l) => l.startsWith('error ')).length);
    expect(annotations.map((a) => a.command)).not.toContain('planted');
    const order = annotations.find((a) => a.properties.file === 'content/hampshire/actions/deliver-training.md');
    expect(order).toMatchObject({ command: 'error', properties: { line: '3', title: 'order' } });
    expect(order?.message).toMatch(/^order: /);
    // The counts still end the report, in plain words.
    expect(github.stderr).toMatch(/\d+ errors(?:, \d+ warnings?)? found\. Nothing was built/);
  });

  it('keeps a hostile value inside its own annotation, and a file name with , and : whole', () => {
    const annotations = commandLines(check(broken, ['--format', 'github']).stderr).map(readAnnotation);
    expect(annotations.map((a) => a.properties.file)).not.toContain('elsewhere.md');
    const odd = annotations.filter((a) => a.properties.file === 'content/hampshire/groups/odd,name:here.md');
    expect(odd.length).toBeGreaterThan(0);
    // The planted value stays inside the kind's own annotation, its line break shown, not obeyed.
    const planted = annotations.filter((a) => a.properties.file === 'content/hampshire/groups/planted.md');
    expect(planted).toHaveLength(1);
    expect(planted[0]).toMatchObject({ command: 'error', properties: { line: '3', title: 'kind' } });
    expect(planted[0].message).toContain('bord 100%\\n::error file=elsewhere.md::planted');
    // Every annotation carries only the properties GitHub knows.
    for (const annotation of annotations)
      for (const key of Object.keys(annotation.properties)) expect(['file', 'line', 'title']).toContain(key);
  });

  it('prints no error annotation and passes when the content has no errors (warnings stay warnings)', () => {
    const result = check(clean, ['--format', 'github']);
    expect(result.status, result.stderr).toBe(0);
    const lines = commandLines(result.stdout + result.stderr);
    expect(lines.filter((line) => !line.startsWith('::warning '))).toEqual([]);
  });

  it('refuses a format it does not know, before checking anything', () => {
    const result = check(clean, ['--format', 'xml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--format "xml" is not a format');
  });
});
