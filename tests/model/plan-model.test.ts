/**
 * The content model for every partnership's plan: leads, due dates, measures, codes, rating
 * scales, strands, plans with a life (open-ended, ended, replaced), plans owned by several
 * partnerships, bodies that are not children's partnerships, and saying "none" on purpose.
 * Each rule is checked through the real check, with its error wording pinned.
 */
import { describe, expect, it } from 'vitest';
import { parseDue } from '../../schemas/values/due.ts';
import { isOverdue } from '../../src/model/resolve/overdue.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { contrast, defaultRatingScale, readableBackground } from '../../schemas/values/rating.ts';
import { contentWarnings } from '../../src/model/warnings.ts';
import { checkTree, md, validTree, type Tree } from '../helpers/content-tree.ts';

const action = 'hampshire/actions/deliver-training.md';
const partnership = 'hampshire/partnership.md';

/** The valid tree with lines added to the action's frontmatter (after `status:`). */
function withActionFields(lines: string, tree: Tree = validTree()): Tree {
  return { ...tree, [action]: tree[action].replace('status: in-progress\n', `status: in-progress\n${lines}\n`) };
}
/** The valid tree with lines added to partnership.md. */
function withPartnershipFields(lines: string, tree: Tree = validTree()): Tree {
  return { ...tree, [partnership]: tree[partnership].replace('area: Hampshire\n', `area: Hampshire\n${lines}\n`) };
}
const messages = (tree: Tree) => checkTree(tree).problems.map(formatProblem);

describe('due dates, as plans write them', () => {
  it.each([
    ['2022-03-31', 'date', '2022-03-31', '2022-03-31'],
    ['March 2022', 'month', 'March 2022', '2022-03-31'],
    ['mar 2022', 'month', 'March 2022', '2022-03-31'],
    ['2022-02', 'month', 'February 2022', '2022-02-28'],
    ['Q1 2021-22', 'quarter', 'Q1 2021-22', '2021-06-30'],
    ['q3 2021-22', 'quarter', 'Q3 2021-22', '2021-12-31'],
    ['Q4 2021-22', 'quarter', 'Q4 2021-22', '2022-03-31'],
    ['2021-22', 'year-end', '2021-22', '2022-03-31'],
    ['end of 2021-22', 'year-end', '2021-22', '2022-03-31'],
    ['Ongoing', 'ongoing', 'ongoing', undefined],
  ])('reads %s', (text, kind, written, by) => {
    expect(parseDue(text)).toEqual({ kind, written, ...(by ? { by } : {}) });
  });

  it.each(['2022-02-30', 'Q5 2021-22', 'Q3 2021-23', 'Smarch 2022', 'soon', '2022'])('does not read %s', (text) => {
    expect(parseDue(text)).toBeUndefined();
  });

  it('refuses a due date it cannot read, naming the forms it takes', () => {
    expect(messages(withActionFields('due: next spring'))).toEqual([
      'error content/hampshire/actions/deliver-training.md:10\n    due: expected a due date like 2022-03-31, March 2022, Q3 2021-22, 2021-22 (the end of that reporting year) or ongoing, found "next spring"',
    ]);
  });

  it('calls work overdue only when its reported status is open and its due date has passed', () => {
    const due = parseDue('Q3 2021-22');
    expect(isOverdue(due, 'in-progress', '2022-01-01')).toBe(true);
    expect(isOverdue(due, 'delayed', '2021-12-31')).toBe(false);
    expect(isOverdue(due, 'complete', '2022-01-01')).toBe(false);
    expect(isOverdue(due, undefined, '2022-01-01')).toBe(false);
    expect(isOverdue(parseDue('ongoing'), 'in-progress', '2030-01-01')).toBe(false);
  });
});

describe('leads, measures and codes', () => {
  it('keeps one lead or several, apart from the groups, and measures with or without a target', () => {
    const { problems, result } = checkTree(
      withActionFields(
        'lead: [Head of Safeguarding, ICB, Designated Nurse]\ncode: 1a.1\nmeasures:\n  - Sessions held\n  - text: Practitioners trained\n    target: "400"',
      ),
    );
    expect(problems).toEqual([]);
    const data = result.index.partnership('hampshire')!.actions[0].entry.data;
    expect(data.lead).toEqual(['Head of Safeguarding', 'ICB', 'Designated Nurse']);
    expect(data.measures).toEqual([{ text: 'Sessions held' }, { text: 'Practitioners trained', target: '400' }]);
    expect(data.code).toBe('1a.1');
  });

  it('accepts a single lead as text', () => {
    const { result } = checkTree(withActionFields('lead: "Head of Safeguarding, ICB"'));
    expect(result.index.partnership('hampshire')!.actions[0].entry.data.lead).toEqual(['Head of Safeguarding, ICB']);
  });
});

