/** Words for dates, counts and items, as every page writes them. */
import { formatDate } from '../../schemas/values/dates.ts';

export { formatDate, formatMonth, periodText } from '../../schemas/values/dates.ts';

/** "1 action", "3 actions". */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** An item's name as the plan refers to it: its code first where it has one, "1a.2: Audit neglect cases". */
export function codedTitle(item: { entry: { data: { title: string; code?: string } } }): string {
  const { code, title } = item.entry.data;
  return code ? `${code}: ${title}` : title;
}

/** When work is due, as the plan writes it, with the day it means: "Q3 2021-22 (by 31 December 2021)". */
export function formatDue(due: { written: string; kind: string; by?: string }): string {
  if (due.kind === 'ongoing') return 'Ongoing';
  if (due.kind === 'date') return formatDate(due.by!);
  if (due.kind === 'month') return due.written;
  return `${due.kind === 'year-end' ? `End of ${due.written}` : due.written} (by ${formatDate(due.by!)})`;
}

/**
 * When and by whom a plan was agreed, in the author's words: "1 September 2020, by the LSCP
 * Executive". A `by` the author already wrote ("by the partnership board", as the guide once
 * suggested) is not written twice.
 */
export function agreed(on: string | undefined, by: string | undefined): string {
  const who = by ? (/^by\s/i.test(by) ? by : `by ${by}`) : '';
  if (!on) return who ? who[0].toUpperCase() + who.slice(1) : '';
  return who ? `${on}, ${who}` : on;
}

/** "A", "A and B", "A, B and C". */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
