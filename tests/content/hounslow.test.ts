/**
 * Completeness of the Hounslow SCP Business Plan 2019-21 transcription
 * (content/hounslow/). These counts and phrases come from the plan itself, so an
 * action lost or merged while editing fails CI.
 */
import { describe, it, expect } from 'vitest';
import { loadContent, type SourceFile } from '../../src/model/load.ts';

const { files } = loadContent('content');
const hounslow = files.filter((file) => file.partnership === 'hounslow');
const ofType = (type: SourceFile['type']) => hounslow.filter((file) => file.type === type);
const priorities = ofType('priority');
const actions = ofType('action');
const groupsOf = (id: string) => actions.find((action) => action.id === id)?.data.groups;

const expectedActionsPerPriority: Record<string, number> = {
  // Themed priorities
  'safeguarding-adolescents-in-the-home-and-community': 6,
  neglect: 4,
  'child-sexual-abuse': 3,
  'joint-approach-children-and-adults-services': 1,
  'adolescent-mental-health-and-emotional-wellbeing': 5,
  // Core Business
  'effectiveness-of-our-safeguarding-system': 4,
  inspections: 2,
  'hscp-effectiveness': 3,
  'voice-of-children-young-people-and-families': 4,
  'voice-of-practitioners-on-the-front-line': 1,
  'community-inclusion': 2,
  'relationship-with-strategic-boards': 2,
};

describe('Hounslow Business Plan 2019-21', () => {
  it('has the partnership, one plan and its two reporting years', () => {
    expect(ofType('partnership').map((file) => file.id)).toEqual(['hounslow']);
    expect(ofType('plan').map((file) => file.id)).toEqual(['business-plan-2019-21']);
    expect(ofType('year').map((file) => file.id).sort()).toEqual(['2019-20', '2020-21']);
  });

  it('has 5 themed priorities and 7 Core Business areas', () => {
    const inPart = (part: string) => priorities.filter((p) => p.data.part === part);
    expect(inPart('themed-priorities')).toHaveLength(5);
    expect(inPart('core-business')).toHaveLength(7);
    expect(priorities).toHaveLength(12);
    expect(inPart('themed-priorities').map((p) => p.data.code).sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
  });

  it('has the right number of actions under each priority', () => {
    const counts: Record<string, number> = {};
    for (const action of actions) {
      const priority = String(action.data.priority);
      counts[priority] = (counts[priority] ?? 0) + 1;
    }
    expect(counts).toEqual(expectedActionsPerPriority);
  });

  it('has 19 themed and 18 Core Business actions, 37 in all', () => {
    const partOf = new Map(priorities.map((p) => [p.id, p.data.part]));
    const inPart = (part: string) => actions.filter((a) => partOf.get(String(a.data.priority)) === part);
    expect(inPart('themed-priorities')).toHaveLength(19);
    expect(inPart('core-business')).toHaveLength(18);
    expect(actions).toHaveLength(37);
  });

  it('numbers actions 1.. within each priority', () => {
    for (const [priority, count] of Object.entries(expectedActionsPerPriority)) {
      const orders = actions.filter((a) => a.data.priority === priority).map((a) => a.data.order as number).sort((a, b) => a - b);
      expect(orders, priority).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
  });

  it('puts actions in the right reporting years', () => {
    const inYear = (year: string) => actions.filter((a) => (a.data.years as string[] | undefined)?.includes(year));
    expect(inYear('2019-20')).toHaveLength(35);
    expect(inYear('2020-21')).toHaveLength(37);
    // The two rows that date themselves: "in 2021" and "in September 2020".
    expect(actions.filter((a) => !inYear('2019-20').includes(a)).map((a) => a.id).sort()).toEqual([
      'review-of-safeguarding-children-arrangements',
      'third-neglect-multi-agency-audit',
    ]);
  });

  it('keeps every accountable party of the multi-group rows', () => {
    expect(groupsOf('pan-london-safeguarding-adolescents')).toEqual(['business-manager', 'safeguarding-effectiveness-sub-group']);
    expect(groupsOf('review-of-safeguarding-children-arrangements')).toEqual(['independent-advisor', 'business-manager']);
    expect(groupsOf('deliver-business-plan-and-work-plans')).toEqual([
      'partnership-members',
      'sub-group-members',
      'task-and-finish-group-members',
    ]);
    expect(groupsOf('raise-the-profile-of-the-partnership')).toEqual(['partnership-members', 'sub-group-members']);
    expect(groupsOf('practitioner-voice-in-strategic-decision-making')).toEqual(['partnership', 'sub-groups']);
  });

  it('leaves groups out where the Accountability cell is empty', () => {
    const noGroups = actions.filter((a) => !(a.data.groups as string[] | undefined)?.length).map((a) => a.id);
    expect(noGroups.sort()).toEqual([
      'adolescent-mental-health-case-audit',
      'camhs-transformation-and-trailblazer-oversight',
      'children-and-adults-workforce-working-together',
      'mental-health-first-aid-course-for-young-people',
      'mental-health-first-aid-training',
      'represented-on-relevant-strategic-boards',
      'transitions-for-vulnerable-young-people',
    ]);
  });

  it('marks Priority 4 and its action as joint with the HSAB', () => {
    expect(priorities.find((p) => p.data.code === 'P4')?.data.joint).toEqual(['hsab']);
    expect(actions.find((a) => a.data.priority === 'joint-approach-children-and-adults-services')?.data.joint).toEqual(['hsab']);
  });

  it('has the twelve accountable groups the plan names', () => {
    expect(ofType('group').map((g) => g.id).sort()).toEqual([
      'all-strategic-chairs',
      'business-manager',
      'cases-sub-group',
      'independent-advisor',
      'neglect-task-and-finish-group',
      'partnership',
      'partnership-members',
      'safeguarding-effectiveness-sub-group',
      'sub-group-members',
      'sub-groups',
      'task-and-finish-group-members',
      'training-sub-group',
    ]);
  });

  it.each([
    'external review exploring the whole system around vulnerable adolescents',
    'contextual task and finish group',
    'Dr Carlene Firman',
    'MACE',
    'aligning those where possible to work as collaboratively',
    'London Safeguarding Children Boards',
    'Rewrite the 2017-19 Neglect Strategy',
    'third neglect themed multi-agency audit',
    'HSCP neglect multi-agency training',
    'multi-agency CSA course',
    'Pants Campaign',
    'CSA Prevention Plan',
    'The HSCP and HSAB to consider',
    'Trailblazer',
    'Mental Health First Aid Training',
    'Youth Council and Leaving Care Council',
    'Levels 2 and 3',
    "adults' safeguarding threshold",
    'child protection conferences and core groups',
    'Police Protection',
    'MASH',
    'CFAN',
    'scrutinise and challenge performance',
    'summary report should be provided to members',
    'outcomes of inspections that it is included in',
    'robust arrangements',
    'September 2020',
    'protection of children before the protection of information',
    'multi-agency audit process, case reviews, and case studies',
    'what is important to them',
    'Participation Service',
    'service user, family, children',
    'learning cycles',
    'community leaders',
    'lay members',
    'twice a year',
    'Continue to be represented on and engage with all relevant strategic Boards',
  ])('keeps the seed phrase "%s" in some action', (phrase) => {
    const found = actions.some((a) => `${String(a.data.title)}\n${a.body}`.replace(/\s+/g, ' ').includes(phrase));
    expect(found).toBe(true);
  });
});
