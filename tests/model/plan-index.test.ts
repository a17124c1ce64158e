/**
 * Stage 3, index (src/model/plan-index.ts): every reference resolved, and every reference that
 * cannot be followed reported at its file, line and field, with the wording pinned.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, md, validTree, where, type Tree } from '../helpers/content-tree.ts';

const action = 'hampshire/actions/deliver-training.md';
const objective = 'hampshire/objectives/understand-neglect.md';
const priority = 'hampshire/priorities/neglect.md';

/** Checks a tree that should have exactly one problem, and returns it. */
function onlyProblem(tree: Tree) {
  const { problems } = checkTree(tree);
  expect(problems.map(formatProblem)).toHaveLength(1);
  return problems[0];
}

describe('a valid tree', () => {
  it('resolves every reference both ways', () => {
    const { problems, result } = checkTree(validTree());
    expect(problems).toEqual([]);
    const hampshire = result.index.partnership('hampshire')!;
    const [deliver] = hampshire.actions;
    expect(deliver.objective?.id).toBe('understand-neglect');
    expect(deliver.priority?.id).toBe('neglect');
    expect(deliver.plan?.id).toBe('business-plan-2020-23');
    expect(deliver.groups.map((g) => g.id)).toEqual(['training-sub-group']);
    expect(deliver.years.map((y) => y.id)).toEqual(['2020-21']);
    expect(hampshire.groups[0].items).toEqual([deliver]);
    // Every year the plan spans, with the partnership's file where it wrote one.
    expect(hampshire.years.map((y) => [y.id, y.plans.map((p) => p.id), y.items.length, y.entry !== undefined])).toEqual([
      ['2020-21', ['business-plan-2020-23'], 1, true],
      ['2021-22', ['business-plan-2020-23'], 0, true],
      ['2022-23', ['business-plan-2020-23'], 0, false],
    ]);
    expect(hampshire.currentPlan?.yearIds).toEqual(['2020-21', '2021-22', '2022-23']);
  });
});

