/**
 * actions.csv: one row per action, published on every site and read back by
 * `npm run import`. The columns are the contract between the two: change them together.
 */
import type { ActionNode } from '../model/plan-index.ts';
import { latestUpdate } from '../model/progress.ts';
import { isOverdue } from '../model/due.ts';
import { statusOf } from '../model/status.ts';
import { codedTitle } from '../site/format.ts';
import { toCsv } from './csv.ts';
import { isTextMeasure } from '../../schemas/index.ts';

export const actionColumns = [
  'id',
  'code',
  'title',
  'priority',
  'objective',
  'lead',
  'groups',
  'due',
  'overdue',
  'reporting_years',
  'strands',
  'measures',
  'status',
  'rag',
  'last_update_date',
  'last_update_by',
  'last_update_text',
  'url',
] as const;
export type ActionColumn = (typeof actionColumns)[number];

/** Lists inside one cell (groups, years, leads, strands, measures) are separated by "; ". */
export const listSeparator = '; ';

/**
 * One action as a row. Nothing is filled in that the content does not say: an action with no
 * status has an empty status cell, and "overdue" is "yes" only for reported open work past its due date.
 */
export function actionRow(action: ActionNode, url: string, buildDate: string): Record<ActionColumn, string> {
  const latest = latestUpdate(action);
  const data = action.entry.data;
  const status = statusOf(action);
  return {
    id: action.slug,
    code: data.code ?? '',
    title: data.title,
    priority: action.priority ? codedTitle(action.priority) : '',
    objective: action.objective ? codedTitle(action.objective) : '',
    lead: data.lead.join(listSeparator),
    groups: action.groups.map((g) => g.entry.data.name).join(listSeparator),
    due: data.due?.written ?? '',
    overdue: isOverdue(data.due, status, buildDate) ? 'yes' : '',
    reporting_years: action.years.map((y) => y.id).join(listSeparator),
    strands: action.strands.map((s) => s.name).join(listSeparator),
    measures: [
      ...data.measures.filter(isTextMeasure).map((m) => (m.target ? `${m.text} (target: ${m.target})` : m.text)),
      ...action.measureLinks.map((l) => l.measure.entry.data.title),
    ].join(listSeparator),
    status: status ?? '',
    rag: data.rag ?? '',
    last_update_date: latest?.date ?? '',
    last_update_by: latest?.by ?? '',
    last_update_text: latest?.text ?? '',
    url,
  };
}

export function actionsCsv(actions: ActionNode[], urlOf: (action: ActionNode) => string, buildDate: string): string {
  return toCsv([[...actionColumns], ...actions.map((a) => actionColumns.map((c) => actionRow(a, urlOf(a), buildDate)[c]))]);
}
