/**
 * When a line of work is due, as plans write it: a date ("2022-03-31"), a month ("March 2022"),
 * a quarter of a reporting year ("Q3 2021-22"), the end of a reporting year ("2021-22"), or
 * "ongoing". Each is kept as written and read as the last day it allows, so "overdue" is one
 * comparison with the build date.
 */
import { monthNames } from './dates.ts';

export interface Due {
  /** What the plan says, normalised in case: "Q3 2021-22", "March 2022", "ongoing". */
  written: string;
  kind: 'date' | 'month' | 'quarter' | 'year-end' | 'ongoing';
  /** The last day the work may be finished on, YYYY-MM-DD; none for ongoing work. */
  by?: string;
}

const months = monthNames.map((m) => m.toLowerCase());

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** Whether the two halves of "2021-22" follow each other. */
const isReportingYear = (first: string, second: string) => Number(second) === (Number(first) + 1) % 100;

export const dueExamples = '2022-03-31, March 2022, Q3 2021-22, 2021-22 (the end of that reporting year) or ongoing';

/** Reads a due date as written, or undefined when it is not one of the forms plans use. */
export function parseDue(text: string): Due | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  if (/^ongoing$/i.test(value)) return { written: 'ongoing', kind: 'ongoing' };
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value
      ? undefined
      : { written: value, kind: 'date', by: value };
  }
  // "2021-22" is the end of a reporting year; "2022-03" is March 2022 (the two cannot be confused
  // for years after 2012, where the second half of a reporting year is past 12).
  match = /^(?:end of )?(\d{4})-(\d{2})$/i.exec(value);
  if (match && isReportingYear(match[1], match[2])) {
    return { written: `${match[1]}-${match[2]}`, kind: 'year-end', by: `${Number(match[1]) + 1}-03-31` };
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return undefined;
    return { written: `${monthNames[month - 1]} ${year}`, kind: 'month', by: lastDay(year, month) };
  }
  match = /^([a-z]+) (\d{4})$/i.exec(value);
  if (match) {
    const name = match[1].toLowerCase();
    const index = months.findIndex((m) => m === name || (name.length >= 3 && m.startsWith(name)));
    if (index === -1) return undefined;
    const year = Number(match[2]);
    return { written: `${monthNames[index]} ${year}`, kind: 'month', by: lastDay(year, index + 1) };
  }
  match = /^q([1-4]) ?(\d{4})[-/](\d{2})$/i.exec(value);
  if (match) {
    if (!isReportingYear(match[2], match[3])) return undefined;
    const quarter = Number(match[1]);
    const start = Number(match[2]);
    // Reporting years run April to March: Q1 ends in June, Q4 in March of the next year.
    const endMonth = [6, 9, 12, 3][quarter - 1];
    const year = quarter === 4 ? start + 1 : start;
    return { written: `Q${quarter} ${match[2]}-${match[3]}`, kind: 'quarter', by: lastDay(year, endMonth) };
  }
  return undefined;
}