describe('unknown references', () => {
  it('reports an unknown group, suggesting the one it was probably meant to be', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        groups:
          - training-subgroup
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 6, field: 'groups[0]' });
    expect(problem.message).toBe('unknown group "training-subgroup"; did you mean "training-sub-group"?');
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:6
          groups[0]: unknown group "training-subgroup"; did you mean "training-sub-group"?"
    `);
  });

  it('reports an unknown group with nothing close, naming the file that does not exist', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        groups: [training-sub-group, health-forum]
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 5, field: 'groups[1]' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:5
          groups[1]: unknown group "health-forum"
          hint: no file content/hampshire/groups/health-forum.md exists"
    `);
  });

  it("reports an objective's unknown priority", () => {
    const problem = onlyProblem({
      ...validTree(),
      [objective]: md`
        ---
        title: Understand neglect across the partnership
        order: 1
        priority: neglet
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${objective}`, line: 4, field: 'priority' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/objectives/understand-neglect.md:4
          priority: unknown priority "neglet"; did you mean "neglect"?"
    `);
  });

  it("reports an action's unknown objective", () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: tackle-exploitation
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 4, field: 'objective' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:4
          objective: unknown objective "tackle-exploitation"
          hint: no file content/hampshire/objectives/tackle-exploitation.md exists"
    `);
  });

  it("reports an action's unknown priority", () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        priority: exploitation
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 4, field: 'priority' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:4
          priority: unknown priority "exploitation"
          hint: no file content/hampshire/priorities/exploitation.md exists"
    `);
  });

  it("reports a priority's unknown plan", () => {
    const problem = onlyProblem({
      ...validTree(),
      [priority]: md`
        ---
        title: Responding to neglect
        order: 1
        plan: business-plan-2019-21
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${priority}`, line: 4, field: 'plan' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/priorities/neglect.md:4
          plan: unknown plan "business-plan-2019-21"; did you mean "business-plan-2020-23"?"
    `);
  });

  it("reports a reporting year's unknown plan", () => {
    const problem = onlyProblem({
      ...validTree(),
      'hampshire/years/2021-22.md': md`
        ---
        title: Year two
        plan: strategy
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: 'content/hampshire/years/2021-22.md', line: 3, field: 'plan' });
    expect(problem.message).toBe('unknown plan "strategy"');
    expect(problem.hint).toBe('no file content/hampshire/plans/strategy.md exists');
  });

  describe('plan parts', () => {
    const withParts = (): Tree => ({
      ...validTree(),
      'hampshire/plans/business-plan-2020-23.md': md`
        ---
        title: Business Plan 2020-23
        period: 2020-2023
        parts:
          - id: themed-priorities
            title: Themed priorities
          - id: core-business
            title: Core business
        ---
      `,
    });

    it('reports an unknown part of the plan', () => {
      const problem = onlyProblem({
        ...withParts(),
        [priority]: md`
          ---
          title: Responding to neglect
          order: 1
          plan: business-plan-2020-23
          part: themed-priority
          ---
        `,
      });
      expect(where(problem)).toEqual({ file: `content/${priority}`, line: 5, field: 'part' });
      expect(formatProblem(problem)).toMatchInlineSnapshot(`
        "error content/hampshire/priorities/neglect.md:5
            part: unknown part "themed-priority" of plan "business-plan-2020-23"; did you mean "themed-priorities"?
            hint: the plan's parts are themed-priorities, core-business"
      `);
    });

    it('reports a priority with no part in a plan that has parts', () => {
      const problem = onlyProblem(withParts());
      expect(where(problem)).toEqual({ file: `content/${priority}`, line: undefined, field: 'part' });
      expect(formatProblem(problem)).toMatchInlineSnapshot(`
        "error content/hampshire/priorities/neglect.md
            part: required field is missing: the plan "business-plan-2020-23" has parts, so each priority must name one
            hint: add part: with one of themed-priorities, core-business"
      `);
    });

    it('reports a part in a plan with no parts', () => {
      const problem = onlyProblem({
        ...validTree(),
        [priority]: md`
          ---
          title: Responding to neglect
          order: 1
          plan: business-plan-2020-23
          part: core-business
          ---
        `,
      });
      expect(where(problem)).toEqual({ file: `content/${priority}`, line: 5, field: 'part' });
      expect(problem.hint).toBe('the plan has no parts: remove this field');
    });

    it('reports two parts with one id', () => {
      const { problems } = checkTree({
        ...withParts(),
        'hampshire/plans/business-plan-2020-23.md': md`
          ---
          title: Business Plan 2020-23
          period: 2020-2023
          parts:
            - id: core-business
              title: Themed priorities
            - id: core-business
              title: Core business
          ---
        `,
        [priority]: validTree()[priority].replace('plan: business-plan-2020-23', 'plan: business-plan-2020-23\npart: core-business'),
      });
      expect(problems.map(where)).toEqual([{ file: 'content/hampshire/plans/business-plan-2020-23.md', line: 7, field: 'parts[1].id' }]);
      expect(problems[0].message).toBe('duplicate part id "core-business"');
    });
  });

  it('accepts a year of its plan that no partnership wrote a file for: years are periods', () => {
    const { problems, result } = checkTree({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        years:
          - 2020-21
          - 2022-23
        ---
      `,
    });
    expect(problems).toEqual([]);
    const deliver = result.index.partnership('hampshire')!.actions[0];
    expect(deliver.years.map((y) => [y.id, y.entry === undefined])).toEqual([
      ['2020-21', false],
      ['2022-23', true],
    ]);
  });

  it('refuses a year written with a partnership in front, saying years are periods', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        years: [hampshire/2021-22]
        ---
      `,
    });
    expect(problem.field).toBe('years[0]');
    expect(problem.message).toContain('a year is the same period for every partnership, so write "2021-22"');
  });

  it("refuses a year file for a year in which none of the partnership's plans runs", () => {
    const problem = onlyProblem({ ...validTree(), 'hampshire/years/2019-20.md': '---\ntitle: 2019-20\n---\n' });
    expect(where(problem)).toEqual({ file: 'content/hampshire/years/2019-20.md', line: undefined, field: undefined });
    expect(problem.message).toBe('no plan of hampshire runs in 2019-20');
  });

  it('reports a joint partnership that partnership.md does not declare', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        joint: [isle-of-wight]
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 5, field: 'joint[0]' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:5
          joint[0]: unknown joint partnership "isle-of-wight"
          hint: name a partnership or body with a folder in content/, or declare it under jointWith in content/hampshire/partnership.md"
    `);
  });

  it("reports a group's unknown parent", () => {
    const problem = onlyProblem({
      ...validTree(),
      'hampshire/groups/training-sub-group.md': md`
        ---
        name: Training Sub-Group
        kind: sub-group
        parent: safeguarding-bord
        ---
      `,
      'hampshire/groups/safeguarding-board.md': md`
        ---
        name: Safeguarding Board
        kind: board
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: 'content/hampshire/groups/training-sub-group.md', line: 4, field: 'parent' });
    expect(problem.message).toBe('unknown group "safeguarding-bord"; did you mean "safeguarding-board"?');
  });
});

describe('reporting years and plans', () => {
  it("reports a reporting year outside its plan's period", () => {
    const problem = onlyProblem({
      ...validTree(),
      'hampshire/years/2023-24.md': md`
        ---
        plan: business-plan-2020-23
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: 'content/hampshire/years/2023-24.md', line: undefined, field: undefined });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/years/2023-24.md
          reporting year 2023-24 is outside its plan's period (2020-2023)
          hint: the plan spans 2020-21, 2021-22, 2022-23"
    `);
  });

  it('reports a reporting-year file whose name is not a reporting year', () => {
    const { problems } = checkTree({
      ...validTree(),
      'hampshire/years/2020-22.md': md`
        ---
        plan: business-plan-2020-23
        ---
      `,
    });
    expect(problems.map((p) => p.file)).toEqual(['content/hampshire/years/2020-22.md']);
  });

  it("reports an item that names a reporting year outside its plan's period, even one another plan has", () => {
    const problem = onlyProblem({
      ...validTree(),
      'hampshire/plans/business-plan-2023-26.md': md`
        ---
        title: Business Plan 2023-26
        period: 2023-2026
        ---
      `,
      'hampshire/years/2023-24.md': md`
        ---
        plan: business-plan-2023-26
        ---
      `,
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        years:
          - 2020-21
          - 2023-24
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 7, field: 'years[1]' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:7
          years[1]: reporting year "2023-24" is not in the period of its plan "business-plan-2020-23" (April 2020 to March 2023)
          hint: the plan spans 2020-21, 2021-22, 2022-23"
    `);
  });

  it('lists the plan whose period ends last as the current plan', () => {
    const { problems, result } = checkTree({
      ...validTree(),
      'hampshire/plans/business-plan-2017-20.md': md`
        ---
        title: Business Plan 2017-20
        period: 2017-2020
        ---
      `,
    });
    expect(problems).toEqual([]);
    expect(result.index.partnership('hampshire')?.currentPlan?.id).toBe('business-plan-2020-23');
  });
});

