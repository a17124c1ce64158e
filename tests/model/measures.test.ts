/**
 * Measures as content: a measure file in measures/, validated like every other file, with errors
 * that name the field, and linked from the items (and outcomes) it evidences.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, md, validTree, where, type Tree } from '../helpers/content-tree.ts';

const file = 'hampshire/measures/cp-plans-second-time.md';

const measure = (frontmatter: string) => `---\n${frontmatter.trim()}\n---\nChildren who became subject to a plan again.\n`;

const good = `
title: Children subject to a child protection plan for a second time
counts: Children who became subject to a plan in the year and had been subject to one before
unit: number
better: lower
frequency: yearly
plan: business-plan-2020-23
source: Children in need census
baseline: { value: 312, date: 2020-03-31 }
targets:
  - { value: 200, date: 2023-03-31 }
values:
  - { date: 2021-03-31, value: 290 }
  - { date: 2022-03-31, value: 254, note: definition changed }
`;

const withMeasure = (frontmatter: string, extra: Tree = {}): Tree => ({ ...validTree(), [file]: measure(frontmatter), ...extra });

const problemsOf = (tree: Tree) => checkTree(tree).problems.map((p) => ({ ...where(p), text: formatProblem(p) }));

describe('a measure file', () => {
  it('passes the check when complete, and is linked both ways with the items that cite it', () => {
    const tree = withMeasure(good, {
      'hampshire/priorities/neglect.md': md`
        ---
        title: Responding to neglect
        order: 1
        plan: business-plan-2020-23
        outcomes:
          - Fewer children need a plan again.
        measures:
          - Number of audits completed
          - measure: cp-plans-second-time
            outcome: 1
        ---
      `,
    });
    const { problems, result } = checkTree(tree);
    expect(problems.map(formatProblem)).toEqual([]);
    const site = result.index.site('hampshire')!;
    const node = site.measures.find((m) => m.id === 'cp-plans-second-time')!;
    expect(node.plan?.id).toBe('business-plan-2020-23');
    expect(node.evidences.map((e) => [e.item.id, e.outcome])).toEqual([['neglect', 1]]);
    const priority = site.priorities[0];
    expect(priority.measureLinks.map((l) => l.measure.id)).toEqual(['cp-plans-second-time']);
    // The text form still works beside the reference.
    expect(priority.entry.data.measures[0]).toEqual({ text: 'Number of audits completed' });
  });

  it('names the field of a value without a date', () => {
    const problems = problemsOf(withMeasure(good.replace('  - { date: 2021-03-31, value: 290 }', '  - { value: 290 }')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: `content/${file}`, field: 'values[0].date', line: 13 });
    expect(problems[0].text).toContain('values[0].date: required field is missing');
  });

  it('refuses a percentage over 100, naming the value', () => {
    const problems = problemsOf(withMeasure(good.replace('unit: number', 'unit: percentage').replace('value: 254', 'value: 254.5')));
    // The baseline (312) is over 100 as well: every mistake is reported at once.
    expect(problems.map((p) => p.field)).toEqual(['baseline.value', 'targets[0].value', 'values[0].value', 'values[1].value']);
    expect(problems[3].text).toContain('values[1].value: expected a percentage from 0 to 100, found the number 254.5');
    expect(problems[3].text).toContain('hint: write a percentage as a number like 23.1, without the % sign');
  });

  it('asks which direction is better when a target is set', () => {
    const problems = problemsOf(withMeasure(good.replace('better: lower\n', '')));
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('better');
    expect(problems[0].text).toContain('better: required field is missing: a target is set, so say which direction is better');
    expect(problems[0].text).toContain('hint: add "better: lower" (fewer is better) or "better: higher"');
  });

  it("refuses a target dated outside its plan's period", () => {
    const problems = problemsOf(withMeasure(good.replace('{ value: 200, date: 2023-03-31 }', '{ value: 200, date: 2024-03-31 }')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'targets[0].date', line: 11 });
    expect(problems[0].text).toContain(
      'targets[0].date: the target date 2024-03-31 is outside the plan "business-plan-2020-23" (April 2020 to March 2023)',
    );
  });

  it('refuses two values for one date', () => {
    const problems = problemsOf(withMeasure(good.replace('2022-03-31, value: 254', '2021-03-31, value: 254')));
    expect(problems).toHaveLength(1);
    expect(problems[0].text).toContain('values[1].date: values[0] is for 2021-03-31 too: each date can have one value');
  });

  it('reports an unknown measure cited by an item, with the nearest id, and an outcome that does not exist', () => {
    const problems = problemsOf(
      withMeasure(good, {
        'hampshire/priorities/neglect.md': md`
          ---
          title: Responding to neglect
          order: 1
          plan: business-plan-2020-23
          outcomes:
            - Fewer children need a plan again.
          measures:
            - measure: cp-plan-second-time
            - measure: cp-plans-second-time
              outcome: 2
          ---
        `,
      }),
    );
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ['measures[0].measure', 8],
      ['measures[1].outcome', 10],
    ]);
    expect(problems[0].text).toContain('unknown measure "cp-plan-second-time"; did you mean "cp-plans-second-time"?');
    expect(problems[1].text).toContain('there is no outcome 2: this item states 1 outcome');
  });

  it('names the allowed units and frequencies when one is misspelt', () => {
    const problems = problemsOf(
      withMeasure(good.replace('unit: number', 'unit: percent').replace('frequency: yearly', 'frequency: annual')),
    );
    expect(problems.map((p) => p.field)).toEqual(['unit', 'frequency']);
    expect(problems[0].text).toContain('expected one of "number", "percentage", "rate-per-10000", "days", found "percent"');
    expect(problems[0].text).toContain('did you mean "percentage"?');
  });
});
