/**
 * Warnings: things worth an author's attention that do not make the content wrong, so they
 * never fail a check or stop a build. They are worked out from the index, after the check:
 *
 * - "no recent update": open work whose latest progress update is older than the
 *   partnership's `staleAfterMonths` (the rule in src/model/resolve/staleness.ts, judged as of the
 *   day the index was resolved for);
 * - "no accountable group": an action that names no group, and whose objective and
 *   priority name none either, so nobody is shown as answering for it (unless its plan says
 *   `groups: none`: it names no groups on purpose);
 * - "no children's services number": a partnership with a site that gives no children's services
 *   front door, or one with no phone number, so the "Worried about a child?" page and panel can
 *   only give 999, GOV.UK's council finder and the national helplines;
 * - "no contact details": a partnership with a site that gives no contact of its own, so the
 *   accessibility statement cannot say how to reach it;
 * - "no plan yet": a children's partnership that owns and shares no plan, so it has no site;
 * - "comment in plain text": a `<!-- -->` in a field that is not Markdown (a title, a name), which
 *   is published as written, since only Markdown text has comments (worked out from the
 *   entries by the check itself, src/model/check.ts, as it covers every file, own pages too);
 * - "placeholder text": "TBC", "To be confirmed", "[insert ...]" and the like in a published
 *   field or body (src/model/placeholders.ts), worked out by the check in the same way;
 * - a due date or progress update outside its plan: a priority's, objective's or action's date
 *   before its plan starts or after it ends (src/model/plan-dates.ts), worked out by the check too.
 *
 * A file that already has an error gets no warning: the error comes first, and a
 * reference that failed to resolve would otherwise be reported twice.
 */
import { locateField } from './locate.ts';
import { publishedMarkdown } from '../../schemas/values/markdown-source.ts';
import { placeholderIn } from './placeholders.ts';
import type { AnyEntry } from './entries.ts';
import type { ActionNode, PartnershipNode, PlanIndex } from './graph/nodes.ts';
import type { Problem } from './problems.ts';
import { defaultStaleMonths, monthsBefore } from './resolve/staleness.ts';
import { fieldPath } from './validate.ts';

export interface WarningOptions {
  /** Files that already have errors: they get no warnings. */
  filesWithErrors?: Iterable<string>;
}

function lineOf(node: { entry: AnyEntry }, field: string): number | undefined {
  const lines = node.entry.frontmatterLines;
  const index = lines ? locateField(lines, [field]) : undefined;
  return index === undefined ? undefined : index + 2;
}

function months(n: number): string {
  return `${n} ${n === 1 ? 'month' : 'months'}`;
}

