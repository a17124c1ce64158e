/**
 * Completeness of the Hampshire SCP Business Plan 2020-23 transcription
 * (seed: /work/shared/seeds/000_c1c650decb110599.txt). If an action, priority or
 * reporting year goes missing, or a file stops parsing, these counts fail.
 */
import { describe, it, expect } from 'vitest';
import { loadContent, type SourceFile } from '../../src/model/load.ts';

// Run from the repository root, as `npm test` does.
const { files, problems } = loadContent('content');
const hampshire = files.filter((file) => file.partnership === 'hampshire');
const ofType = (type: SourceFile['type']) => hampshire.filter((file) => file.type === type);
const priorities = ofType('priority');
const actions = ofType('action');

/** Actions per priority, in plan order, split by reporting year as the seed's columns give them. */
const expected: Record<string, { part: string; '2020-21': number; '2021-22': number }> = {
  'safeguarding-adolescents': { part: 'part-a', '2020-21': 5, '2021-22': 6 },
  'responding-to-neglect': { part: 'part-a', '2020-21': 6, '2021-22': 5 },
  'evaluate-impact': { part: 'part-b', '2020-21': 0, '2021-22': 3 },
  'dissemination-and-communication': { part: 'part-b', '2020-21': 0, '2021-22': 5 },
  'children-excluded-from-education': { part: 'part-b', '2020-21': 0, '2021-22': 2 },
  'child-sexual-abuse-strategy': { part: 'part-b', '2020-21': 0, '2021-22': 4 },
  'child-exploitation-review': { part: 'part-b', '2020-21': 0, '2021-22': 3 },
};

/** One phrase per priority that only a faithful transcription carries in some action title. */
const distinctivePhrases: Record<string, string> = {
  'safeguarding-adolescents': 'Adolescent Neglect',
  'responding-to-neglect': '2019 HSCP evaluation of Neglect',
  'evaluate-impact': 'Lurking Trolls',
  'dissemination-and-communication': 'Learning and Improvement Framework',
  'children-excluded-from-education': 'reduced hours provision',
  'child-sexual-abuse-strategy': 'Child Safeguarding Practice reviews',
  'child-exploitation-review': 'CERAF',
};

const yearsOf = (data: Record<string, unknown>) => (Array.isArray(data.years) ? (data.years as string[]) : []);

describe('Hampshire SCP Business Plan 2020-23', () => {
  it('every Hampshire file parses', () => {
    expect(problems.filter((problem) => problem.file.includes('hampshire'))).toEqual([]);
  });

  it('has the partnership, one plan and three reporting years', () => {
    expect(ofType('partnership')).toHaveLength(1);
    expect(ofType('plan').map((file) => file.id)).toEqual(['business-plan-2020-23']);
    expect(ofType('year').map((file) => file.id).sort()).toEqual(['2020-21', '2021-22', '2022-23']);
  });

  it('has 2 Strategic Objectives in Part A and 5 Strategic Activities in Part B', () => {
    const inPart = (part: string) => priorities.filter((file) => file.data.part === part);
    expect(inPart('part-a')).toHaveLength(2);
    expect(inPart('part-b')).toHaveLength(5);
    expect(priorities.map((file) => file.id).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, want] of Object.entries(expected)) {
      expect(priorities.find((file) => file.id === id)?.data.part, id).toBe(want.part);
    }
  });

  it('has the right number of actions under each priority, per reporting year', () => {
    for (const [id, want] of Object.entries(expected)) {
      const under = actions.filter((file) => file.data.priority === id);
      expect(under, id).toHaveLength(want['2020-21'] + want['2021-22']);
      for (const year of ['2020-21', '2021-22'] as const) {
        expect(under.filter((file) => yearsOf(file.data).includes(year)), `${id} ${year}`).toHaveLength(want[year]);
      }
      // Orders run 1..n without gaps or repeats.
      const orders = under.map((file) => file.data.order).sort((a, b) => Number(a) - Number(b));
      expect(orders, id).toEqual(under.map((_, index) => index + 1));
    }
  });

  it('has 11 actions in 2020-21, 28 in 2021-22, none in 2022-23 and 39 in all', () => {
    const inYear = (year: string) => actions.filter((file) => yearsOf(file.data).includes(year));
    expect(inYear('2020-21')).toHaveLength(11);
    expect(inYear('2021-22')).toHaveLength(28);
    expect(inYear('2022-23')).toHaveLength(0);
    expect(actions).toHaveLength(39);
  });

  it('keeps a distinctive phrase of the seed in some action title of each priority', () => {
    for (const [id, phrase] of Object.entries(distinctivePhrases)) {
      const titles = actions.filter((file) => file.data.priority === id).map((file) => String(file.data.title));
      expect(titles.some((title) => title.includes(phrase)), `${id}: "${phrase}"`).toBe(true);
    }
    const allTitles = actions.map((file) => String(file.data.title));
    expect(allTitles.some((title) => title.includes('Every Sleep Counts'))).toBe(true);
  });

  it('names the seven accountable groups', () => {
    expect(ofType('group').map((file) => file.id).sort()).toEqual([
      'adolescents-task-and-finish-group',
      'business-group',
      'child-exploitation-review-group',
      'child-sexual-abuse-task-and-finish-group',
      'hscp-board',
      'hscp-member-agencies',
      'neglect-task-and-finish-group',
    ]);
  });
});
