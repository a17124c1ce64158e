/**
 * CSV as RFC 4180 says: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break, quotes doubled. Small enough to own rather than depend on.
 */
import { neutraliseFormula } from './formulas.ts';

/**
 * CSV text for `rows`, safe to open in a spreadsheet: no cell can start a formula. A cell with
 * a semicolon or a tab is quoted too, because a spreadsheet set to a locale that separates
 * cells with them (much of Europe) would otherwise split it, and the part after could start
 * with "=".
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const field = (raw: string) => {
    const value = neutraliseFormula(raw);
    return /[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export interface ParsedCsv {
  rows: string[][];
  /** Line (1-based) each row starts on, for messages. */
  lines: number[];
}

/** Parses CSV text: accepts a BOM, CRLF or LF line ends, and quoted fields with line breaks. */
export function parseCsv(text: string): ParsedCsv {
  const input = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i];
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          value += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        value += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      row.push(value);
      value = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i += 1;
      row.push(value);
      rows.push(row);
      lines.push(rowLine);
      row = [];
      value = '';
      fieldStarted = false;
      line += 1;
      rowLine = line;
    } else {
      value += char;
      fieldStarted = true;
    }
  }
  if (value !== '' || row.length > 0 || fieldStarted) {
    row.push(value);
    rows.push(row);
    lines.push(rowLine);
  }
  return {
    rows: rows.filter((r) => !(r.length === 1 && r[0] === '')),
    lines: lines.filter((_, i) => !(rows[i].length === 1 && rows[i][0] === '')),
  };
}
