/**
 * Numbers and dates within a range the site can draw and reason about (schemas/values/ranges.ts):
 * a measure's figure of 1.79e308 drew charts with NaN coordinates, and dates in the year 0000
 * or 9999 were accepted. Every figure a measure holds (baseline, targets, values) is refused
 * beyond a billion either side of zero, and every date the content holds (progress, due dates,
 * year ends, measures, plan periods, reporting years) outside 1990 to 2100, each with the
 * field, what was found and a hint.
 */
import { describe, expect, it } from 'vitest';
import { measureChart, sparkline } from '../../src/charts/measure-chart.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, validTree, type Tree } from '../helpers/content-tree.ts';

const measureFile = 'hampshire/measures/cp-plans-second-time.md';

/** A valid measure, with `change` applied to its frontmatter. */
function withMeasure(change: (frontmatter: string) => string): Tree {
  const frontmatter = `title: Children subject to a child protection plan for a second time
counts: Children who became subject to a plan again
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
  - { date: 2022-03-31, value: 254 }`;
  return { ...validTree(), [measureFile]: `---\n${change(frontmatter)}\n---\nThe definition.\n` };
}

const errorsOf = (tree: Tree) =>
  checkTree(tree)
    .problems.filter((p) => p.severity !== 'warning')
    .map((p) => formatProblem(p));

describe("a measure's figures", () => {
  it.each([
    ['a value', 'value: 290', 'value: 1.79e308', 'values[0].value', 'the number 1.79e+308'],
    ['a negative value', 'value: 290', 'value: -1.79e308', 'values[0].value', 'the number -1.79e+308'],
    ['the baseline', 'value: 312', 'value: 2e9', 'baseline.value', 'the number 2000000000'],
    ['a target', 'value: 200', 'value: 1e12', 'targets[0].value', 'the number 1000000000000'],
  ])('refuses %s beyond a billion, naming the field', (_, from, to, field, found) => {
    const errors = errorsOf(withMeasure((f) => f.replace(from, to)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${field}: expected a figure from -1,000,000,000 to 1,000,000,000, found ${found}`);
    expect(errors[0]).toContain('hint: write the figure itself, like 254 or 23.1');
  });

  it('accepts a billion either side of zero, and charts it with finite coordinates', () => {
    const tree = withMeasure((f) => f.replace('value: 290', 'value: 1000000000').replace('value: 254', 'value: -1000000000'));
    expect(errorsOf(tree)).toEqual([]);
    const values = [
      { date: '2021-03-31', value: 1_000_000_000 },
      { date: '2022-03-31', value: -1_000_000_000 },
    ];
    const chart = {
      unit: 'number' as const,
      frequency: 'yearly' as const,
      values,
      targets: [{ date: '2100-03-31', value: 1_000_000_000 }],
    };
    for (const drawn of [
      measureChart({ ...chart, chart: 'line' }),
      measureChart({ ...chart, chart: 'bar' }),
      sparkline(values, 'yearly'),
    ]) {
      expect(JSON.stringify(drawn)).not.toMatch(/NaN|Infinity|null/);
    }
  });
});

describe('dates from 1990 to 2100', () => {
  const action = 'hampshire/actions/deliver-training.md';
  const changed = (file: string, from: string, to: string): Tree => {
    const tree = validTree();
    expect(tree[file]).toContain(from);
    return { ...tree, [file]: tree[file].replace(from, to) };
  };

  it.each([
    ['a progress date in 9999', action, 'date: 2021-03-31', 'date: 9999-12-31', 'progress[1].date', '"9999-12-31"'],
    ['a progress date in 0000', action, 'date: 2020-09-30', 'date: 0000-01-01', 'progress[0].date', '"0000-01-01"'],
    ['a year end in 9999', 'hampshire/years/2020-21.md', 'plan:', 'ends: 9999-03-31\nplan:', 'ends', '"9999-03-31"'],
    ['a year start in 1989', 'hampshire/years/2020-21.md', 'plan:', 'starts: 1989-04-01\nplan:', 'starts', '"1989-04-01"'],
    [
      'an agreed date in 2101',
      'hampshire/plans/business-plan-2020-23.md',
      'period:',
      'agreedOn: 2101-01-01\nperiod:',
      'agreedOn',
      '"2101-01-01"',
    ],
  ])('refuses %s', (_, file, from, to, field, found) => {
    // (An item naming a year whose file has an error is reported too: only the file itself is looked at here.)
    const errors = errorsOf(changed(file, from, to)).filter((e) => e.startsWith(`error content/${file}:`));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${field}: expected a date from 1990 to 2100, found ${found}`);
    expect(errors[0]).toContain('hint: dates in a plan fall from 1990 to 2100: check the year');
  });

  it("refuses a measure's value dated 9999 and its baseline dated 0000", () => {
    const errors = errorsOf(
      withMeasure((f) => f.replace('date: 2022-03-31', 'date: 9999-03-31').replace('date: 2020-03-31', 'date: 0000-03-31')),
    );
    expect(errors.map((e) => e.split('\n')[1].trim())).toEqual([
      'baseline.date: expected a date from 1990 to 2100, found "0000-03-31"',
      'values[1].date: expected a date from 1990 to 2100, found "9999-03-31"',
    ]);
  });

  it.each([['9999-12-31'], ['March 9999'], ['Q1 9999-00'], ['0000-01']])('refuses the due date "%s"', (due) => {
    const errors = errorsOf(changed(action, 'status: in-progress', `status: in-progress\ndue: ${due}`));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('due: expected a due date from 1990 to 2100, found');
  });

  it.each([
    ['the period 0000-9999', 'period: 2020-2023', 'period: 0000-9999', 'period: expected a period from 1990 to 2100, found "0000-9999"'],
    [
      'an open-ended period from 9999',
      'period: 2020-2023',
      'period: 9999-onwards',
      'period: expected a period from 1990 to 2100, found "9999-onwards"',
    ],
  ])('refuses %s', (_, from, to, message) => {
    const errors = errorsOf(changed('hampshire/plans/business-plan-2020-23.md', from, to));
    expect(errors[0]).toContain(message);
  });

  it("refuses a reporting year 9999-00 in an item's years", () => {
    const errors = errorsOf(changed(action, '- 2020-21', '- 9999-00'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('years[0]: expected a reporting year from 1990-91 to 2099-00, found "9999-00"');
  });

  it('accepts the first and last days of the range', () => {
    const tree = changed(action, 'status: in-progress', 'status: in-progress\ndue: 2100-12-31');
    tree['hampshire/plans/business-plan-2020-23.md'] = tree['hampshire/plans/business-plan-2020-23.md'].replace(
      'period:',
      'agreedOn: 1990-01-01\nperiod:',
    );
    expect(errorsOf(tree)).toEqual([]);
  });
});
