/**
 * Dates and periods as people in the UK write them ("14 May 2019", "April 2020 to March 2023"):
 * the words the model's own messages and rules use, and every view after them.
 */

/** The months, January first. */
export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day: "14 May 2019". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${monthNames[month - 1]} ${year}`;
}

/** A month: "April 2019". */
export function formatMonth(iso: string): string {
  const [year, month] = iso.split('-').map(Number);
  return `${monthNames[month - 1]} ${year}`;
}

/** A plan's period in words: "April 2020 to March 2023", or "From April 2024" when it has no end. */
export function periodText(period: string): string {
  const from = Number(period.slice(0, 4));
  if (period.endsWith('-onwards')) return `From April ${from}`;
  return `April ${from} to March ${period.slice(5, 9)}`;
}
