/**
 * An outcome-based plan as a partnership writes it from the guide's section 2.15 (issue 26):
 * Wrenfield's Child Exploitation Strategy (tests/fixtures/outcomes-plan), four priorities each
 * with an aim and three coded outcomes, 21 actions over the Prepare / Prevent / Protect / Pursue
 * strands, each serving outcomes of its priority, two measures that evidence outcomes, and a plan
 * that says once `groups: none`, `years: none`, `statuses: none` and `listActionsBy: strand`.
 *
 * Read back from the built site as a reader would: every expected title below is copied by hand
 * from the fixture's files, not worked out from the model.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/open-data/csv.ts';
import { planJsonSchema } from '../../src/open-data/plan-json.ts';
import { attr, byClass, byTag, elements, linksIn, readPage, text, type Element } from '../helpers/read-site.ts';
import { htmlFiles } from '../helpers/site.ts';

const root = inject('fixtureDirs')['outcomes-plan'];
const site = '/wrenfield/';

const titles = {
  fosterCarers: "Train foster carers and children's home staff in the missing from care protocol",
  returnHomeInterviews: 'Offer every child a return home interview within 72 hours of being found',
  shareWhatChildrenTellUs: 'Share what children tell us in return home interviews with the police within a week',
  strategyDiscussion: 'Hold a multi-agency strategy discussion for any child who goes missing three times in 90 days',
  neighbouringCouncils: 'Agree with neighbouring councils how we share what we know about children placed in Wrenfield',
  schoolsTraining: 'Train school and college staff to spot the signs of criminal exploitation',
  emergencyDepartment: 'Place youth workers in the hospital emergency department to talk to young people who come in hurt',
  safetyPlanReview: 'Review every child open to the MACE meeting to make sure they have an up-to-date safety plan',
  nrm: 'Refer every child found to be criminally exploited to the National Referral Mechanism',
  countyLines: 'Run joint police and council operations to close county lines and disrupt the adults behind them',
  warningNotices: 'Use child abduction warning notices against adults who harbour children',
  parentSessions: 'Run online safety sessions for parents and carers in schools and family hubs',
  parentGuide: 'Publish a short guide for parents on online grooming in the five languages most spoken in Wrenfield',
  taxiDrivers: "Make safeguarding training a condition of every taxi and private hire driver's licence",
  hotels: 'Visit every hotel and short-let host in the borough to show staff how to report a worry',
  specialistSupport: 'Commission a specialist support service for children who have been sexually exploited',
  monthlyMap: 'Map the places of concern every month from police, council and school information',
  youthWorkers: 'Put youth workers in the town centre and parks on Friday and Saturday evenings',
  publicPlacesTraining: 'Train staff at the bus and rail stations, fast-food outlets and shopping centre to report a worry about a child',
  unsafePlaces: 'Change the places children say they feel unsafe, with better lighting, CCTV and patrols',
  closureOrders: 'Use closure orders and community protection notices against premises where children are exploited',
};
const repeatMissing = 'Children who went missing three or more times in the year';
const safetyPlans = 'Children at risk of exploitation with a multi-agency safety plan';

interface Outcome {
  label: string;
  text: string;
  servedBy: string[];
  measuredBy: string[];
}

interface Priority {
  id: string;
  heading: string;
  aim: string;
  outcomes: Outcome[];
  /** Each strand heading, in the partnership's order, with the actions listed under it. */
  strands: Array<[string, string[]]>;
}

