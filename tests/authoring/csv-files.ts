/** The CSV files an author imports: the site's actions.csv as published, and as a spreadsheet saves it after an edit. */
import { expect } from 'vitest';
import { checkContent } from '../../src/model/check.ts';
import { actionColumns, actionsCsv } from '../../src/open-data/actions-csv.ts';
import { parseCsv } from '../../src/open-data/csv.ts';

/** The actions.csv the site publishes for the content (with its byte-order mark). */
export function publishedCsv(contentDir: string, partnership = 'hampshire'): string {
  const { index, problems } = checkContent(contentDir);
  expect(problems).toEqual([]);
  return `\uFEFF${actionsCsv(index.partnership(partnership)!.actions, (a) => `/${a.partnership.id}/actions/${a.id}/`)}`;
}

/** CSV as a spreadsheet saves it: quoted where RFC 4180 needs it, and no apostrophe added before anything. */
export const spreadsheetCsv = (rows: string[][]) =>
  rows.map((row) => row.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';

/** The CSV with some cells changed, as a spreadsheet would save it: `edits[id][column] = value`. */
export function edited(csv: string, edits: Record<string, Partial<Record<(typeof actionColumns)[number], string>>>): string {
  const [header, ...rows] = parseCsv(csv).rows;
  return spreadsheetCsv([
    header,
    ...rows.map((row) => header.map((column, i) => edits[row[0]]?.[column as (typeof actionColumns)[number]] ?? row[i])),
  ]);
}