export function contentWarnings(index: PlanIndex, options: WarningOptions = {}): Problem[] {
  const skip = new Set(options.filesWithErrors ?? []);
  const warnings: Problem[] = [];
  for (const partnership of index.partnerships) {
    if (!skip.has(partnership.entry.file)) warnings.push(...siteWarnings(partnership));
    const limit = partnership.entry.data.staleAfterMonths ?? defaultStaleMonths;
    for (const action of partnership.actions) {
      if (skip.has(action.entry.file)) continue;
      warnings.push(...staleWarnings(action, limit), ...groupWarnings(action), ...undatedCompletionWarnings(action));
    }
  }
  for (const site of index.sites) warnings.push(...sharedIdWarnings(site).filter((w) => !skip.has(w.file)));
  return warnings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Two files of one kind from different folders with one id, shown on one site (a partnership's
 * own action beside one of a plan it shares): each then gets a longer address on that site, and
 * adding the second changed the first's published address. Said on each, naming the other.
 */
function sharedIdWarnings(site: PartnershipNode): Problem[] {
  const kinds = [
    ['plan', site.plans],
    ['priority', site.priorities],
    ['action', site.actions],
    ['group', site.groups],
    ['measure', site.measures],
  ] as const;
  const warnings: Problem[] = [];
  for (const [noun, nodes] of kinds) {
    const byId = new Map<string, Array<(typeof nodes)[number]>>();
    for (const node of nodes) byId.set(node.id, [...(byId.get(node.id) ?? []), node]);
    for (const same of byId.values()) {
      if (same.length < 2) continue;
      for (const node of same) {
        const others = same.filter((n) => n !== node).map((n) => n.entry.file);
        warnings.push({
          severity: 'warning',
          file: node.entry.file,
          message: `on ${site.id}'s site, this ${noun} and ${others.join(', ')} have the same id "${node.id}", so its page there is at .../${node.slug}/, not .../${node.id}/`,
          hint: 'rename one of the files (its id is its file name), so each keeps a short address that does not change when the other is added',
        });
      }
    }
  }
  return warnings;
}

function staleWarnings(action: ActionNode, limit: number): Problem[] {
  const judged = action.facts.staleness;
  if (!judged?.stale || !judged.since) return [];
  const hasUpdates = action.entry.data.progress.length > 0;
  const when = judged.asOfYearEnd ? `${judged.asOf}, when its last reporting year ended` : 'today';
  return [
    {
      severity: 'warning',
      file: action.entry.file,
      line: lineOf(action, hasUpdates ? 'progress' : 'status') ?? lineOf(action, 'title'),
      field: hasUpdates ? 'progress' : undefined,
      message: hasUpdates
        ? `no recent update: the latest progress update is from ${judged.since}, more than ${months(limit)} before ${when}`
        : `no recent update: it has no progress updates, and its first reporting year began on ${judged.since}, more than ${months(limit)} before ${when}`,
      hint: `add a progress update dated after ${monthsBefore(judged.asOf, limit)}, or set its status to complete or cancelled if the work is over`,
    },
  ];
}

/**
 * A completed action whose progress updates never say `status: complete`: the site can show it
 * complete only in its last reporting year, and "No status reported" for the years before, even
 * when an update's text says it was completed then.
 */
function undatedCompletionWarnings(action: ActionNode): Problem[] {
  const { status, progress } = action.entry.data;
  if (status !== 'complete' || progress.length === 0 || progress.some((u) => u.status === 'complete')) return [];
  const latest = progress.reduce((a, b) => (b.date >= a.date ? b : a));
  return [
    {
      severity: 'warning',
      file: action.entry.file,
      line: lineOf(action, 'progress'),
      field: `progress[${progress.indexOf(latest)}]`,
      message: 'complete, but no progress update says when: none of its updates has status: complete',
      hint: `add status: complete to the update that completed it (the latest is dated ${latest.date}), so each reporting year shows where the work stood`,
    },
  ];
}

function groupWarnings(action: ActionNode): Problem[] {
  // The ids written, not the groups resolved: a group whose own file has an error is still named.
  const accountable =
    action.plan?.entry.data.groups === 'none' ||
    [action, action.objective, action.priority].some((item) => (item?.entry.data.groups.length ?? 0) > 0);
  if (accountable) return [];
  const above = [action.objective && 'objective', action.priority && 'priority'].filter(Boolean).join(' or ');
  return [
    {
      severity: 'warning',
      file: action.entry.file,
      line: lineOf(action, 'title'),
      message: `no accountable group: this action names no group${above ? `, and neither does its ${above}` : ''}`,
      hint: 'add groups: with the id of the group that answers for it (a file in groups/), to the action or to the item above it',
    },
  ];
}

/**
 * A children's partnership with no plan has no site yet; a body with a site but no contact
 * details leaves a reader worried about a child, or needing the site in another format, untold.
 * A body with no site of its own (a Safeguarding Adults Board named in joint work) needs neither.
 */
function siteWarnings(partnership: PartnershipNode): Problem[] {
  if (!partnership.hasSite) {
    return partnership.entry.data.kind === 'safeguarding-children-partnership'
      ? [
          {
            severity: 'warning',
            file: partnership.entry.file,
            line: lineOf(partnership, 'name'),
            message: 'no plan yet: this partnership owns and shares no plan, so it has no site',
            hint: 'add its plan in plans/ (npm run new -- plan "Business Plan 2024-27"), or list it under owners: in a plan it shares',
          },
        ]
      : [];
  }
  return [...contactWarnings(partnership), ...accessibilityWarnings(partnership)];
}

/** A site whose partnership has not declared how accessible it is: its statement then says so, and claims nothing. */
function accessibilityWarnings(partnership: PartnershipNode): Problem[] {
  if (partnership.entry.data.accessibility?.compliance) return [];
  return [
    {
      severity: 'warning',
      file: partnership.entry.file,
      line: lineOf(partnership, 'accessibility') ?? lineOf(partnership, 'name'),
      message: 'no accessibility statement: partnership.md does not say how far the site meets WCAG 2.2 AA (accessibility.compliance)',
      hint: 'once the site has been checked, add accessibility: with compliance: fully, partially or not (and nonAccessible: and respondsWithin:); until then the statement page says the partnership has not published one',
    },
  ];
}

/** What a reader worried about a child, or needing the site in another format, could not be told. */
function contactWarnings(partnership: PartnershipNode): Problem[] {
  const data = partnership.entry.data;
  const warnings = frontDoorWarnings(partnership);
  if (!data.contact) {
    warnings.push({
      severity: 'warning',
      file: partnership.entry.file,
      line: lineOf(partnership, 'name'),
      field: 'contact',
      message: 'no contact details: partnership.md gives no way to reach the partnership itself',
      hint: 'add contact: with an email: or a phone:, so the accessibility statement and the "Worried about a child?" page say how to reach the partnership',
    });
  }
  return warnings;
}

/**
 * The local number is what a worried reader most needs: without a front door the page and panel
 * point to GOV.UK's council finder and the national numbers, which is true but slower.
 */
function frontDoorWarnings(partnership: PartnershipNode): Problem[] {
  const door = partnership.entry.data.childrensServices;
  if (door?.phone) return [];
  const hint = door
    ? `add phone: with the number of ${door.name}, in quotes, copied from the council's website`
    : "add childrensServices: with the name: and phone: of the council's children's services front door, copied from its website";
  return [
    {
      severity: 'warning',
      file: partnership.entry.file,
      line: lineOf(partnership, door ? 'childrensServices' : 'name'),
      field: door ? 'childrensServices.phone' : 'childrensServices',
      message: door
        ? "no children's services number: the front door has an online form but no phone number"
        : "no children's services number: partnership.md does not say how to reach the council's children's services, so the \"Worried about a child?\" page and panel give only 999, GOV.UK's council finder and the national helplines",
      hint,
    },
  ];
}

/** Every text value of an entry's frontmatter, with the path of fields it sits at. */
function eachText(entry: AnyEntry, use: (text: string, path: Array<string | number>) => void): void {
  const visit = (value: unknown, path: Array<string | number>) => {
    if (typeof value === 'string') use(value, path);
    else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(entry.data, []);
}

/**
 * A comment (`<!-- -->`) in plain text is published as written: only Markdown fields and bodies
 * have comments. A Markdown field's comments are already cut out by its schema, so a string
 * that Markdown would still cut something from is plain text holding a comment (one shown as
 * code in a Markdown field is left alone: it is meant to be seen).
 */
export function commentWarnings(entries: readonly AnyEntry[]): Problem[] {
  const warnings: Problem[] = [];
  for (const entry of entries) {
    eachText(entry, (text, path) => {
      if (text.includes('<!--') && publishedMarkdown(text).text !== text) warnings.push(commentWarning(entry, path));
    });
  }
  return warnings;
}

/**
 * Placeholder text ("TBC", "To be confirmed", "[insert date]") in a published field or body,
 * which the site would show every reader as it is. A glossary or vocabulary entry may define
 * such a word ("TBC: to be confirmed"), so those are left alone.
 */
export function placeholderWarnings(entries: readonly AnyEntry[]): Problem[] {
  const definitions = new Set(['glossary', 'vocabulary']);
  const warnings: Problem[] = [];
  for (const entry of entries) {
    eachText(entry, (text, path) => {
      const found = definitions.has(String(path[0])) ? undefined : placeholderIn(text);
      if (found) warnings.push(placeholderWarning(entry, found, path));
    });
    const inBody = placeholderIn(entry.body);
    if (inBody) warnings.push(placeholderWarning(entry, inBody));
  }
  return warnings;
}

function placeholderWarning(entry: AnyEntry, found: string, path?: Array<string | number>): Problem {
  const written = path && writtenPath(entry, path);
  const index = written && locateField(entry.frontmatterLines ?? [], written);
  return {
    severity: 'warning',
    file: entry.file,
    line: index === undefined ? undefined : index + 2,
    field: written ? fieldPath(written) : 'body',
    message: `placeholder text: "${found}" would be published as written, for every reader to see`,
    hint: written
      ? 'write the real value once it is known; until then leave the field out (or, for a required field, write what is known so far)'
      : 'write the real text once it is known; until then put the note inside <!-- --> comment marks, which are never published',
  };
}

/** A text measure written as one line is read as { text }: the path of the field the author wrote. */
function writtenPath(entry: AnyEntry, path: Array<string | number>): Array<string | number> {
  const lines = entry.frontmatterLines ?? [];
  let written = path;
  const writtenOn = (at: number | undefined, key: string) => at !== undefined && new RegExp(`\\b${key}\\s*:`).test(lines[at]);
  while (written.length > 1 && typeof written.at(-1) === 'string' && !writtenOn(locateField(lines, written), String(written.at(-1)))) {
    written = written.slice(0, -1);
  }
  return written;
}

function commentWarning(entry: AnyEntry, path: Array<string | number>): Problem {
  const written = writtenPath(entry, path);
  const index = locateField(entry.frontmatterLines ?? [], written);
  return {
    severity: 'warning',
    file: entry.file,
    line: index === undefined ? undefined : index + 2,
    field: fieldPath(written),
    message: 'comment in plain text: this field is not Markdown, so its "<!-- -->" is published as written, for every reader to see',
    hint: 'comments work only in Markdown text (the body below the frontmatter, progress text, outcomes): for a note in the frontmatter, start a line with #',
  };
}