describe('rating scales', () => {
  const brag =
    'ratingScale:\n  name: BRAG\n  levels:\n    - id: blue\n      label: Blue\n      meaning: Complete\n      colour: "#1d70b8"\n    - id: red\n      label: Red\n      colour: "#d4351c"';

  it('reads ratings on red/amber/green by default, and refuses one not on the scale', () => {
    expect(messages(withActionFields('rag: blue'))).toEqual([
      'error content/hampshire/actions/deliver-training.md:10\n    rag: unknown rating "blue"\n    hint: the RAG scale has red, amber, green; a partnership can declare its own under ratingScale: in partnership.md',
    ]);
  });

  it("reads ratings on the partnership's own scale", () => {
    const { problems, result } = checkTree(withActionFields('rag: blue', withPartnershipFields(brag)));
    expect(problems).toEqual([]);
    expect(result.index.partnership('hampshire')!.actions[0].rating).toEqual({
      id: 'blue',
      label: 'Blue',
      meaning: 'Complete',
      colour: '#1d70b8',
      scale: 'BRAG',
    });
    expect(messages(withActionFields('rag: amber', withPartnershipFields(brag)))).toEqual([
      'error content/hampshire/actions/deliver-training.md:10\n    rag: unknown rating "amber"\n    hint: the BRAG scale has blue, red',
    ]);
  });

  it('refuses a colour that no text can be read on, and a level id used twice', () => {
    const clash = brag.replace('"#1d70b8"', '"#777777"').replace('id: red', 'id: blue');
    expect(messages(withPartnershipFields(clash))).toEqual([
      'error content/hampshire/partnership.md:11\n    ratingScale.levels[0].colour: expected a colour that white or black text can be read on (contrast 4.5:1), found "#777777"\n    hint: choose a darker or a lighter shade',
      'error content/hampshire/partnership.md:12\n    ratingScale.levels[1].id: expected a different id: "blue" is used twice, found "blue"',
    ]);
  });

  it('gives the default scale colours that meet AA contrast with their text', () => {
    for (const level of defaultRatingScale.levels) expect(readableBackground(level.colour), level.id).toBe(true);
    expect(contrast('#ffffff', '#0b0c0c')).toBeGreaterThan(19);
  });
});

describe('nothing invented', () => {
  it('gives an action with no status none, and rolls up no status over actions that report none', () => {
    const tree = validTree();
    const { result } = checkTree({
      ...tree,
      [action]: tree[action].replace('status: in-progress\n', '').replace(/progress:[\s\S]*?---/, '---'),
    });
    const hampshire = result.index.partnership('hampshire')!;
    expect(hampshire.actions[0].facts.status.status).toBeUndefined();
    expect(hampshire.priorities[0].facts.status.status).toBeUndefined();
  });

  it('does not flag work with no status as having no recent update', () => {
    const tree = validTree();
    const { result } = checkTree({ ...tree, [action]: tree[action].replace('status: in-progress\n', '') }, { today: '2030-01-01' });
    expect(contentWarnings(result.index).map((w) => w.message)).toEqual([]);
  });
});

