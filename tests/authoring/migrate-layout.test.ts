/**
 * `npm run migrate -- --layout editor` (src/authoring/migrate-layout.ts): lays every file out as
 * the editor on GitHub writes it. It shows the diff and every comment it would remove first,
 * writes nothing without --yes, and with it rewrites every file so that each reads as the same
 * data and text as before. That a save in the editor then changes only the edited line is shown
 * in Chromium, with the real editor, by tests/browser/cms-save.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planEditorLayout } from '../../src/authoring/migrate-layout.ts';
import { checkContent } from '../../src/model/check.ts';
import { loadContent } from '../../src/model/load.ts';
import { md, validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { changedFiles, runScript, snapshotFiles } from './files.ts';

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

/** An action written by hand: comments, double quotes, its own order of fields, lists in brackets. */
const handWritten = md`
  ---
  # From the 2024 action plan, row 12.
  title: "Audit: neglect cases"
  priority: neglect
  order: 2
  objective: understand-neglect
  status: "in-progress"  # as at March
  lead: [Head of Service, "Named Nurse"]
  serves: [known]
  progress:
    - text: "Audit started."
      date: 2021-01-15
  ---
  The audit's *description*.
`;

/** A priority with outcomes in two shapes, which the forms on GitHub keep as written, and measures in one, which they edit. */
const priority = md`
  ---
  title: Responding to neglect
  plan: business-plan-2020-23
  order: 1
  outcomes:
    - Fewer children live with neglect.
    - id: known
      text: "More neglect is known early."
  measures:
    - text: Children on a plan for neglect
      target: Down 10%
  ---
`;

function written(): ContentTree {
  const valid = validTree('hampshire');
  tree = writeTree({
    ...valid,
    'hampshire/partnership.md': valid['hampshire/partnership.md'].replace('---\nname:', '---\nformat: 2\nname:'),
    'hampshire/priorities/neglect.md': priority,
    'hampshire/actions/audit.md': handWritten,
  });
  return tree;
}

const read = (t: ContentTree, file: string) => readFileSync(path.join(t.contentDir, 'hampshire', file), 'utf8');
const dataOf = (t: ContentTree) =>
  new Map(loadContent(t.contentDir).files.map((f) => [f.displayPath, { data: f.data, body: f.body.trim() }]));