const priorities: Priority[] = [
  {
    id: 'children-who-go-missing',
    heading: '1: Children who go missing',
    aim: 'Every child who goes missing from home or care is found quickly, and we understand and reduce the reasons they go.',
    outcomes: [
      {
        label: '1.1',
        text: 'Fewer children go missing three or more times in a year.',
        servedBy: [titles.fosterCarers, titles.shareWhatChildrenTellUs, titles.strategyDiscussion],
        measuredBy: [repeatMissing],
      },
      {
        label: '1.2',
        text: 'Every child who returns is offered a return home interview within 72 hours.',
        servedBy: [titles.returnHomeInterviews],
        measuredBy: [],
      },
      {
        label: '1.3',
        text: 'Children who go missing are found sooner, because what they tell us is shared and used.',
        servedBy: [titles.shareWhatChildrenTellUs, titles.neighbouringCouncils],
        measuredBy: [],
      },
    ],
    strands: [
      ['Prepare', [titles.fosterCarers, titles.neighbouringCouncils]],
      ['Prevent', [titles.strategyDiscussion]],
      ['Protect', [titles.returnHomeInterviews, titles.shareWhatChildrenTellUs]],
      ['Pursue', [titles.shareWhatChildrenTellUs]],
    ],
  },
  {
    id: 'criminal-exploitation-and-county-lines',
    heading: '2: Criminal exploitation and county lines',
    aim: 'Children at risk of being drawn into crime by adults are identified early and protected, and the county lines that use them are closed down.',
    outcomes: [
      {
        label: '2.1',
        text: 'Children at risk of criminal exploitation are identified before they are arrested or harmed.',
        servedBy: [titles.schoolsTraining, titles.emergencyDepartment],
        measuredBy: [],
      },
      {
        label: '2.2',
        text: 'Every child known to be at risk of criminal exploitation has a multi-agency safety plan.',
        servedBy: [titles.safetyPlanReview, titles.nrm],
        measuredBy: [safetyPlans],
      },
      {
        label: '2.3',
        text: 'More county lines operating in Wrenfield are closed down, and the adults running them prosecuted.',
        servedBy: [titles.countyLines, titles.warningNotices],
        measuredBy: [],
      },
    ],
    strands: [
      ['Prepare', [titles.schoolsTraining]],
      ['Prevent', [titles.emergencyDepartment]],
      ['Protect', [titles.safetyPlanReview, titles.nrm]],
      ['Pursue', [titles.countyLines, titles.warningNotices]],
    ],
  },
  {
    id: 'sexual-exploitation-online-and-offline',
    heading: '3: Sexual exploitation, online and offline',
    aim: 'Children are protected from sexual exploitation, whether it starts online or in person, and children who have been exploited get the help they need to recover.',
    outcomes: [
      {
        label: '3.1',
        text: 'Parents and carers know the signs of online grooming and where to get help.',
        servedBy: [titles.parentSessions, titles.parentGuide],
        measuredBy: [],
      },
      {
        label: '3.2',
        text: 'Hotels, taxi drivers and night-time businesses recognise the signs of exploitation and report them.',
        servedBy: [titles.taxiDrivers, titles.hotels],
        measuredBy: [],
      },
      {
        label: '3.3',
        text: 'Children who have been sexually exploited get specialist support for as long as they need it.',
        servedBy: [titles.specialistSupport],
        measuredBy: [safetyPlans],
      },
    ],
    strands: [
      ['Prepare', [titles.parentSessions, titles.hotels]],
      ['Prevent', [titles.parentGuide, titles.taxiDrivers]],
      ['Protect', [titles.specialistSupport]],
      ['Pursue', [titles.hotels]],
    ],
  },
  {
    id: 'safer-places-and-spaces',
    heading: '4: Safer places and spaces',
    aim: 'The places where children spend their time, such as the town centre, parks, the bus and rail stations and fast-food outlets, are safe, and the people who work there look out for them.',
    outcomes: [
      {
        label: '4.1',
        text: 'The places where children are at risk of exploitation are mapped, and the map is reviewed every month.',
        servedBy: [titles.monthlyMap, titles.unsafePlaces],
        measuredBy: [],
      },
      {
        label: '4.2',
        text: 'Children say they feel safer in the town centre, the parks and at the bus and rail stations.',
        servedBy: [titles.youthWorkers, titles.unsafePlaces],
        measuredBy: [],
      },
      {
        label: '4.3',
        text: 'Businesses and community groups in the places of concern know how to report a worry about a child.',
        servedBy: [titles.publicPlacesTraining, titles.closureOrders],
        measuredBy: [],
      },
    ],
    strands: [
      ['Prepare', [titles.monthlyMap, titles.publicPlacesTraining]],
      ['Prevent', [titles.youthWorkers]],
      ['Protect', [titles.unsafePlaces]],
      ['Pursue', [titles.closureOrders]],
    ],
  },
];