describe('strands', () => {
  const strands = 'strands:\n  - id: prevent\n    name: Prevent\n  - id: protect\n    name: Protect';

  it("tags items with the partnership's strands, and lists each strand's items", () => {
    const { problems, result } = checkTree(withActionFields('strands: [prevent]', withPartnershipFields(strands)));
    expect(problems).toEqual([]);
    const [prevent, protect] = result.index.partnership('hampshire')!.strands;
    expect(prevent.items.map((i) => i.id)).toEqual(['deliver-training']);
    expect(protect.items).toEqual([]);
  });

  it('refuses a strand that is not declared, suggesting the nearest', () => {
    expect(messages(withActionFields('strands: [prevention]', withPartnershipFields(strands)))).toEqual([
      'error content/hampshire/actions/deliver-training.md:10\n    strands[0]: unknown strand "prevention"; did you mean "prevent"?\n    hint: the strands declared in content/hampshire/partnership.md are prevent, protect',
    ]);
  });

  it('lets two priorities each have an objective with the same id, and asks which one an action means', () => {
    const tree: Tree = {
      ...validTree(),
      'hampshire/priorities/violence.md': md`
        ---
        title: Serious violence
        order: 2
        plan: business-plan-2020-23
        ---
      `,
      'hampshire/objectives/neglect/prevent.md': '---\ntitle: Prevent neglect\norder: 2\npriority: neglect\n---\n',
      'hampshire/objectives/violence/prevent.md': '---\ntitle: Prevent violence\norder: 1\npriority: violence\n---\n',
      'hampshire/actions/ambiguous.md': '---\ntitle: Which one?\norder: 2\nobjective: prevent\ngroups: [training-sub-group]\n---\n',
      'hampshire/actions/clear.md':
        '---\ntitle: This one\norder: 3\nobjective: prevent\npriority: violence\ngroups: [training-sub-group]\n---\n',
    };
    const { problems, result } = checkTree(tree);
    expect(problems.map(formatProblem)).toEqual([
      'error content/hampshire/actions/ambiguous.md:4\n    objective: the objective "prevent" is ambiguous: each of the priorities "neglect", "violence" has one\n    hint: add priority: with the id of the priority whose objective this action delivers',
    ]);
    const clear = result.index.partnership('hampshire')!.actions.find((a) => a.id === 'clear')!;
    expect(clear.objective?.entry.data.title).toBe('Prevent violence');
    expect(
      result.index
        .site('hampshire')!
        .objectives.map((o) => o.slug)
        .sort(),
    ).toEqual(['neglect-prevent', 'understand-neglect', 'violence-prevent']);
  });
});

describe('plans with a life', () => {
  it('accepts an open-ended period, and lists its years up to the last it has a file for', () => {
    const tree = validTree();
    const { problems, result } = checkTree({
      ...tree,
      'hampshire/plans/business-plan-2020-23.md': tree['hampshire/plans/business-plan-2020-23.md'].replace(
        'period: 2020-2023',
        'period: 2020-onwards',
      ),
      'hampshire/years/2024-25.md': '---\nplan: business-plan-2020-23\n---\n',
    });
    expect(problems).toEqual([]);
    expect(result.index.partnership('hampshire')!.currentPlan!.yearIds).toEqual(['2020-21', '2021-22', '2022-23', '2023-24', '2024-25']);
  });

  it('links a plan to its successor both ways, and puts the later plan first', () => {
    const tree = validTree();
    const { problems, result } = checkTree({
      ...tree,
      'hampshire/plans/business-plan-2020-23.md': tree['hampshire/plans/business-plan-2020-23.md'].replace(
        'period: 2020-2023',
        'period: 2020-2023\nsuccessor: business-plan-2023-26',
      ),
      'hampshire/plans/business-plan-2023-26.md': '---\ntitle: Business Plan 2023-26\nperiod: 2023-2026\n---\n',
    });
    expect(problems).toEqual([]);
    const plans = result.index.partnership('hampshire')!.plans;
    expect(plans.map((p) => p.id)).toEqual(['business-plan-2023-26', 'business-plan-2020-23']);
    expect(plans[1].successor).toBe(plans[0]);
    expect(plans[0].predecessor).toBe(plans[1]);
  });

  it('refuses a period that is neither whole years nor open-ended', () => {
    const tree = validTree();
    const found = messages({
      ...tree,
      'hampshire/plans/business-plan-2020-23.md': tree['hampshire/plans/business-plan-2020-23.md'].replace(
        'period: 2020-2023',
        'period: 2020-ongoing',
      ),
    });
    expect(found[0]).toContain('expected a period written like "2020-2023", or "2024-onwards" for a plan with no end date');
  });
});