describe('where items sit', () => {
  it('reports an action that names neither an objective nor a priority', () => {
    const problem = onlyProblem({
      ...validTree(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        groups: [training-sub-group]
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: undefined, field: undefined });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md
          this action belongs to nothing: it names neither an objective nor a priority
          hint: add objective: (or, in a plan without objectives, priority:) with the id of the item it delivers"
    `);
  });

  it("reports an action whose priority is not its objective's priority", () => {
    const problem = onlyProblem({
      ...validTree(),
      'hampshire/priorities/exploitation.md': md`
        ---
        title: Tackling exploitation
        order: 2
        plan: business-plan-2020-23
        ---
      `,
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        priority: exploitation
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 5, field: 'priority' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:5
          priority: the action's objective "understand-neglect" belongs to the priority "neglect", not "exploitation"
          hint: remove priority: (it follows from the objective) or correct it"
    `);
  });

  it('accepts an action that names both its objective and the matching priority', () => {
    const { problems, result } = checkTree({
      ...validTree(),
      [action]: validTree()[action].replace('objective: understand-neglect', 'objective: understand-neglect\npriority: neglect'),
    });
    expect(problems).toEqual([]);
    const hampshire = result.index.partnership('hampshire')!;
    expect(hampshire.priorities[0].actions.map((a) => a.id)).toEqual(['deliver-training']);
    expect(hampshire.priorities[0].directActions).toEqual([]);
  });

  it('accepts an action directly under a priority (a two-level plan)', () => {
    const tree = validTree();
    delete tree[objective];
    const { problems, result } = checkTree({
      ...tree,
      [action]: tree[action].replace('objective: understand-neglect', 'priority: neglect'),
    });
    expect(problems).toEqual([]);
    expect(result.index.partnership('hampshire')?.priorities[0].directActions.map((a) => a.id)).toEqual(['deliver-training']);
  });
});

