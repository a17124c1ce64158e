/** A measure's figures in words: "23.1%", "35.2 per 10,000 children", "45 days", "1,204". */
import type { MeasureUnit } from '../../schemas/index.ts';
import { formatMonth } from '../../schemas/values/dates.ts';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function formatFigure(value: number, unit: MeasureUnit): string {
  const shown = number.format(value);
  switch (unit) {
    case 'percentage':
      return `${shown}%`;
    case 'rate-per-10000':
      return `${shown} per 10,000 children`;
    case 'days':
      return `${shown} ${value === 1 ? 'day' : 'days'}`;
    default:
      return shown;
  }
}

/** A figure without its unit's words, for a chart's axis and labels where the unit is said once: "23.1%", "35.2", "45". */
export function formatShort(value: number, unit: MeasureUnit): string {
  return unit === 'percentage' ? `${number.format(value)}%` : number.format(value);
}

/** The unit said once, for a chart's axis or a table's heading. */
export const unitNames: Record<MeasureUnit, string> = {
  number: 'Number',
  percentage: 'Percentage',
  'rate-per-10000': 'Rate per 10,000 children',
  days: 'Days',
};

/** "254 in March 2022". */
export function figureAt(figure: { value: number; date: string }, unit: MeasureUnit): string {
  return `${formatFigure(figure.value, unit)} in ${formatMonth(figure.date)}`;
}

/** "200 by March 2023". */
export function targetText(target: { value: number; date: string }, unit: MeasureUnit): string {
  return `${formatFigure(target.value, unit)} by ${formatMonth(target.date)}`;
}
