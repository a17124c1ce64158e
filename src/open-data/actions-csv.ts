/**
 * actions.csv: one row per action, published on every site and read back by
 * `npm run import`. The columns are the contract between the two: change them together.
 * Every cell renders a fact of the resolved plan (src/model/resolve/): the same status, lead,
 * groups and overdue as the pages, with where an inherited lead or group comes from.
 */
import { isTextMeasure } from '../../schemas/index.ts';
import type { ActionNode, ItemNode } from '../model/graph/nodes.ts';
import { codedTitle } from '../site/wording.ts';
import { toCsv } from './csv.ts';

export const actionColumns = [
  'id',
  'code',
  'title',
  'priority',
  'objective',
  'lead',
  'lead_from',
  'groups',
  'groups_from',
  'due',
  'overdue',
  'reporting_years',
  'strands',
  'serves',
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

/** Where an inherited value comes from: empty for the action's own, else the level and the item that gives it. */
function inheritedFrom(source: string, from: ItemNode | undefined): string {
  if (source !== 'inherited' || !from) return '';
  return `${from.kind}: ${codedTitle(from)}`;
}

/**
 * One action as a row. Nothing is filled in that the content does not say: an action with no
 * status has an empty status cell, and "overdue" is "yes" only for reported open work past its due date.
 */
export function actionRow(action: ActionNode, url: string): Record<ActionColumn, string> {
  const data = action.entry.data;
  const { status, lead, accountable, progress, overdue } = action.facts;
  const latest = progress.latest;
  return {
    id: action.slug,
    code: data.code ?? '',
    title: data.title,
    priority: action.priority ? codedTitle(action.priority) : '',
    objective: action.objective ? codedTitle(action.objective) : '',
    lead: lead.names.join(listSeparator),
    lead_from: inheritedFrom(lead.source, lead.from),
    groups: accountable.groups.map((g) => g.entry.data.name).join(listSeparator),
    groups_from: inheritedFrom(accountable.source, accountable.from),
    due: data.due?.written ?? '',
    overdue: overdue ? 'yes' : '',
    reporting_years: action.years.map((y) => y.id).join(listSeparator),
    strands: action.strands.map((s) => s.name).join(listSeparator),
    serves: action.serves
      .map((s) => `outcome ${s.item.facts.outcomes[s.number - 1]?.label ?? s.number} of ${codedTitle(s.item)}`)
      .join(listSeparator),
    measures: [
      ...data.measures.filter(isTextMeasure).map((m) => (m.target ? `${m.text} (target: ${m.target})` : m.text)),
      ...action.measureLinks.map((l) => l.measure.entry.data.title),
    ].join(listSeparator),
    status: status.status ?? '',
    rag: data.rag ?? '',
    last_update_date: latest?.date ?? '',
    last_update_by: latest?.by ?? '',
    last_update_text: latest?.text ?? '',
    url,
  };
}

export function actionsCsv(actions: ActionNode[], urlOf: (action: ActionNode) => string): string {
  return toCsv([[...actionColumns], ...actions.map((a) => actionColumns.map((c) => actionRow(a, urlOf(a))[c]))]);
}
