/**
 * A chart's text alternative: what it shows, in one sentence a screen reader reads in place of
 * the picture ("Down from 312 in March 2020 to 254 in March 2022; target 200 by March 2023.").
 * It says what the figures are and which way they went, and leaves judging them to the status.
 */
import type { MeasureData } from '../../schemas/index.ts';
import { figureAt, targetText } from '../model/figures.ts';
import { withGaps } from './measure-chart.ts';

type SummaryInput = Pick<MeasureData, 'unit' | 'frequency' | 'baseline' | 'targets' | 'values'>;

export function chartSummary(measure: SummaryInput): string {
  const values = [...measure.values].sort((a, b) => a.date.localeCompare(b.date));
  const targets = [...measure.targets].sort((a, b) => a.date.localeCompare(b.date));
  const at = (f: { date: string; value: number }) => figureAt(f, measure.unit);
  const parts: string[] = [];
  const first = values[0];
  const latest = values.at(-1);
  const baseline = measure.baseline;
  const fromBaseline = baseline && (!first || baseline.date < first.date);
  const start = fromBaseline ? baseline : first;
  if (!latest) parts.push(`No values yet${baseline ? `; baseline ${at(baseline)}` : ''}`);
  else if (start === latest || !start) parts.push(`One value so far: ${at(latest)}`);
  else {
    const way = latest.value < start.value ? 'Down' : latest.value > start.value ? 'Up' : 'Unchanged';
    parts.push(`${way} from ${fromBaseline ? `a baseline of ${at(start)}` : at(start)} to ${at(latest)}`);
  }
  if (baseline && !fromBaseline && latest && baseline.date !== first?.date) parts.push(`baseline ${at(baseline)}`);
  for (const target of targets) parts.push(`target ${targetText(target, measure.unit)}`);
  const gaps = withGaps(values, measure.frequency).filter((v) => v === null).length;
  if (gaps > 0) parts.push(`${gaps === 1 ? 'one gap' : `${gaps} gaps`} where values are missing`);
  return `${parts.join('; ')}.`;
}
