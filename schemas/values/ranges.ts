/**
 * The ranges a number or a date in the content must fall within. Each is far wider than any real
 * plan needs, so only a typing mistake or an attack meets one: a figure of 1.79e308 drew charts
 * with NaN coordinates, and a date in the year 0000 or 9999 was read as a real day. The schemas
 * refuse anything outside them (schemas/common.ts, schemas/plan.ts, schemas/measure.ts), and
 * the authoring guide states them.
 */

/** The first and last calendar years a date in the content may fall in. */
export const firstYear = 1990;
export const lastYear = 2100;

/** The largest figure a measure may hold, either side of zero: far beyond any count of children, and well within what a chart can draw. */
export const largestFigure = 1_000_000_000;

/** "from 1990 to 2100", as messages say it. */
export const yearRangeText = `from ${firstYear} to ${lastYear}`;

/** "-1,000,000,000 to 1,000,000,000", as messages say it. */
export const figureRangeText = `from ${(-largestFigure).toLocaleString('en-GB')} to ${largestFigure.toLocaleString('en-GB')}`;

export const yearInRange = (year: number): boolean => year >= firstYear && year <= lastYear;

/** True for a date written YYYY-MM-DD whose year is in range. */
export const dateInRange = (iso: string): boolean => yearInRange(Number(iso.slice(0, 4)));

export const figureInRange = (value: number): boolean => Number.isFinite(value) && Math.abs(value) <= largestFigure;

/** The hint every date out of range gets. */
export const dateRangeHint = `dates in a plan fall ${yearRangeText}: check the year`;
