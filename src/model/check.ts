/** The whole check: parse, validate, index. Used by `npm run check`, the build and the tests. */
import { checkBranding, type SiteAsset } from './branding.ts';
import type { AnyEntry } from './entries.ts';
import { formatProblems } from './content-format.ts';
import { loadContent } from './load.ts';
import { fileKey, type PlanIndex } from './graph/nodes.ts';
import { resolvePlan } from './resolved-plan.ts';
import type { Problem } from './problems.ts';
import { pluralOf } from './labels.ts';
import { planDateWarnings } from './plan-dates.ts';
import { validateFiles } from './validate.ts';
import { commentWarnings, placeholderWarnings } from './warnings.ts';

export interface CheckResult {
  problems: Problem[];
  index: PlanIndex;
  /**
   * Every file that passed its schema, as published: the build hands exactly these to the site,
   * so nothing the check skipped or refused can reach a page.
   */
  entries: AnyEntry[];
  fileCount: number;
  /** Files and folders skipped as drafts (names starting with "_"). */
  drafts: string[];
  /** Files the build copies into the sites as checked, like each partnership's logo. */
  assets: SiteAsset[];
}

export interface CheckOptions {
  /** The day facts are judged as of (overdue, no recent update, measures), YYYY-MM-DD; default today. */
  today?: string;
  /** The text some files would have (by absolute path), checked in place of theirs, or as new files; see loadContent. */
  replaced?: ReadonlyMap<string, string>;
}

export function checkContent(contentDir: string, options: CheckOptions = {}): CheckResult {
  const loaded = loadContent(contentDir, options.replaced);
  const validated = validateFiles(loaded.files);
  const invalid = new Set(validated.invalid.map((f) => fileKey(f.partnership, f.type, f.id)));
  const { index, problems } = resolvePlan([...validated.entries, ...validated.standIns], { invalid, today: options.today });
  const branding = checkBranding(loaded, validated.entries);
  const found = [...loaded.problems, ...formatProblems(loaded.files), ...validated.problems, ...problems, ...branding.problems];
  // As with every warning, a file with an error gets none until the error is fixed.
  const withErrors = new Set(found.filter((p) => p.severity !== 'warning').map((p) => p.file));
  const textWarnings = [
    ...commentWarnings(validated.entries),
    ...placeholderWarnings(validated.entries),
    ...planDateWarnings(index),
  ].filter((w) => !withErrors.has(w.file));
  const all = [...found, ...textWarnings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return {
    problems: all,
    index,
    entries: validated.entries,
    fileCount: loaded.fileCount,
    drafts: loaded.drafts,
    assets: branding.assets,
  };
}

/** "3 partnerships", then other bodies by what they are: "1 joint arrangement", "1 safeguarding adults board". */
function bodiesByKind(bodies: readonly PlanIndex['partnerships'][number][]): string[] {
  const kinds = new Map<string, number>();
  for (const body of bodies) kinds.set(body.entry.data.kind, (kinds.get(body.entry.data.kind) ?? 0) + 1);
  const children = kinds.get('safeguarding-children-partnership') ?? 0;
  const others = [...kinds].filter(([kind]) => kind !== 'safeguarding-children-partnership');
  const name = (kind: string) => bodyKindWords[kind as keyof typeof bodyKindWords] ?? kind;
  return [
    ...(children > 0 || others.length === 0 ? [`${children} ${children === 1 ? 'partnership' : 'partnerships'}`] : []),
    ...others.map(([kind, n]) => `${n} ${n === 1 ? name(kind) : pluralOf(name(kind))}`),
  ];
}

/** What the check's summary calls each other kind of body. */
const bodyKindWords = {
  'safeguarding-adults-board': 'safeguarding adults board',
  'community-safety-partnership': 'community safety partnership',
  'health-and-wellbeing-board': 'health and wellbeing board',
  'regional-group': 'regional group',
  'joint-arrangement': 'joint arrangement',
  other: 'other body',
} as const;

/** "Checked 160 files: 2 partnerships, 2 plans, 19 priorities, 76 actions, 26 groups, 5 reporting years (3 drafts skipped)." */
export function summarise(result: CheckResult): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const sum = (pick: (p: PlanIndex['partnerships'][number]) => number) =>
    result.index.partnerships.reduce((total, p) => total + pick(p), 0);
  const drafts = result.drafts.length > 0 ? ` (${count(result.drafts.length, 'draft', 'drafts')} skipped)` : '';
  const counts = [
    ...bodiesByKind(result.index.partnerships),
    count(
      sum((p) => p.plans.length),
      'plan',
      'plans',
    ),
    count(
      sum((p) => p.priorities.length),
      'priority',
      'priorities',
    ),
    count(
      sum((p) => p.objectives.length),
      'objective',
      'objectives',
    ),
    count(
      sum((p) => p.actions.length),
      'action',
      'actions',
    ),
    count(
      sum((p) => p.groups.length),
      'group',
      'groups',
    ),
    // Years are periods: 2021-22 is one reporting year, however many plans and partnerships report in it.
    count(new Set(result.index.partnerships.flatMap((p) => p.years.map((y) => y.id))).size, 'reporting year', 'reporting years'),
  ];
  // Measures are named only where a plan has them, so the summary of a plan without reads as before.
  const measures = sum((p) => p.measures.length);
  if (measures > 0) counts.push(count(measures, 'measure', 'measures'));
  const reviews = sum((p) => p.reviews.length);
  if (reviews > 0) counts.push(count(reviews, 'review', 'reviews'));
  return `Checked ${count(result.fileCount, 'file', 'files')}: ${counts.join(', ')}${drafts}.`;
}
