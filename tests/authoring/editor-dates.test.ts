/**
 * Which of the check's warnings about dates outside the plan the editor shows before a save, on a
 * small partnership with two plans: the Business Plan 2020-23 (1 April 2020 to 31 March 2023) and
 * an open-ended strategy from April 2023. A plan item's due date and new progress updates should
 * fall within its own plan; what the file already says is not the save's to warn about (the check
 * says it, as ever); moving an item to another plan brings its due date's warning. The browser
 * side is tests/browser/editor-form-checks.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypes } from '../../schemas/index.ts';
import { editorConfig } from '../../src/authoring/editor-config.ts';
import { warningsOf, type SaveRequest } from '../../src/authoring/editor-store.ts';
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
/** What the page would show beside each field before saving: the field and the check's words. */
const warned = (request: SaveRequest) => warningsOf(tree.contentDir, request).map((w) => `${w.field}: ${w.message}`);

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
    expect(config.collections.find((c) => c.type === 'action')!.withinPlan).toEqual(['due', 'progress.date']);
    expect(config.collections.find((c) => c.type === 'measure')!.withinPlan).toEqual([]);
  });
});

describe('the warnings a save would add, shown before saving', () => {
  it('warns of a due date after a plan ends, in any of the forms a due date takes', () => {
    for (const [due, given] of [
      ['2023-04-01', '"2023-04-01"'],
      ['April 2023', '"April 2023" (30 April 2023)'],
      ['Q1 2023-24', '"Q1 2023-24" (30 June 2023)'],
      ['2023-24', '"2023-24" (31 March 2024)'],
    ]) {
      expect(warned(action({ title: 'A', order: 2, objective: 'understand-neglect', due })), due).toEqual([
        `due: the due date ${given} is after the plan "Business Plan 2020-23" ends: the plan runs from 1 April 2020 to 31 March 2023`,
      ]);
    }
    for (const due of ['2020-04-01', 'March 2023', 'Q4 2022-23', 'ongoing'])
      expect(warned(action({ title: 'A', order: 2, objective: 'understand-neglect', due })), due).toEqual([]);
  });

  it('lets an open-ended plan take any later date, and warns of one before it starts', () => {
    expect(warned(action({ title: 'A', order: 2, priority: 'exploitation', due: '2040-03-31' }))).toEqual([]);
    expect(warned(action({ title: 'A', order: 2, priority: 'exploitation', due: 'Q4 2022-23' }))).toEqual([
      'due: the due date "Q4 2022-23" (31 March 2023) is before the plan "Exploitation Strategy" starts: the plan runs from 1 April 2023',
    ]);
  });

  it('warns only of the progress updates a save adds, not one already in the file', () => {
    const earlier = [
      { date: '2019-06-30', text: 'Planned before the plan.' },
      { date: '2020-09-30', text: 'Training designed.' },
      { date: '2021-03-31', status: 'in-progress', text: 'First sessions delivered.' },
    ];
    const adding = (date: string) => action({ progress: [...earlier, { date, text: 'More sessions.' }] }, 'deliver-training', false);
    expect(warned(adding('2022-09-30'))).toEqual([]);
    expect(warned(adding('2023-06-30'))).toEqual([
      'progress[3].date: the progress update dated 30 June 2023 is after the plan "Business Plan 2020-23" ends: the plan runs from 1 April 2020 to 31 March 2023',
    ]);
  });

  it("warns of its due date and updates again when the item moves to another plan's priority", () => {
    expect(warned(action({ order: 3 }, 'deliver-training', false))).toEqual([]);
    const starts = 'before the plan "Exploitation Strategy" starts: the plan runs from 1 April 2023';
    expect(warned(action({ objective: null, priority: 'exploitation' }, 'deliver-training', false))).toEqual([
      `due: the due date "2021-03-31" is ${starts}`,
      `progress[0].date: the progress update dated 30 June 2019 is ${starts}`,
      `progress[1].date: the progress update dated 30 September 2020 is ${starts}`,
      `progress[2].date: the progress update dated 31 March 2021 is ${starts}`,
    ]);
  });

  it('says it in the words the check says it, hint and all', () => {
    const save = action({ title: 'A', order: 2, objective: 'understand-neglect', due: '2035-03-31' });
    const [warning] = warningsOf(tree.contentDir, save);
    expect(warning).toMatchObject({ severity: 'warning', field: 'due', line: 5 });
    expect(warning.hint).toContain('this is a warning, not an error');
  });
});