/** The link texts of the part of an outcome's line that starts with `label` ("Served by:"). */
function listedAfter(outcome: Element, label: string): string[] {
  const part = byTag(outcome, 'span').find((span) => text(span).startsWith(label));
  return part ? linksIn(part).map(([, words]) => words) : [];
}

/** An outcome as its priority's page shows it: its number, its words, and what serves and measures it. */
function readOutcome(li: Element): Outcome {
  const label = text(byClass(li, 'outcomes__number')[0]);
  const meta = byClass(li, 'meta')[0];
  const words = text(li).slice(label.length).trim();
  return {
    label,
    text: meta ? words.slice(0, words.indexOf(text(meta))).trim() : words,
    servedBy: listedAfter(li, 'Served by:'),
    measuredBy: listedAfter(li, 'Measured by:'),
  };
}

/** The headings of a page's actions section, each with the titles of the actions listed under it. */
function actionsByHeading(main: Element): Array<[string, string[]]> {
  const section = byTag(main, 'section').find((s) => attr(s, 'aria-labelledby') === 'actions');
  if (!section) return [];
  const found: Array<[string, string[]]> = [];
  for (const child of section.childNodes) {
    if (!('tagName' in child)) continue;
    if (child.tagName === 'h3') found.push([text(child), []]);
    if (child.tagName === 'ul' && found.length > 0) {
      for (const li of byTag(child, 'li')) found.at(-1)![1].push(text(byTag(li, 'a')[0]));
    }
  }
  return found;
}

describe('each priority page, read as a reader would', () => {
  it.each(priorities)('$heading: the aim first, then its outcomes numbered, each with what serves and measures it', (priority) => {
    const { main } = readPage(root, `${site}priorities/${priority.id}/`);
    // Nothing between the priority's name and its aim: not a summary, not a status.
    expect(text(main).startsWith(`Priority ${priority.heading} ${priority.aim}`)).toBe(true);
    const list = byClass(main, 'outcomes')[0];
    expect(list.tagName).toBe('ol');
    const items = byTag(list, 'li');
    expect(items.map((li) => attr(li, 'id'))).toEqual(['outcome-1', 'outcome-2', 'outcome-3']);
    expect(items.map(readOutcome)).toEqual(priority.outcomes);
  });

  it.each(priorities)('$heading: its actions under the four strand headings, in the order the partnership declares them', (priority) => {
    const { main } = readPage(root, `${site}priorities/${priority.id}/`);
    expect(actionsByHeading(main)).toEqual(priority.strands);
  });
});

describe('the home and plan pages', () => {
  it.each([site, `${site}plans/child-exploitation-strategy-2024-onwards/`])('%s shows each priority with its aim beneath it', (url) => {
    const words = text(readPage(root, url).main);
    for (const priority of priorities) expect(words).toContain(`${priority.heading} ${priority.aim}`);
  });
});

