/**
 * actions.csv: one row per action, published on every site and read back by
 * `npm run import`. The columns are the contract between the two: change them together.
 */
import type { ActionNode } from '../model/plan-index.ts';
import { latestUpdate } from '../model/progress.ts';
import { statusOf } from '../model/status.ts';
import { toCsv } from './csv.ts';

export const actionColumns = [
  'id',
  'title',
  'priority',
  'objective',
  'groups',
  'reporting_years',
  'status',
  'rag',
  'last_update_date',
  'last_update_by',
  'last_update_text',
  'url',
] as const;
export type ActionColumn = (typeof actionColumns)[number];

/** Lists inside one cell (groups, years) are separated by "; ". */
export const listSeparator = '; ';

export function actionRow(action: ActionNode, url: string): Record<ActionColumn, string> {
  const latest = latestUpdate(action);
  return {
    id: action.id,
    title: action.entry.data.title,
    priority: action.priority?.entry.data.title ?? '',
    objective: action.objective?.entry.data.title ?? '',
    groups: action.groups.map((g) => g.entry.data.name).join(listSeparator),
    reporting_years: action.years.map((y) => y.id).join(listSeparator),
    status: statusOf(action) ?? '',
    rag: action.entry.data.rag ?? '',
    last_update_date: latest?.date ?? '',
    last_update_by: latest?.by ?? '',
    last_update_text: latest?.text ?? '',
    url,
  };
}

export function actionsCsv(actions: ActionNode[], urlOf: (action: ActionNode) => string): string {
  return toCsv([[...actionColumns], ...actions.map((a) => actionColumns.map((c) => actionRow(a, urlOf(a))[c]))]);
}
