/**
 * Which dates the editor refuses before a save, on a small partnership with two plans: the
 * Business Plan 2020-23 (1 April 2020 to 31 March 2023) and an open-ended strategy from April
 * 2023. A plan item's due date and new progress updates fall within its own plan; what the file
 * already says is not the save's to refuse; moving an item to another plan checks its due date
 * again. The browser side is tests/browser/editor-form-checks.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypes } from '../../schemas/index.ts';
import { editorConfig } from '../../src/authoring/editor-config.ts';
import { datesOf, type SaveRequest } from '../../src/authoring/editor-store.ts';
import { checkContent } from '../../src/model/check.ts';
import { md, validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';

let tree: ContentTree;

beforeAll(() => {
  const base = validTree();
  tree = writeTree({
    ...base,
    // An update dated before the plan began, already in the file.
    'hampshire/actions/deliver-training.md': base['hampshire/actions/deliver-training.md']
      .replace('status: in-progress\n', 'status: in-progress\ndue: 2021-03-31\n')
      .replace('progress:\n', 'progress:\n  - date: 2019-06-30\n    text: Planned before the plan.\n'),
    'hampshire/plans/exploitation-strategy.md': md`
      ---
      title: Exploitation Strategy
      period: 2023-onwards
      groups: none
      years: none
      ---
    `,
    'hampshire/priorities/exploitation.md': md`
      ---
      title: Tackling exploitation
      order: 1
      plan: exploitation-strategy
      ---
    `,
  });
});

afterAll(() => tree?.remove());

const action = (changes: Record<string, unknown>, id = 'a-new-action', isNew = true): SaveRequest => ({
  partnership: 'hampshire',
  type: 'action',
  id,
  isNew,
  changes,
});
const refused = (request: SaveRequest) => datesOf(tree.contentDir, request);

describe('the days each plan runs, in the configuration', () => {
  it('puts its plan range on each plan, priority and objective to choose', () => {
    const config = editorConfig(tree.contentDir, 'hampshire', contentTypes, checkContent(tree.contentDir).index);
    const options = (type: string, name: string) =>
      config.collections.find((c) => c.type === type)!.fields.find((f) => f.name === name)!.options!;
    const texts = (type: string, name: string) => Object.fromEntries(options(type, name).map((o) => [o.value, o.range?.text]));
    expect(texts('action', 'priority')).toEqual({ neglect: 'from 1 April 2020 to 31 March 2023', exploitation: 'from 1 April 2023' });
    expect(texts('action', 'objective')).toEqual({ 'understand-neglect': 'from 1 April 2020 to 31 March 2023' });
    expect(texts('priority', 'plan')).toEqual({
      'business-plan-2020-23': 'from 1 April 2020 to 31 March 2023',
      'exploitation-strategy': 'from 1 April 2023',
    });
    expect(config.collections.find((c) => c.type === 'action')!.withinPlan).toEqual(['due', 'progress']);
    expect(config.collections.find((c) => c.type === 'measure')!.withinPlan).toEqual([]);
  });
});

describe('dates the editor refuses before a save', () => {
  it('refuses a due date after a plan ends, in any of the forms a due date takes', () => {
    for (const due of ['2023-04-01', 'April 2023', 'Q1 2023-24', '2023-24']) {
      const found = refused(action({ title: 'A', order: 2, objective: 'understand-neglect', due }));
      expect(
        found.map((p) => p.field),
        due,
      ).toEqual(['due']);
      expect(found[0].message, due).toContain(`"${due}"`);
      expect(found[0].message, due).toContain(
        'after the plan "Business Plan 2020-23" ends. Give a date from 1 April 2020 to 31 March 2023.',
      );
    }
    for (const due of ['2020-04-01', 'March 2023', 'Q4 2022-23', 'ongoing'])
      expect(refused(action({ title: 'A', order: 2, objective: 'understand-neglect', due })), due).toEqual([]);
  });

  it('lets an open-ended plan take any later date, and refuses one before it starts', () => {
    expect(refused(action({ title: 'A', order: 2, priority: 'exploitation', due: '2040-03-31' }))).toEqual([]);
    expect(refused(action({ title: 'A', order: 2, priority: 'exploitation', due: 'Q4 2022-23' }))).toEqual([
      {
        field: 'due',
        message:
          'The due date "Q4 2022-23" (31 March 2023) is before the plan "Exploitation Strategy" starts. Give a date from 1 April 2023.',
      },
    ]);
  });

  it('refuses only the progress updates a save adds, not one already in the file', () => {
    const earlier = [
      { date: '2019-06-30', text: 'Planned before the plan.' },
      { date: '2020-09-30', text: 'Training designed.' },
      { date: '2021-03-31', status: 'in-progress', text: 'First sessions delivered.' },
    ];
    const adding = (date: string) => action({ progress: [...earlier, { date, text: 'More sessions.' }] }, 'deliver-training', false);
    expect(refused(adding('2022-09-30'))).toEqual([]);
    expect(refused(adding('2023-06-30'))).toEqual([
      {
        field: 'progress',
        message:
          'The progress update dated 30 June 2023 (2023-06-30) is after the plan "Business Plan 2020-23" ends. Give a date from 1 April 2020 to 31 March 2023.',
      },
    ]);
  });

  it("checks a due date again when the item moves to another plan's priority", () => {
    expect(refused(action({ order: 3 }, 'deliver-training', false))).toEqual([]);
    const moved = refused(action({ objective: null, priority: 'exploitation' }, 'deliver-training', false));
    expect(moved.map((p) => p.message)).toEqual([
      'The due date "2021-03-31" is before the plan "Exploitation Strategy" starts. Give a date from 1 April 2023.',
    ]);
  });
});