describe('what the plan says it does not have, on no page', () => {
  const pages = htmlFiles(root).filter((file) => file === 'index.html' || file === '404.html' || file.startsWith('wrenfield/'));
  const html = new Map(pages.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));

  it('builds the pages of the plan', () => {
    expect(pages).toContain('wrenfield/priorities/children-who-go-missing/index.html');
    expect(pages.filter((file) => file.startsWith('wrenfield/actions/'))).toHaveLength(21);
  });

  // With no status and no update yet, there is no progress feed either, nor a link to one.
  it.each([
    'No group named',
    'names no groups',
    'Group responsible',
    'Accountable group',
    'No status reported',
    'No progress',
    'Overdue',
    'feed.xml',
  ])('no page says "%s", not even in the text only search reads', (words) => {
    const saying = pages.filter((file) => html.get(file)!.includes(words));
    expect(saying).toEqual([]);
  });

  it('no page shows a status tag, a rating, a progress bar or a tally of statuses (measures keep theirs)', () => {
    const found: string[] = [];
    for (const file of pages) {
      const { document } = readPage(root, `/${file.replace(/index\.html$/, '')}`);
      for (const element of elements(document)) {
        const classes = (attr(element, 'class') ?? '').split(/\s+/);
        const status = classes.filter((c) => /^tag--(?!measure-)/.test(c) || ['breakdown', 'tally', 'tally-none'].includes(c));
        if (status.length > 0) found.push(`${file}: ${status.join(' ')}`);
      }
    }
    expect(found).toEqual([]);
    // The measures' own statuses are still shown: the plan reports measures, not statuses.
    expect(byClass(readPage(root, `${site}measures/`).main, 'tag').length).toBeGreaterThan(0);
  });

  it('has no page about how status is worked out, no Groups or Years page and no empty progress feed', () => {
    const files = pages.map((file) => file.split('/').slice(0, 2).join('/'));
    expect(files).not.toContain('wrenfield/how-status-is-worked-out');
    expect(files).not.toContain('wrenfield/groups');
    expect(files).not.toContain('wrenfield/years');
    expect(existsSync(path.join(root, 'wrenfield/feed.xml'))).toBe(false);
  });

  it('offers search filters by priority and strand, and none by status', () => {
    const filters = readdirSync(path.join(root, 'wrenfield/pagefind/filter')).map((file) =>
      gunzipSync(readFileSync(path.join(root, 'wrenfield/pagefind/filter', file))).toString('utf8'),
    );
    expect(filters.some((f) => f.includes('strand') && f.includes('Pursue'))).toBe(true);
    expect(filters.some((f) => f.includes('priority') && f.includes('Safer places and spaces'))).toBe(true);
    expect(filters.filter((f) => /status/i.test(f))).toEqual([]);
    expect(statSync(path.join(root, 'wrenfield/search/index.html')).isFile()).toBe(true);
  });
});

describe('the open data', () => {
  it('actions.csv says which outcomes each action serves', () => {
    const [header, ...rows] = parseCsv(readFileSync(path.join(root, 'wrenfield/data/actions.csv'), 'utf8')).rows;
    const column = (id: string, name: string) => rows.find((row) => row[0] === id)?.[header.indexOf(name)];
    expect(header).toContain('serves');
    expect(column('share-what-children-tell-us', 'serves')).toBe(
      'outcome 1.3 of 1: Children who go missing; outcome 1.1 of 1: Children who go missing',
    );
    expect(column('change-unsafe-places', 'serves')).toBe(
      'outcome 4.2 of 4: Safer places and spaces; outcome 4.1 of 4: Safer places and spaces',
    );
    expect(column('close-county-lines', 'status')).toBe('');
  });

  it("plan.json has the numbered outcomes, each action's serves and the plan's declarations", () => {
    // Read through the published schema, as a reuser's code would: it must also validate.
    const json = planJsonSchema.parse(JSON.parse(readFileSync(path.join(root, 'wrenfield/data/plan.json'), 'utf8')));
    const plan = json.plans[0];
    expect(plan.declares).toEqual({ groups: 'none', years: 'none', statuses: 'none' });
    const missing = plan.priorities[0];
    expect(missing.outcomes).toEqual([
      { number: 1, label: '1.1', id: 'fewer-repeat-missing', text: 'Fewer children go missing three or more times in a year.' },
      { number: 2, label: '1.2', text: 'Every child who returns is offered a return home interview within 72 hours.' },
      {
        number: 3,
        label: '1.3',
        id: 'found-sooner',
        text: 'Children who go missing are found sooner, because what they tell us is shared and used.',
      },
    ]);
    const actions = plan.priorities.flatMap((p) => p.actions);
    const serves = (id: string) => actions.find((a) => a.id === id)?.serves;
    expect(actions).toHaveLength(21);
    expect(serves('share-what-children-tell-us')).toEqual([
      { item: 'children-who-go-missing', outcome: 3 },
      { item: 'children-who-go-missing', outcome: 1 },
    ]);
    expect(serves('national-referral-mechanism')).toEqual([{ item: 'criminal-exploitation-and-county-lines', outcome: 2 }]);
    expect(missing.evidencedBy).toEqual([{ measure: 'children-missing-three-or-more-times', outcome: 1 }]);
  });
});
