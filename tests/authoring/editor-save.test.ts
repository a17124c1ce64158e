/**
 * A save from the editor's form changes only what was edited: a status set, a progress update
 * added, a field cleared. The diff of the saved file against the original is exactly those
 * lines; the comment, the quoting and the key order stay. A change that cannot be written line by
 * line is refused, and a new file is written with its fields in the form's order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { newFileText, savedText } from '../../src/authoring/editor-save.ts';
import { saveFile } from '../../src/authoring/editor-store.ts';
import { EditError } from '../../src/authoring/frontmatter-edit.ts';
import { parseSource } from '../../src/model/load.ts';
import { checkTree, validTree, writeTree } from '../helpers/content-tree.ts';

const original = readFileSync(
  fileURLToPath(new URL('../../content/hampshire/actions/adolescent-neglect-thematic-audit.md', import.meta.url)),
  'utf8',
);
const before = parseSource(original).data as Record<string, unknown>;

/** The lines a save removed and added, as `git diff` would show them. */
function changedLines(from: string, to: string): { removed: string[]; added: string[] } {
  const parts = diffLines(from, to);
  const lines = (text: string) => text.replace(/\n$/, '').split('\n');
  return {
    removed: parts.filter((p) => p.removed).flatMap((p) => lines(p.value)),
    added: parts.filter((p) => p.added).flatMap((p) => lines(p.value)),
  };
}

describe('saving an existing file from the form', () => {
  it('adds a status and a progress update as new lines, touching no other line', () => {
    const after = {
      ...before,
      status: 'in-progress',
      progress: [{ date: '2022-01-31', status: 'in-progress', text: 'Audit started with four agencies.' }],
    };
    const saved = savedText(original, before, after);
    expect(changedLines(original, saved)).toEqual({
      removed: [],
      added: [
        'status: in-progress',
        'progress:',
        '  - date: 2022-01-31',
        '    status: in-progress',
        '    text: Audit started with four agencies.',
      ],
    });
    expect(saved).toContain('# "on the" / "theme of Adolescent Neglect." was split across rows: joined.');
    expect(saved).toContain('title: "Complete a thematic multi-agency audit on the theme of Adolescent Neglect"');
  });

  it('changes an edited value on its own line, in its own quoting', () => {
    const saved = savedText(original, before, { ...before, title: 'Complete a thematic audit of adolescent neglect' });
    expect(changedLines(original, saved)).toEqual({
      removed: ['title: "Complete a thematic multi-agency audit on the theme of Adolescent Neglect"'],
      added: ['title: "Complete a thematic audit of adolescent neglect"'],
    });
  });

  it('adds a second progress update after the first, and removes a cleared field', () => {
    const once = savedText(original, before, { ...before, progress: [{ date: '2022-01-31', text: 'Started.' }] });
    const middle = parseSource(once).data as Record<string, unknown>;
    const twice = savedText(once, middle, {
      ...middle,
      joint: [],
      progress: [...(middle.progress as unknown[]), { date: '2022-03-31', text: 'Done.' }],
    });
    expect(changedLines(once, twice)).toEqual({
      removed: ['joint:', '  - isle-of-wight'],
      added: ['  - date: 2022-03-31', '    text: Done.'],
    });
  });

  it('refuses a change it cannot write line by line, rather than re-printing the file', () => {
    expect(() => savedText(original, before, { ...before, groups: ['a-group', 'adolescents-task-and-finish-group'] })).toThrow(EditError);
  });
});

describe('a new file from the form', () => {
  it('has its fields in the form order, leaves out empty ones, and passes the check', () => {
    const text = newFileText(
      {
        title: 'Run a neglect conference: "Seen and heard"',
        order: 2,
        objective: 'understand-neglect',
        groups: ['training-sub-group'],
        status: 'not-started',
        rag: 'green',
        due: '2021-03-31',
        lead: '',
        years: [],
      },
      'Two days, for every agency.',
    );
    const [, frontmatter, body] = text.split(/^---\n/m);
    expect(body.trim()).toBe('Two days, for every agency.');
    expect(frontmatter.split('\n').filter((line) => /^\w/.test(line))).toEqual([
      'title: \'Run a neglect conference: "Seen and heard"\'',
      'order: 2',
      'objective: understand-neglect',
      'groups:',
      'status: not-started',
      'rag: green',
      'due: 2021-03-31',
    ]);
    const tree = { ...validTree(), 'hampshire/actions/neglect-conference.md': text };
    expect(checkTree(tree, { today: '2021-01-01' }).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });
});

describe('saving a reporting year that has no frontmatter', () => {
  it('gives it the fields set in the form and keeps its text as the report', () => {
    const tree = writeTree({ ...validTree(), 'hampshire/years/2021-22.md': 'Our foreword for the year.\n' });
    try {
      const outcome = saveFile(tree.contentDir, {
        partnership: 'hampshire',
        type: 'year',
        id: '2021-22',
        isNew: false,
        changes: { published: '2022-07-14' },
      });
      expect(outcome).toMatchObject({ ok: true });
      expect(readFileSync(path.join(tree.contentDir, 'hampshire', 'years', '2021-22.md'), 'utf8')).toBe(
        '---\npublished: 2022-07-14\n---\nOur foreword for the year.\n',
      );
    } finally {
      tree.remove();
    }
  });
});
