/** Reporting years and plan periods: `2020-21` lies inside `2020-2023` if it starts in 2020, 2021 or 2022. */

/** The calendar year a reporting year starts in: 2020 for "2020-21". */
export function startYear(reportingYear: string): number {
  return Number(reportingYear.slice(0, 4));
}

/** The reporting years a period spans: "2020-2023" spans 2020-21, 2021-22 and 2022-23. */
export function yearsInPeriod(period: string): string[] {
  const from = Number(period.slice(0, 4));
  const to = Number(period.slice(5, 9));
  const years: string[] = [];
  for (let year = from; year < to; year += 1) years.push(`${year}-${String((year + 1) % 100).padStart(2, '0')}`);
  return years;
}

export function yearInPeriod(reportingYear: string, period: string): boolean {
  return yearsInPeriod(period).includes(reportingYear);
}

/** First and last day of a reporting year: UK public bodies report April to March. */
export function yearBounds(reportingYear: string): { starts: string; ends: string } {
  const from = startYear(reportingYear);
  return { starts: `${from}-04-01`, ends: `${from + 1}-03-31` };
}