describe('npm run migrate -- --layout editor', () => {
  it('shows the diff and every comment it would remove, and without --yes changes nothing', () => {
    const t = written();
    const before = snapshotFiles(t.root);
    const run = runScript('migrate', ['--layout', 'editor'], t.root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('--- a/content/hampshire/actions/audit.md\n+++ b/content/hampshire/actions/audit.md\n');
    expect(run.stdout).toContain('\n ---\n-# From the 2024 action plan, row 12.\n-title: "Audit: neglect cases"\n');
    expect(run.stdout).toContain(
      [
        'The editor on GitHub cannot keep comments, so these 3 comments are removed.',
        'Copy anything you still need into the text below the frontmatter, or into your notes, first:',
        '  content/hampshire/actions/audit.md',
        '    line 2: # From the 2024 action plan, row 12.',
        '    line 7: # as at March',
        '  content/hampshire/partnership.md',
        "    line 6: # Ofcom's numbers for drama, which never ring anyone.",
      ].join('\n'),
    );
    expect(run.stderr).toContain('Nothing was changed. To make these changes, run: npm run migrate -- --layout editor --yes');
    expect(changedFiles(before, snapshotFiles(t.root))).toEqual([]);
  });

  it('with --yes lays every file out as the editor writes it: the same data and text, comments gone', () => {
    const t = written();
    const before = dataOf(t);
    const run = runScript('migrate', ['--layout', 'editor', '--yes'], t.root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Changed 5 files. Now run: npm run check');
    // The form's fields in the form's order, quotes only where YAML needs them and single, lists one item a
    // line. The actions write their lead as a list and serve outcomes by id, each in one shape only, so
    // the form has a field for each, in its place.
    expect(read(t, 'actions/audit.md')).toBe(md`
      ---
      title: 'Audit: neglect cases'
      order: 2
      objective: understand-neglect
      priority: neglect
      lead:
        - Head of Service
        - Named Nurse
      serves:
        - known
      status: in-progress
      progress:
        - date: 2021-01-15
          text: Audit started.
      ---

      The audit's *description*.
    `);
    // Measures, written as groups of fields only, have a form: its fields in its order. Outcomes written in
    // two shapes (a line of text, a group of fields) the form keeps as written: after the form's fields,
    // their own fields in alphabetical order.
    expect(read(t, 'priorities/neglect.md')).toBe(md`
      ---
      title: Responding to neglect
      order: 1
      plan: business-plan-2020-23
      measures:
        - text: Children on a plan for neglect
          target: Down 10%
      outcomes:
        - Fewer children live with neglect.
        - id: known
          text: More neglect is known early.
      ---
    `);
    expect(dataOf(t)).toEqual(before);
    expect(checkContent(t.contentDir).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    const again = runScript('migrate', ['--layout', 'editor'], t.root);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('is already laid out as the editor on GitHub writes it. Nothing to change.');
  });

  it('--dry-run shows the changes and writes nothing', () => {
    const t = written();
    const before = snapshotFiles(t.root);
    const run = runScript('migrate', ['--layout', 'editor', '--dry-run'], t.root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("+title: 'Audit: neglect cases'");
    expect(run.stdout).toContain('This was a dry run: nothing was changed.');
    expect(changedFiles(before, snapshotFiles(t.root))).toEqual([]);
  });

  it('refuses content in an older format, or that cannot be read, and writes nothing', () => {
    const t = written();
    const file = path.join(t.contentDir, 'hampshire/partnership.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('format: 2\n', ''));
    writeFileSync(path.join(t.contentDir, 'hampshire/actions/broken.md'), '---\ntitle: [unclosed\n---\n');
    const before = snapshotFiles(t.root);
    const run = runScript('migrate', ['--layout', 'editor', '--yes'], t.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'error content/hampshire/partnership.md\n    this file is written in an older content format: run npm run migrate first',
    );
    expect(run.stderr).toMatch(/error content\/hampshire\/actions\/broken\.md\n {4}line \d+: /);
    expect(run.stderr).toContain('The content cannot be laid out for the editor on GitHub until these are fixed. Nothing was changed.');
    expect(changedFiles(before, snapshotFiles(t.root))).toEqual([]);
  });

  it('says which layouts it knows', () => {
    const t = written();
    const run = runScript('migrate', ['--layout', 'tidy'], t.root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--layout "tidy" is not a layout migrate knows: the one it knows is --layout editor');
  });

  it("refuses a file the editor's layout would change the meaning of, and no field reaches every object's prototype", () => {
    const t = written();
    writeFileSync(
      path.join(t.contentDir, 'hampshire/actions/hostile.md'),
      '---\ntitle: Hostile\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n"a.b": 1\n---\n',
    );
    const before = snapshotFiles(t.root);
    const plan = planEditorLayout(t.contentDir);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A field name with a "." in it would be split into two by the editor: that file is refused, so nothing is written.
    expect(plan.refusals.map((r) => path.relative(t.root, r.file))).toEqual([path.join('content/hampshire/actions/hostile.md')]);
    const run = runScript('migrate', ['--layout', 'editor', '--yes'], t.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "error content/hampshire/actions/hostile.md\n    in the editor's layout this file would not say exactly what it says now",
    );
    expect(changedFiles(before, snapshotFiles(t.root))).toEqual([]);
  });

  it('says what else changes in a file saved on Windows, and leaves a year of comments alone as it is', () => {
    const t = written();
    const windows = '\uFEFF---\r\ntitle: "Windows action"\r\norder: 5\r\npriority: neglect\r\n---\r\nIts text.\r\n';
    writeFileSync(path.join(t.contentDir, 'hampshire/actions/windows.md'), windows);
    const year = '---\n# How the year is named on the site:\n# title: 2020-21\n---\n\nForeword.\n';
    writeFileSync(path.join(t.contentDir, 'hampshire/years/2020-21.md'), year);
    const run = runScript('migrate', ['--layout', 'editor', '--yes'], t.root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      '  content/hampshire/actions/windows.md (its byte-order mark is dropped, and its Windows line endings become plain ones, as the editor writes files)',
    );
    expect(read(t, 'actions/windows.md')).toBe('---\ntitle: Windows action\norder: 5\npriority: neglect\n---\n\nIts text.\n');
    // The editor would write a file with no fields without any frontmatter: the year keeps its own.
    expect(read(t, 'years/2020-21.md')).toBe(year);
  });
});
