/** Dates as people in the UK write them: 14 May 2019. */
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${months[month - 1]} ${year}`;
}

/** "1 action", "3 actions". */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** An item's name as the plan refers to it: its code first where it has one, "1a.2: Audit neglect cases". */
export function codedTitle(item: { entry: { data: { title: string; code?: string } } }): string {
  const { code, title } = item.entry.data;
  return code ? `${code}: ${title}` : title;
}

/** A month as people write it: "April 2019". */
export function formatMonth(iso: string): string {
  const [year, month] = iso.split('-').map(Number);
  return `${months[month - 1]} ${year}`;
}

/** When work is due, as the plan writes it, with the day it means: "Q3 2021-22 (by 31 December 2021)". */
export function formatDue(due: { written: string; kind: string; by?: string }): string {
  if (due.kind === 'ongoing') return 'Ongoing';
  if (due.kind === 'date') return formatDate(due.by!);
  if (due.kind === 'month') return due.written;
  return `${due.kind === 'year-end' ? `End of ${due.written}` : due.written} (by ${formatDate(due.by!)})`;
}

/** A plan's period in words: "April 2020 to March 2023", or "From April 2024" when it has no end. */
export function periodText(period: string): string {
  const from = Number(period.slice(0, 4));
  if (period.endsWith('-onwards')) return `From April ${from}`;
  return `April ${from} to March ${period.slice(5, 9)}`;
}