describe('groups', () => {
  const group = (id: string, parent?: string) => ({
    [`hampshire/groups/${id}.md`]: md`
      ---
      name: ${id}
      kind: sub-group
      ${parent ? `parent: ${parent}` : ''}
      ---
    `.replace('\n\n---', '\n---'),
  });

  it("reports two groups that are each other's parent", () => {
    const problem = onlyProblem({ ...validTree(), ...group('alpha', 'beta'), ...group('beta', 'alpha') });
    expect(where(problem)).toEqual({ file: 'content/hampshire/groups/alpha.md', line: 4, field: 'parent' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/groups/alpha.md:4
          parent: groups report to each other in a loop: alpha → beta → alpha
          hint: a group cannot report to itself, even through others: change the parent of "alpha""
    `);
  });

  it('reports a group that is its own parent', () => {
    const problem = onlyProblem({ ...validTree(), ...group('alpha', 'alpha') });
    expect(where(problem)).toEqual({ file: 'content/hampshire/groups/alpha.md', line: 4, field: 'parent' });
  });

  it('does not keep a group in a cycle as a child of the group its parent link was cut from', () => {
    const { result } = checkTree({ ...validTree(), ...group('alpha', 'beta'), ...group('beta', 'alpha') });
    const groups = result.index.partnership('hampshire')!.groups;
    const mismatched = groups.flatMap((node) =>
      node.children
        .filter((child) => child.parent !== node)
        .map((child) => `${child.id} is listed under ${node.id} but its parent is ${child.parent?.id ?? 'none'}`),
    );
    expect(mismatched).toEqual([]);
  });

  it('blames only the groups in a cycle, not a group that reports into one', () => {
    const { problems, result } = checkTree({
      ...validTree(),
      ...group('alpha', 'beta'),
      ...group('beta', 'gamma'),
      ...group('gamma', 'beta'),
    });
    expect(problems.map((p) => p.file)).not.toContain('content/hampshire/groups/alpha.md');
    expect(result.index.partnership('hampshire')?.groups.find((g) => g.id === 'alpha')?.parent?.id).toBe('beta');
  });

  it('accepts a chain of parents', () => {
    const { problems, result } = checkTree({ ...validTree(), ...group('alpha', 'beta'), ...group('beta', 'gamma'), ...group('gamma') });
    expect(problems).toEqual([]);
    const gamma = result.index.partnership('hampshire')?.groups.find((g) => g.id === 'gamma');
    expect(gamma?.children.map((g) => g.id)).toEqual(['beta']);
  });
});

describe('duplicate ids', () => {
  it('reports two files with the same name in different folders of one type', () => {
    const { [action]: first, ...tree } = validTree();
    const { problems, result } = checkTree({
      ...tree,
      'hampshire/actions/a/deliver-training.md': first,
      'hampshire/actions/b/deliver-training.md': first.replace('order: 1', 'order: 2'),
    });
    expect(problems.map(where)).toEqual([{ file: 'content/hampshire/actions/b/deliver-training.md', line: undefined, field: undefined }]);
    expect(formatProblem(problems[0]).replaceAll(/\S*plan-publisher-test-\w+\//g, '')).toMatchInlineSnapshot(`
      "error content/hampshire/actions/b/deliver-training.md
          duplicate id "deliver-training": content/hampshire/actions/a/deliver-training.md has the same id
          hint: ids come from file names and must be unique within a partnership: rename one of the files"
    `);
    expect(result.index.partnership('hampshire')?.actions.map((a) => a.entry.data.order)).toEqual([1]);
  });

  it('allows one id in two partnerships, and one id for two types', () => {
    const { problems } = checkTree({
      ...validTree('hampshire'),
      ...validTree('hounslow'),
      'hampshire/groups/neglect.md': md`
        ---
        name: Neglect Task and Finish Group
        kind: task-and-finish-group
        ---
      `,
    });
    expect(problems).toEqual([]);
  });
});

describe('partnerships', () => {
  it('still checks the references of a partnership whose partnership.md has a schema problem', () => {
    const { problems } = checkTree({
      ...validTree(),
      'hampshire/partnership.md': md`
        ---
        name: Hampshire Safeguarding Children Partnership
        area: Hampshire
        ---
      `,
      [action]: validTree()[action].replace('  - training-sub-group', '  - training-subgroup'),
    });
    expect(problems.map(where)).toEqual([
      { file: 'content/hampshire/actions/deliver-training.md', line: 6, field: 'groups[0]' },
      { file: 'content/hampshire/partnership.md', line: undefined, field: 'shortName' },
    ]);
  });

  it('does not report references to a file that exists but has a schema problem as unknown', () => {
    const { problems } = checkTree({
      ...validTree(),
      [priority]: validTree()[priority].replace('order: 1', 'order: 1\nstatus: complet'),
      'hampshire/groups/training-sub-group.md': md`
        ---
        name: Training Sub-Group
        kind: subgroup
        ---
      `,
    });
    expect(problems.map(formatProblem)).not.toContainEqual(expect.stringContaining('does not exist'));
    expect(problems.map(formatProblem)).not.toContainEqual(expect.stringContaining('unknown'));
    expect(problems.map(where)).toEqual([
      { file: 'content/hampshire/groups/training-sub-group.md', line: 3, field: 'kind' },
      { file: `content/${priority}`, line: 4, field: 'status' },
    ]);
  });
});

describe('joint work between partnerships', () => {
  const twoPartnerships = (): Tree => ({
    ...validTree('hampshire'),
    ...validTree('hounslow'),
    'hounslow/groups/some-group.md': md`
      ---
      name: Some Group
      kind: forum
      ---
    `,
  });
  const declaringHounslow = md`
    ---
    name: Hampshire Safeguarding Children Partnership
    shortName: HSCP
    area: Hampshire
    jointWith:
      - id: hounslow
        name: Hounslow Safeguarding Children Partnership
    ---
  `;

  it("reports another partnership's group when no joint work is declared", () => {
    const problem = onlyProblem({
      ...twoPartnerships(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        groups:
          - training-sub-group
          - hounslow/some-group
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 7, field: 'groups[1]' });
    expect(problem.message).toBe('group "hounslow/some-group" belongs to another partnership ("hounslow")');
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:7
          groups[1]: group "hounslow/some-group" belongs to another partnership ("hounslow")
          hint: add "hounslow" to this file's joint list to show it is joint work, or list "hampshire" under joint: in the group's file to share it"
    `);
  });

  it("reports another partnership's group when joint work is declared but the item is not marked joint", () => {
    const problem = onlyProblem({
      ...twoPartnerships(),
      'hampshire/partnership.md': declaringHounslow,
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        groups: [hounslow/some-group]
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 5, field: 'groups[0]' });
    expect(problem.hint).toBe(
      'add "hounslow" to this file\'s joint list to show it is joint work, or list "hampshire" under joint: in the group\'s file to share it',
    );
  });

  it("accepts another partnership's group when joint work is declared and the item is marked joint", () => {
    const { problems, result } = checkTree({
      ...twoPartnerships(),
      'hampshire/partnership.md': declaringHounslow,
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        groups:
          - training-sub-group
          - hounslow/some-group
        joint: [hounslow]
        ---
      `,
    });
    expect(problems.map(formatProblem)).toEqual([]);
    const deliver = result.index.partnership('hampshire')?.actions[0];
    expect(deliver?.groups.map((g) => `${g.partnership.id}/${g.id}`)).toEqual(['hampshire/training-sub-group', 'hounslow/some-group']);
    expect(deliver?.joint.map((j) => [j.id, j.site?.id])).toEqual([['hounslow', 'hounslow']]);
  });

  it('suggests joint work for a plain id that only another partnership has', () => {
    const problem = onlyProblem({
      ...twoPartnerships(),
      [action]: md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        groups: [some-group]
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 5, field: 'groups[0]' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:5
          groups[0]: unknown group "some-group"
          hint: "some-group" is a group of hounslow; for joint work write "hounslow/some-group" and list "hounslow" under joint"
    `);
  });

  it('accepts joint work with a declared partnership that has no folder of its own', () => {
    const { problems, result } = checkTree({
      ...validTree(),
      'hampshire/partnership.md': md`
        ---
        name: Hampshire Safeguarding Children Partnership
        shortName: HSCP
        area: Hampshire
        jointWith:
          - id: isle-of-wight
            name: Isle of Wight Safeguarding Children Partnership
            shortName: IOWSCP
        ---
      `,
      [action]: validTree()[action].replace('status: in-progress', 'status: in-progress\njoint: [isle-of-wight]'),
    });
    expect(problems).toEqual([]);
    expect(result.index.partnership('hampshire')?.actions[0].joint.map((j) => [j.id, j.site])).toEqual([['isle-of-wight', undefined]]);
  });
});
