/**
 * The relevance benchmark's queries (`npm run bench:search`): what practitioners type, on the
 * bundled sites, each with the pages that should come first. A query scores by the rank of the
 * first of its `best` pages in the result list; a query with no `best` pages is nonsense for
 * that site and scores only when it returns nothing at all.
 *
 * The pages are chosen by reading the plans, not by running the search: a priority, objective
 * or group whose title names the topic first, else the action that is about it.
 */
export type QueryKind = 'topic' | 'acronym' | 'expansion' | 'misspelling' | 'phrase' | 'multi-word' | 'code' | 'nonsense';

export interface BenchQuery {
  site: 'hampshire' | 'hounslow';
  q: string;
  kind: QueryKind;
  /** URL paths below the site, like "priorities/neglect/": any of them first is a perfect answer. */
  best: string[];
}

export const queries: BenchQuery[] = [
  // Topics: the priority (or group) that names it, before the actions that mention it.
  { site: 'hampshire', q: 'neglect', kind: 'topic', best: ['priorities/responding-to-neglect/'] },
  { site: 'hampshire', q: 'adolescents', kind: 'topic', best: ['priorities/safeguarding-adolescents/'] },
  {
    site: 'hampshire',
    q: 'exploitation',
    kind: 'topic',
    best: ['priorities/child-exploitation-review/', 'groups/child-exploitation-review-group/'],
  },
  { site: 'hampshire', q: 'excluded from education', kind: 'multi-word', best: ['priorities/children-excluded-from-education/'] },
  {
    site: 'hampshire',
    q: 'communication',
    kind: 'topic',
    best: ['priorities/dissemination-and-communication/', 'actions/communications-strategy/'],
  },
  { site: 'hampshire', q: 'business group', kind: 'multi-word', best: ['groups/business-group/'] },
  { site: 'hampshire', q: 'HSCP board', kind: 'multi-word', best: ['groups/hscp-board/'] },
  { site: 'hampshire', q: 'lurking trolls', kind: 'multi-word', best: ['actions/evaluate-lurking-trolls-campaign/'] },
  { site: 'hampshire', q: 'online safety', kind: 'multi-word', best: ['actions/evaluate-lurking-trolls-campaign/'] },
  {
    site: 'hampshire',
    q: 'neglect toolkit',
    kind: 'multi-word',
    best: ['actions/neglect-review-online-toolkit/', 'actions/neglect-review-toolkit-links/'],
  },
  { site: 'hampshire', q: 'neglect strategy', kind: 'multi-word', best: ['actions/neglect-update-neglect-strategy/'] },
  { site: 'hampshire', q: 'learning and improvement framework', kind: 'multi-word', best: ['actions/learning-and-improvement-framework/'] },
  { site: 'hampshire', q: 'CERAF', kind: 'acronym', best: ['actions/ceraf-roll-out-review/'] },
  {
    site: 'hampshire',
    q: 'CSA',
    kind: 'acronym',
    best: ['priorities/child-sexual-abuse-strategy/', 'groups/child-sexual-abuse-task-and-finish-group/'],
  },
  {
    site: 'hampshire',
    q: 'child sexual abuse',
    kind: 'expansion',
    best: ['priorities/child-sexual-abuse-strategy/', 'groups/child-sexual-abuse-task-and-finish-group/'],
  },
  {
    site: 'hampshire',
    q: 'CSE',
    kind: 'acronym',
    best: ['priorities/child-exploitation-review/', 'groups/child-exploitation-review-group/'],
  },
  { site: 'hampshire', q: 'ACEs', kind: 'acronym', best: ['priorities/children-excluded-from-education/'] },
  { site: 'hampshire', q: 'adverse childhood experiences', kind: 'expansion', best: ['priorities/children-excluded-from-education/'] },
  { site: 'hampshire', q: '"every sleep counts"', kind: 'phrase', best: ['actions/every-sleep-counts-campaign/'] },
  { site: 'hampshire', q: '"unborn baby"', kind: 'phrase', best: ['actions/evaluate-unborn-baby-protocol/'] },
  { site: 'hampshire', q: 'neglet', kind: 'misspelling', best: ['priorities/responding-to-neglect/'] },
  { site: 'hampshire', q: 'adolesents', kind: 'misspelling', best: ['priorities/safeguarding-adolescents/'] },
  {
    site: 'hampshire',
    q: 'exploitaton',
    kind: 'misspelling',
    best: ['priorities/child-exploitation-review/', 'groups/child-exploitation-review-group/'],
  },
  { site: 'hampshire', q: 'astronaut', kind: 'nonsense', best: [] },
  { site: 'hampshire', q: 'domestic abuse', kind: 'nonsense', best: [] },
  { site: 'hampshire', q: 'xylophone', kind: 'nonsense', best: [] },

  { site: 'hounslow', q: 'neglect', kind: 'topic', best: ['priorities/neglect/'] },
  { site: 'hounslow', q: 'inspections', kind: 'topic', best: ['priorities/inspections/'] },
  { site: 'hounslow', q: 'inspection', kind: 'topic', best: ['priorities/inspections/'] },
  { site: 'hounslow', q: 'mental health', kind: 'multi-word', best: ['priorities/adolescent-mental-health-and-emotional-wellbeing/'] },
  {
    site: 'hounslow',
    q: 'safeguarding adolescents',
    kind: 'multi-word',
    best: ['priorities/safeguarding-adolescents-in-the-home-and-community/'],
  },
  { site: 'hounslow', q: 'voice of the child', kind: 'multi-word', best: ['priorities/voice-of-children-young-people-and-families/'] },
  { site: 'hounslow', q: 'training sub-group', kind: 'multi-word', best: ['groups/training-sub-group/'] },
  { site: 'hounslow', q: 'police protection', kind: 'multi-word', best: ['actions/use-of-police-protection/'] },
  { site: 'hounslow', q: 'lay member', kind: 'multi-word', best: ['actions/recruit-two-lay-members/'] },
  {
    site: 'hounslow',
    q: 'youth council',
    kind: 'multi-word',
    best: ['actions/youth-council-and-participation-service/', 'actions/mental-health-first-aid-course-for-young-people/'],
  },
  {
    site: 'hounslow',
    q: 'contextual safeguarding',
    kind: 'multi-word',
    best: ['actions/contextual-safeguarding-report-to-senior-leaders/', 'actions/adolescents-contextual-task-and-finish-group/'],
  },
  { site: 'hounslow', q: 'neglect strategy', kind: 'multi-word', best: ['actions/rewrite-neglect-strategy/'] },
  { site: 'hounslow', q: 'P2', kind: 'code', best: ['priorities/neglect/'] },
  { site: 'hounslow', q: 'P3', kind: 'code', best: ['priorities/child-sexual-abuse/'] },
  { site: 'hounslow', q: 'CSA', kind: 'acronym', best: ['priorities/child-sexual-abuse/'] },
  { site: 'hounslow', q: 'CSE', kind: 'acronym', best: ['actions/mase-to-mace-panel-transition/', 'plans/business-plan-2019-21/'] },
  { site: 'hounslow', q: 'MASH', kind: 'acronym', best: ['actions/thresholds-mash-and-cfan-referrals/'] },
  { site: 'hounslow', q: 'multi-agency safeguarding hub', kind: 'expansion', best: ['actions/thresholds-mash-and-cfan-referrals/'] },
  { site: 'hounslow', q: 'CAMHS', kind: 'acronym', best: ['actions/camhs-transformation-and-trailblazer-oversight/'] },
  {
    site: 'hounslow',
    q: 'child and adolescent mental health services',
    kind: 'expansion',
    best: ['actions/camhs-transformation-and-trailblazer-oversight/'],
  },
  { site: 'hounslow', q: 'MACE', kind: 'acronym', best: ['actions/mase-to-mace-panel-transition/'] },
  { site: 'hounslow', q: 'child exploitation', kind: 'expansion', best: ['actions/mase-to-mace-panel-transition/'] },
  { site: 'hounslow', q: 'CIN', kind: 'acronym', best: ['actions/audit-of-multi-agency-safeguarding-meetings/'] },
  { site: 'hounslow', q: 'FGM', kind: 'acronym', best: ['plans/business-plan-2019-21/'] },
  { site: 'hounslow', q: 'PANTS', kind: 'acronym', best: ['actions/csa-awareness-raising-pants-campaign/'] },
  { site: 'hounslow', q: '"child protection conferences"', kind: 'phrase', best: ['actions/audit-of-multi-agency-safeguarding-meetings/'] },
  {
    site: 'hounslow',
    q: '"mental health first aid"',
    kind: 'phrase',
    best: ['actions/mental-health-first-aid-training/', 'actions/mental-health-first-aid-course-for-young-people/'],
  },
  { site: 'hounslow', q: 'mental helth', kind: 'misspelling', best: ['priorities/adolescent-mental-health-and-emotional-wellbeing/'] },
  { site: 'hounslow', q: 'neglekt', kind: 'misspelling', best: ['priorities/neglect/'] },
  { site: 'hounslow', q: 'trailblazzer', kind: 'misspelling', best: ['actions/camhs-transformation-and-trailblazer-oversight/'] },
  { site: 'hounslow', q: 'quidditch', kind: 'nonsense', best: [] },
  { site: 'hounslow', q: 'astronaut', kind: 'nonsense', best: [] },
  { site: 'hounslow', q: 'banana bread', kind: 'nonsense', best: [] },
];
