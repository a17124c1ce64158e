/** The whole check: parse, validate, index. Used by `npm run check`, the build and the tests. */
import { buildIndex, fileKey, type PlanIndex } from './plan-index.ts';
import { loadContent } from './load.ts';
import type { Problem } from './problems.ts';
import { validateFiles } from './validate.ts';

export interface CheckResult {
  problems: Problem[];
  index: PlanIndex;
  fileCount: number;
}

export function checkContent(contentDir: string): CheckResult {
  const loaded = loadContent(contentDir);
  const validated = validateFiles(loaded.files);
  const invalid = new Set(validated.invalid.map((f) => fileKey(f.partnership, f.type, f.id)));
  const { index, problems } = buildIndex([...validated.entries, ...validated.standIns], { invalid });
  const all = [...loaded.problems, ...validated.problems, ...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
  return { problems: all, index, fileCount: loaded.fileCount };
}

/** "Checked 160 files: 2 partnerships, 2 plans, 19 priorities, 76 actions, 26 groups, 5 reporting years." */
export function summarise(result: CheckResult): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const sum = (pick: (p: PlanIndex['partnerships'][number]) => number) =>
    result.index.partnerships.reduce((total, p) => total + pick(p), 0);
  return [
    `Checked ${count(result.fileCount, 'file', 'files')}:`,
    [
      count(result.index.partnerships.length, 'partnership', 'partnerships'),
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
      count(
        sum((p) => p.years.length),
        'reporting year',
        'reporting years',
      ),
    ].join(', ') + '.',
  ].join(' ');
}
