/**
 * `npm run import` and `npm run migrate` change only the lines of the fields they change
 * (src/authoring/frontmatter-edit.ts), in files written every way YAML allows: comments above,
 * beside and below a field, both kinds of quotes, a field name in quotes, a folded block, lists
 * in brackets and as "- " lines, an entry whose dash is followed by more spaces, Windows line
 * endings and a byte-order mark. Each case compares the lines before and after, so any other
 * change to the file fails it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffLines } from 'diff';
import { afterEach, describe, expect, it } from 'vitest';
import { importActions } from '../../src/authoring/import.ts';
import { planMigration } from '../../src/authoring/migrate.ts';
import { checkContent } from '../../src/model/check.ts';
import { md, validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { edited, publishedCsv } from './csv-files.ts';

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;

/** The lines taken out and the lines put in, in order, with their line endings. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const lines = (value: string) => value.split(/(?<=\n)/);
  const parts = diffLines(before, after);
  return {
    removed: parts.filter((part) => part.removed).flatMap((part) => lines(part.value)),
    added: parts.filter((part) => part.added).flatMap((part) => lines(part.value)),
  };
}

/** An action as someone might write it by hand. */
const handWritten = md`
  ---
  # An action written by hand.
  title: 'Audit: neglect cases' # the board's wording
  order: 2
  objective: understand-neglect
  groups: [training-sub-group] # one for now
  # Who leads it, as the plan words it:
  lead: >-
    Head of Safeguarding,
    ICB
  years:
  - 2020-21
  "status": "in-progress"   # as at March
  rag: 'amber' # on the RAG scale
  progress:
    # The first update.
    -   date: 2021-01-15
        by: "Chair"
        text: |-
          Audit started.
          Two teams.
        # a note under the first update
  # the end of the fields
  ---
  The audit's *description*.
`;

const file = 'hampshire/actions/hand-written.md';

