/**
 * The yearly report a year file writes, read once: its foreword, its sections (each `## ` heading
 * of the body opens one), which of the guidance's required sections are written and which are
 * not, and when the report is due, overdue, published and sent. The check warns from these facts
 * and the report page prints them; neither reads the year's body again.
 */
import type { Heading, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { editions, type Edition, type RequiredSection } from '../../../schemas/report-sections.ts';
import type { WrittenSection, YearlyReportFacts, YearNode } from '../graph/nodes.ts';
import { reviewsPublishedBy } from './reviews.ts';
import { monthsBefore } from './staleness.ts';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Headings compare without case, punctuation or a leading "The". */
const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^ *the /, '')
    .trim();

function requiredNamed(heading: string, edition: Edition): RequiredSection | undefined {
  const name = normal(heading);
  return edition.sections.find((s) => [s.heading, ...s.alsoCalled].some((h) => normal(h) === name));
}

/** A heading's words, as a reader sees them: its text, code and links' text, without marks. */
const textOf = (node: Nodes): string =>
  'value' in node && node.type !== 'html' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';

/** The body cut at its level-2 headings: the foreword, then each section with its heading. */
function cutAtHeadings(body: string, edition: Edition): { foreword: string; written: WrittenSection[] } {
  const tree: Root = parser.parse(body);
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 2);
  const offset = (node: Heading, end = false) => (end ? node.position?.end.offset : node.position?.start.offset) ?? 0;
  const written = headings.map((node, i) => {
    const heading = textOf(node).trim();
    const next = headings[i + 1];
    const text = body.slice(offset(node, true), next ? offset(next) : body.length).trim();
    return { heading, text, line: node.position?.start.line ?? 1, required: requiredNamed(heading, edition) };
  });
  return { foreword: body.slice(0, headings[0] ? offset(headings[0]) : body.length).trim(), written };
}

/** A section counts as written when it has words, not only a heading or private notes. */
const hasWords = (section: WrittenSection) => section.text.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim().length > 0;

const daysAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The day the partnership last published a yearly report on a year before this one, if a year file records it. */
function lastReportBefore(year: YearNode): string | undefined {
  const days = year.partnership.years.filter((y) => y.id < year.id).map((y) => y.entry?.data.published);
  return days
    .filter((day): day is string => day !== undefined)
    .sort()
    .at(-1);
}

/**
 * The last day to publish the report on. The guidance asks for a report "at least once in every
 * 12 months": 12 months after the year ends, or sooner, 12 months after the last report, when
 * that comes first (though never before the year has ended, when there is something to report).
 */
function publishDeadline(year: YearNode, ends: string, months: number): Pick<YearlyReportFacts, 'publishBy' | 'lastReport'> {
  const afterYear = monthsBefore(ends, -months);
  const lastReport = lastReportBefore(year);
  const afterLast = lastReport && monthsBefore(lastReport, -months);
  if (!lastReport || !afterLast || afterLast >= afterYear) return { publishBy: afterYear };
  return { publishBy: afterLast > ends ? afterLast : ends, lastReport };
}

export function yearlyReportFacts(year: YearNode, ends: string, today: string): YearlyReportFacts {
  const edition = editions[year.partnership.entry.data.yearlyReport?.edition ?? 2023];
  const { foreword, written } = cutAtHeadings(year.entry?.body ?? '', edition);
  // The section on reviews is built from the review files when there are any: it is never missing then.
  const fromReviews = reviewsPublishedBy(year.partnership, ends < today ? ends : today).length > 0;
  const required = edition.sections.map((section) => ({
    section,
    written: written.find((w) => w.required === section && hasWords(w)),
    ...(section.id === 'reviews' && fromReviews ? { fromReviews } : {}),
  }));
  const { publishBy, lastReport } = publishDeadline(year, ends, edition.publishWithinMonths);
  const { published, sent } = year.entry?.data ?? {};
  const due = ends < today;
  return {
    edition,
    foreword,
    written,
    required,
    own: written.filter((w) => !w.required && hasWords(w)),
    missing: required.filter((r) => !r.written && !r.fromReviews).map((r) => r.section),
    due,
    publishBy,
    ...(lastReport ? { lastReport } : {}),
    overdue: due && !published && publishBy < today,
    ...(published ? { published, sendBy: daysAfter(published, edition.sendWithinDays) } : {}),
    ...(sent ? { sent } : {}),
  };
}
