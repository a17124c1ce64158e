/**
 * `check`'s reminders about each yearly report that is due (its year has ended): the sections
 * the guidance asks for that the year file does not write, a report not published by the day it
 * is due, and one published but not yet recorded as sent to the Panel and Foundations: one
 * warning per year, saying all of it, so a year with nothing written is not warned about twice.
 * They stop once the year file records the report as published and sent. Only a Safeguarding Children
 * Partnership's own years are checked: the guidance asks the report of its safeguarding partners.
 */
import path from 'node:path';
import { formatDate } from '../../schemas/values/dates.ts';
import type { PartnershipNode, PlanIndex, YearNode } from './graph/nodes.ts';
import type { Problem } from './problems.ts';

const guideChapter = 'see "Writing the yearly report" in content/README.md';

/** The year's file, or where to create it. */
function fileOf(year: YearNode): string {
  return year.entry?.file ?? path.join(path.dirname(year.partnership.entry.file), 'years', `${year.id}.md`);
}

/** "none of the 6 sections ... is written yet", "2 of the 6 sections ... are not written". */
const notWritten = (missing: number, all: number, guidance: string) =>
  missing === all
    ? `none of the ${all} sections ${guidance} asks for is written yet`
    : `${missing} of the ${all} sections ${guidance} asks for ${missing === 1 ? 'is' : 'are'} not written`;

/** Why the report is due by its day: "12 months after the year ended". */
function dueBecause(year: YearNode): string {
  const { lastReport, edition } = year.facts.report;
  const months = `${edition.publishWithinMonths} months`;
  return lastReport ? `${months} after the last report, published on ${formatDate(lastReport)}` : `${months} after the year ended`;
}

/** When it is or was due: "It was due to be published by 31 March 2022, 12 months after the year ended". */
function dueText(year: YearNode): string {
  const { overdue, publishBy } = year.facts.report;
  return `It ${overdue ? 'was' : 'is'} due to be published by ${formatDate(publishBy)}, ${dueBecause(year)}`;
}

/**
 * One warning for a report not yet published, saying everything that is wrong with it at once:
 * the sections not written, and when it is (or was) due. A report with every section written
 * is warned about only once it is overdue.
 */
function unpublishedWarning(year: YearNode): Problem[] {
  const { missing, edition, overdue, publishBy } = year.facts.report;
  const file = fileOf(year);
  if (missing.length > 0) {
    const names = missing.map((s) => s.heading);
    const state = missing.length === edition.sections.length ? 'not written' : 'not finished';
    const publish = overdue ? '; once it is published, add published: with the date (YYYY-MM-DD)' : '';
    return [
      {
        severity: 'warning',
        file,
        message: `yearly report ${year.id} is ${state}: ${notWritten(missing.length, edition.sections.length, `Working Together ${edition.edition}`)} (${names.join('; ')}). ${dueText(year)}.`,
        hint: `${year.entry ? 'write' : `create years/${year.id}.md and write`} each under its own heading in the body, like "## ${names[0]}"${publish}; ${guideChapter}`,
      },
    ];
  }
  if (!overdue) return [];
  return [
    {
      severity: 'warning',
      file,
      field: 'published',
      message: `yearly report ${year.id} is overdue: it was due to be published by ${formatDate(publishBy)}, ${dueBecause(year)}, and no publication date is recorded`,
      hint: `once it is published, add published: with the date (YYYY-MM-DD) to years/${year.id}.md`,
    },
  ];
}

/** The reminder while a published report is not recorded as sent to the Panel and Foundations. */
function unsentWarning(year: YearNode): Problem[] {
  const { published, sent, sendBy, edition } = year.facts.report;
  if (!published || !sendBy || sent) return [];
  return [
    {
      severity: 'warning',
      file: fileOf(year),
      field: 'sent',
      message: `yearly report ${year.id}: published on ${formatDate(published)}, but not recorded as sent to ${edition.sendTo}, which is due within ${edition.sendWithinDays} days, by ${formatDate(sendBy)}`,
      hint: `once it is sent, add sent: with the date (YYYY-MM-DD) to years/${year.id}.md`,
    },
  ];
}

function partnershipReportWarnings(partnership: PartnershipNode): Problem[] {
  if (partnership.entry.data.kind !== 'safeguarding-children-partnership') return [];
  const due = partnership.years.filter((y) => y.plans.length > 0 && y.facts.report.due);
  return due.flatMap((year) => (year.facts.report.published ? unsentWarning(year) : unpublishedWarning(year)));
}

export function yearlyReportWarnings(index: PlanIndex, filesWithErrors: Iterable<string> = []): Problem[] {
  const skip = new Set(filesWithErrors);
  return index.partnerships
    .flatMap(partnershipReportWarnings)
    .filter((w) => !skip.has(w.file))
    .sort((a, b) => a.file.localeCompare(b.file));
}