describe('plans owned by several partnerships, and other bodies', () => {
  const second = (id: string, extra = '') => ({
    [`${id}/partnership.md`]: `---\nname: ${id} partnership\nshortName: ${id.toUpperCase()}\narea: ${id}\n${extra}---\n`,
  });

  it('refuses an owner that is not a folder in the content', () => {
    const tree = validTree();
    expect(
      messages({
        ...tree,
        'hampshire/plans/business-plan-2020-23.md': tree['hampshire/plans/business-plan-2020-23.md'].replace(
          'period: 2020-2023',
          'period: 2020-2023\nowners: [isle-of-wight]',
        ),
      }),
    ).toEqual([
      'error content/hampshire/plans/business-plan-2020-23.md:4\n    owners[0]: unknown owner "isle-of-wight"\n    hint: an owner is a partnership or body with a folder in content/',
    ]);
  });

  it('gives every owner a site showing the plan, and a body that owns no plan none', () => {
    const tree = validTree();
    const { problems, result } = checkTree({
      ...tree,
      ...second('isle-of-wight'),
      ...second('hampshire-sab', 'kind: safeguarding-adults-board\n'),
      'hampshire/plans/business-plan-2020-23.md': tree['hampshire/plans/business-plan-2020-23.md'].replace(
        'period: 2020-2023',
        'period: 2020-2023\nowners: [isle-of-wight]',
      ),
      [action]: tree[action].replace('status: in-progress\n', 'status: in-progress\njoint: [hampshire-sab]\n'),
    });
    expect(problems).toEqual([]);
    expect(result.index.sites.map((s) => s.id)).toEqual(['hampshire', 'isle-of-wight']);
    const iow = result.index.site('isle-of-wight')!;
    expect(iow.actions.map((a) => [a.id, a.partnership.id])).toEqual([['deliver-training', 'isle-of-wight']]);
    expect(iow.actions[0].groups[0].partnership).toBe(iow);
    expect(iow.actions[0].joint.map((j) => [j.id, j.kind, j.site])).toEqual([['hampshire-sab', 'safeguarding-adults-board', undefined]]);
    // The folders' graph is untouched: the action still belongs to hampshire there.
    expect(result.index.partnership('hampshire')!.actions[0].partnership.id).toBe('hampshire');
  });

  it('shares a group with other partnerships without copying it', () => {
    const tree = validTree();
    const { problems, result } = checkTree({
      ...tree,
      ...second('hips', 'kind: regional-group\n'),
      'hips/groups/training.md': '---\nname: HIPS training group\nkind: sub-group\njoint: [hampshire]\n---\n',
      [action]: tree[action].replace('  - training-sub-group', '  - hips/training'),
    });
    expect(problems).toEqual([]);
    const group = result.index.site('hampshire')!.groups.find((g) => g.id === 'training')!;
    expect(group.items.map((i) => i.id)).toEqual(['deliver-training']);
    expect(result.index.site('hips')).toBeUndefined();
  });
});

describe('saying "none" on purpose', () => {
  it('gives no "no accountable group" warning to items of a plan that names no groups', () => {
    const tree = validTree();
    const base = {
      ...tree,
      [action]: tree[action].replace('groups:\n  - training-sub-group\n', ''),
    };
    const warned = (t: Tree) => contentWarnings(checkTree(t, { today: '2021-06-01' }).result.index).map((w) => w.message);
    expect(warned(base)).toEqual(['no accountable group: this action names no group, and neither does its objective or priority']);
    expect(
      warned({
        ...base,
        'hampshire/plans/business-plan-2020-23.md': tree['hampshire/plans/business-plan-2020-23.md'].replace(
          'period: 2020-2023',
          'period: 2020-2023\ngroups: none',
        ),
      }),
    ).toEqual([]);
  });

  it('refuses a reporting year for a plan that says it has none', () => {
    const tree = validTree();
    const found = messages({
      ...tree,
      'hampshire/plans/business-plan-2020-23.md': tree['hampshire/plans/business-plan-2020-23.md'].replace(
        'period: 2020-2023',
        'period: 2020-2023\nyears: none',
      ),
    });
    expect(found).toContain(
      'error content/hampshire/years/2020-21.md:2\n    plan: the plan "business-plan-2020-23" says it has no reporting years (years: none)\n    hint: remove years: none from the plan, or delete this file',
    );
  });
});

describe('sites', () => {
  it("warns that a children's partnership with no plan has no site, and says nothing of a body with none", () => {
    const tree: Tree = {
      ...validTree(),
      'north/partnership.md': '---\nname: North Safeguarding Children Partnership\nshortName: NSCP\narea: North\n---\n',
      'north-sab/partnership.md':
        '---\nname: North Safeguarding Adults Board\nshortName: NSAB\narea: North\nkind: safeguarding-adults-board\n---\n',
    };
    const warned = contentWarnings(checkTree(tree, { today: '2021-06-01' }).result.index).filter((w) => w.file.includes('north'));
    expect(warned.map((w) => [w.file.replace(/^.*content\//, ''), w.message])).toEqual([
      ['north/partnership.md', 'no plan yet: this partnership owns and shares no plan, so it has no site'],
    ]);
  });
});