/** Imports the published actions.csv with `edits` made to the hand-written action's row; the file before and after. */
function importEdit(edits: Parameters<typeof edited>[1][string], text = handWritten) {
  tree = writeTree({ ...validTree(), [file]: text });
  const csvPath = path.join(tree.root, 'actions.csv');
  writeFileSync(csvPath, edited(publishedCsv(tree.contentDir), { 'hand-written': edits }));
  const result = importActions({ csvPath, contentDir: tree.contentDir, today: '2021-07-15' });
  expect(result.problems).toEqual([]);
  expect(result.exitCode, result.report).toBe(0);
  const after = readFileSync(path.join(tree.contentDir, file), 'utf8');
  expect(checkContent(tree.contentDir).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  return { before: text, after };
}

describe('npm run import changes only the lines of the fields it changes', () => {
  it('a new status: in place, in its quotes, beside its comment; and one entry at the end of the list, in its columns', () => {
    const { before, after } = importEdit({ status: 'complete' });
    expect(changedLines(before, after)).toEqual({
      removed: ['"status": "in-progress"   # as at March\n'],
      added: [
        '"status": "complete"   # as at March\n',
        '  -   date: 2021-07-15\n',
        '      status: complete\n',
        '      text: Status changed from in progress to complete (imported from a spreadsheet).\n',
      ],
    });
    // The new entry goes after the note under the last one, before the comment that ends the fields.
    expect(after).toContain('      # a note under the first update\n  -   date: 2021-07-15\n');
  });

  it('a new lead in place of a folded block, and nothing else', () => {
    const { before, after } = importEdit({ lead: 'Designated Nurse' });
    expect(changedLines(before, after)).toEqual({
      removed: ['lead: >-\n', '  Head of Safeguarding,\n', '  ICB\n'],
      added: ['lead: Designated Nurse\n'],
    });
  });

  it('a cleared rating: its line goes, comment and all, and nothing else', () => {
    const { before, after } = importEdit({ rag: '' });
    expect(changedLines(before, after)).toEqual({ removed: ["rag: 'amber' # on the RAG scale\n"], added: [] });
  });

  it('a due date the file did not have: one line, after the lead', () => {
    const { before, after } = importEdit({ due: 'Q3 2021-22' });
    expect(changedLines(before, after)).toEqual({ removed: [], added: ['due: Q3 2021-22\n'] });
    expect(after).toContain('  ICB\ndue: Q3 2021-22\nyears:\n');
  });

  it('an update with its author and two paragraphs, as a block in the columns of the entry above', () => {
    const { before, after } = importEdit({
      last_update_date: '2021-06-30',
      last_update_by: 'Training Sub-Group',
      last_update_text: 'Audit finished: see "the report".\n\nTwo actions follow.',
    });
    expect(changedLines(before, after)).toEqual({
      removed: [],
      added: [
        '  -   date: 2021-06-30\n',
        '      by: Training Sub-Group\n',
        '      text: |-\n',
        '        Audit finished: see "the report".\n',
        '\n',
        '        Two actions follow.\n',
      ],
    });
  });

  it('in a Windows file: the same lines, each ending as the others do, the byte-order mark kept', () => {
    const { before, after } = importEdit({ status: 'complete' }, crlf(handWritten));
    expect(after.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(changedLines(before, after)).toEqual({
      removed: ['"status": "in-progress"   # as at March\r\n'],
      added: [
        '"status": "complete"   # as at March\r\n',
        '  -   date: 2021-07-15\r\n',
        '      status: complete\r\n',
        '      text: Status changed from in progress to complete (imported from a spreadsheet).\r\n',
      ],
    });
  });
});

/** A format 1 partnership.md as someone might write it by hand. */
const formatOne = md`
  ---
  # Written in 2021.
  "format": 1 # before the tool was a package
  name: Hampshire Safeguarding Children Partnership
  shortName: HSCP
  area: Hampshire
  childrensServices:
    name: Children's Services
    phone: 01632 960 001
  contact: { email: partnership@example.org.uk }
  accessibility:
    compliance: partially
    nonAccessible: >-
      Some documents linked from the plan
      are PDFs that are not accessible.
  # Our colour, from the brand guide.
  'colour': '#1d4f91' # dark blue
  website: https://www.example.org.uk # ours
  ---
  The partnership's introduction.
`;

/** The rewritten partnership.md, which must pass the check. */
function migrated(text: string): { before: string; after: string } {
  tree = writeTree({ ...validTree(), 'hampshire/partnership.md': text });
  const plan = planMigration(tree.contentDir);
  expect(plan.refusals).toEqual([]);
  expect(plan.writes).toHaveLength(1);
  writeFileSync(path.join(tree.contentDir, 'hampshire/partnership.md'), plan.writes[0].after);
  expect(checkContent(tree.contentDir).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  return { before: text, after: plan.writes[0].after };
}

describe('npm run migrate changes only the lines of the fields it moves', () => {
  it('rewrites the format in place, and turns the colour line into a branding group where it was', () => {
    const { before, after } = migrated(formatOne);
    expect(changedLines(before, after)).toEqual({
      removed: ['"format": 1 # before the tool was a package\n', "'colour': '#1d4f91' # dark blue\n"],
      added: ['"format": 2 # before the tool was a package\n', 'branding:\n', "  'colour': '#1d4f91' # dark blue\n"],
    });
  });

  it('moves the colour to the top of a branding group written below it, in the group’s own indentation', () => {
    const { before, after } = migrated(
      formatOne.replace('website:', 'branding:\n    # The footer.\n    footerLinks: [] # none yet\nwebsite:'),
    );
    expect(changedLines(before, after)).toEqual({
      removed: ['"format": 1 # before the tool was a package\n', "'colour': '#1d4f91' # dark blue\n"],
      added: ['"format": 2 # before the tool was a package\n', "    'colour': '#1d4f91' # dark blue\n"],
    });
    expect(after).toContain("branding:\n    'colour': '#1d4f91' # dark blue\n    # The footer.\n");
  });

  it('adds a format line at the top of a file without one, and changes nothing else there', () => {
    const { before, after } = migrated(formatOne.replace('"format": 1 # before the tool was a package\n', ''));
    expect(changedLines(before, after).added).toEqual(['format: 2\n', 'branding:\n', "  'colour': '#1d4f91' # dark blue\n"]);
    expect(after.startsWith('---\nformat: 2\n# Written in 2021.\n')).toBe(true);
  });

  it('in a Windows file: the same lines, each ending as the others do', () => {
    const { before, after } = migrated(crlf(formatOne));
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(changedLines(before, after)).toEqual({
      removed: ['"format": 1 # before the tool was a package\r\n', "'colour': '#1d4f91' # dark blue\r\n"],
      added: ['"format": 2 # before the tool was a package\r\n', 'branding:\r\n', "  'colour': '#1d4f91' # dark blue\r\n"],
    });
  });
});
