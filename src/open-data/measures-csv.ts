/**
 * measures.csv: one row per value of every measure, published on every site and read back by
 * `npm run import` to add values. The columns are the contract between the two: change them together.
 */
import type { MeasureNode } from '../model/graph/nodes.ts';
import { toCsv } from './csv.ts';

export const measureColumns = ['measure', 'title', 'unit', 'date', 'value', 'note', 'url'] as const;
export type MeasureColumn = (typeof measureColumns)[number];

/** Every value of a measure as rows, oldest first. Values are written as plain numbers (23.1), never formatted. */
export function measureRows(measure: MeasureNode, url: string): Array<Record<MeasureColumn, string>> {
  const data = measure.entry.data;
  return [...data.values]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((v) => ({
      measure: measure.slug,
      title: data.title,
      unit: data.unit,
      date: v.date,
      value: String(v.value),
      note: v.note ?? '',
      url,
    }));
}

export function measuresCsv(measures: readonly MeasureNode[], urlOf: (measure: MeasureNode) => string): string {
  return toCsv([[...measureColumns], ...measures.flatMap((m) => measureRows(m, urlOf(m)).map((row) => measureColumns.map((c) => row[c])))]);
}
