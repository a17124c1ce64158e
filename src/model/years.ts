/**
 * Reporting years and plan periods. UK public bodies report April to March: `2020-21` runs from
 * 1 April 2020 to 31 March 2021 and lies inside the period `2020-2023` (reporting years starting
 * in 2020, 2021 and 2022). A period may be open-ended: `2024-onwards`.
 */

/** True for a reporting year written like "2020-21": a year and the last two digits of the next. */
export function isReportingYear(text: string): boolean {
  return /^\d{4}-\d{2}$/.test(text) && Number(text.slice(5)) === (Number(text.slice(0, 4)) + 1) % 100;
}

/** The calendar year a reporting year starts in: 2020 for "2020-21". */
export function startYear(reportingYear: string): number {
  return Number(reportingYear.slice(0, 4));
}

/** A period's first year and, unless it is open-ended, the year it ends in (31 March). */
export function periodYears(period: string): { from: number; to?: number } {
  const from = Number(period.slice(0, 4));
  return period.endsWith('-onwards') ? { from } : { from, to: Number(period.slice(5, 9)) };
}

/** The reporting year that starts in a calendar year: 2020 -> "2020-21". */
export function reportingYearOf(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/**
 * The reporting years a period spans: "2020-2023" spans 2020-21, 2021-22 and 2022-23. An
 * open-ended period spans its first year up to the latest of `known` (the years it has files for).
 */
export function yearsInPeriod(period: string, known: readonly string[] = []): string[] {
  const { from, to } = periodYears(period);
  const last = to ?? Math.max(from + 1, ...known.map((y) => startYear(y) + 1));
  const years: string[] = [];
  for (let year = from; year < last; year += 1) years.push(reportingYearOf(year));
  return years;
}

export function yearInPeriod(reportingYear: string, period: string): boolean {
  const { from, to } = periodYears(period);
  const start = startYear(reportingYear);
  return start >= from && (to === undefined || start < to);
}

/** First and last day of a reporting year: UK public bodies report April to March. */
export function yearBounds(reportingYear: string): { starts: string; ends: string } {
  const from = startYear(reportingYear);
  return { starts: `${from}-04-01`, ends: `${from + 1}-03-31` };
}

/** First and (unless open-ended) last day of a plan's period. */
export function periodBounds(period: string): { starts: string; ends?: string } {
  const { from, to } = periodYears(period);
  return { starts: `${from}-04-01`, ends: to === undefined ? undefined : `${to}-03-31` };
}

/**
 * Whether a day falls within a plan's period (its bounds, as periodBounds gives them): on or after
 * its first day and, unless the period is open-ended, on or before its last. The one rule for
 * "within the plan": the check's for a measure's targets, the editor's for due dates and updates.
 */
export function dateInPeriod(date: string, bounds: { starts: string; ends?: string }): boolean {
  return date >= bounds.starts && (bounds.ends === undefined || date <= bounds.ends);
}

/** The reporting year a date falls in: 2021-05-01 -> "2021-22", 2022-02-01 -> "2021-22". */
export function reportingYearOfDate(date: string): string {
  const year = Number(date.slice(0, 4));
  return reportingYearOf(date.slice(5, 7) >= '04' ? year : year - 1);
}
