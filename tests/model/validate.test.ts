/**
 * Stage 2, validate (src/model/validate.ts): zod issues turned into problems an author can
 * act on, each pointing at the file, the line and the field, with the wording pinned.
 */
import { describe, expect, it } from 'vitest';
import { describeValue, fieldPath } from '../../src/model/validate.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, md, validTree, where, type Tree } from '../helpers/content-tree.ts';

const action = 'hampshire/actions/deliver-training.md';

/** Checks a tree that should have exactly one problem, and returns it. */
function onlyProblem(tree: Tree) {
  const { problems } = checkTree(tree);
  expect(problems.map(formatProblem)).toHaveLength(1);
  return problems[0];
}

/** The valid tree with the action's file replaced. */
const withAction = (text: string): Tree => ({ ...validTree(), [action]: text });

describe('field names', () => {
  it('reports an unknown field with the field it was probably meant to be', () => {
    const { problems } = checkTree(
      withAction(md`
        ---
        tittle: Deliver neglect training
        order: 1
        objective: understand-neglect
        ---
      `),
    );
    expect(problems.map(where)).toEqual([
      { file: `content/${action}`, line: undefined, field: 'title' },
      { file: `content/${action}`, line: 2, field: 'tittle' },
    ]);
    expect(problems.map(formatProblem).join('\n')).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md
          title: required field is missing: expected text
      error content/hampshire/actions/deliver-training.md:2
          tittle: unknown field "tittle"; did you mean "title"?
          hint: the fields allowed here are: title, short, order, code, outcomes, measures, groups, lead, due, years, strands, joint, status, rag, progress, links, serves, objective, priority"
    `);
  });

  it('reports an unknown field inside a progress update at its own line', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        progress:
          - date: 2020-09-30
            txt: Training designed.
            text: Training designed.
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 7, field: 'progress[0].txt' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:7
          progress[0].txt: unknown field "txt"; did you mean "text"?
          hint: the fields allowed here are: date, by, status, rag, text"
    `);
  });

  it('reports a missing required field without a line', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        objective: understand-neglect
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: undefined, field: 'order' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md
          order: required field is missing: expected a number"
    `);
  });
});

describe('values of the wrong kind', () => {
  it('reports text where a number is expected', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        order: one
        objective: understand-neglect
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 3, field: 'order' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:3
          order: expected a number, found "one""
    `);
  });

  it('reports a single value where a list is expected, with how to write the list', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        groups: training-sub-group
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 5, field: 'groups' });
    expect(problem.hint).toBe('write it as a list: [training-sub-group]');
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:5
          groups: expected a list, found "training-sub-group"
          hint: write it as a list: [training-sub-group]"
    `);
  });

  it('reports a status that is not one of the allowed words, suggesting the nearest', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        status: complet
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 5, field: 'status' });
    expect(problem.hint).toBe('did you mean "complete"?');
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:5
          status: expected one of "not-started", "in-progress", "delayed", "complete", "ongoing", "cancelled", found "complet"
          hint: did you mean "complete"?"
    `);
  });

  it('reports a group kind that is not one of the allowed words', () => {
    const problem = onlyProblem({
      ...validTree(),
      'hampshire/groups/safeguarding-board.md': md`
        ---
        name: Safeguarding Board
        kind: subgroup
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: 'content/hampshire/groups/safeguarding-board.md', line: 3, field: 'kind' });
    expect(problem.hint).toBe('did you mean "sub-group"?');
  });

  it('reports an id that is not lower-case words joined by hyphens', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 1
        objective: Understand_Neglect
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 4, field: 'objective' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:4
          objective: expected an id like "training-sub-group", or "partnership/id" for another partnership's, found "Understand_Neglect""
    `);
  });

  it('reports an empty title', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: ""
        order: 1
        objective: understand-neglect
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 2, field: 'title' });
    expect(problem.message).toBe('expected some text, found empty text');
  });

  it('reports an order of 0', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 0
        objective: understand-neglect
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 3, field: 'order' });
    expect(problem.message).not.toContain('at least 0');
    expect(problem.message).toMatch(/^expected a (whole )?number (greater than 0|of at least 1), found the number 0$/);
  });
});

describe('dates', () => {
  it('reports an invalid date in the second progress update at that line', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        status: in-progress
        progress:
          - date: 2020-09-30
            text: Training designed.
          - date: 31/03/2021
            status: in-progress
            text: First sessions delivered.
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 9, field: 'progress[1].date' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:9
          progress[1].date: expected a date written like 2021-03-31, found "31/03/2021""
    `);
  });

  it('accepts quoted and unquoted dates and keeps them as YYYY-MM-DD text', () => {
    const { problems, result } = checkTree(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        progress:
          - date: 2020-09-30
            text: Unquoted.
          - date: "2021-03-31"
            text: Quoted.
        ---
      `),
    );
    expect(problems).toEqual([]);
    const [deliver] = result.index.partnership('hampshire')!.actions;
    expect(deliver.entry.data.progress.map((update) => update.date)).toEqual(['2020-09-30', '2021-03-31']);
  });

  it('reports a quoted date that does not exist (30 February)', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        progress:
          - date: "2021-02-30"
            text: Training designed.
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 6, field: 'progress[0].date' });
    expect(problem.message).toBe('expected a date written like 2021-03-31, found "2021-02-30"');
  });

  it('reports an unquoted date that does not exist (30 February) rather than moving it to 2 March', () => {
    const { problems, result } = checkTree(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        progress:
          - date: 2021-02-30
            text: Training designed.
        ---
      `),
    );
    expect(result.index.partnership('hampshire')?.actions[0]?.entry.data.progress[0].date).not.toBe('2021-03-02');
    expect(problems.map(where)).toEqual([{ file: `content/${action}`, line: 6, field: 'progress[0].date' }]);
  });
});

describe('reporting years', () => {
  it('reports a reporting year whose two halves are not consecutive years', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        years:
          - 2020-21
          - 2020-22
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 7, field: 'years[1]' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:7
          years[1]: expected a reporting year whose second part is the year after the first, as in "2020-21", found "2020-22""
    `);
  });

  it('reports a reporting year written with the full second year, once', () => {
    const problem = onlyProblem(
      withAction(md`
        ---
        title: Deliver neglect training
        order: 1
        objective: understand-neglect
        years: [2020-2021]
        ---
      `),
    );
    expect(where(problem)).toEqual({ file: `content/${action}`, line: 5, field: 'years[0]' });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/hampshire/actions/deliver-training.md:5
          years[0]: expected a reporting year written like "2020-21", found "2020-2021""
    `);
  });

  it('reports a plan period that ends before it starts', () => {
    const problem = onlyProblem({
      ...validTree(),
      'hampshire/plans/business-plan-2023-26.md': md`
        ---
        title: Business Plan 2023-26
        period: 2026-2023
        ---
      `,
    });
    expect(where(problem)).toEqual({ file: 'content/hampshire/plans/business-plan-2023-26.md', line: 3, field: 'period' });
    expect(problem.message).toBe('expected a period that ends after it starts, as in "2020-2023", found "2026-2023"');
  });
});

describe('nested fields', () => {
  it('points at fields inside lists and groups of fields in partnership.md', () => {
    const { problems } = checkTree({
      ...validTree(),
      'hampshire/partnership.md': md`
        ---
        name: Hampshire Safeguarding Children Partnership
        shortName: HSCP
        area: Hampshire
        partners:
          - name: Hampshire County Council
            kind: local-authority
          - name: Hampshire Constabulary
            knd: police
        labels:
          priority:
            singlar: Strategic Objective
        colour: blue
        ---
      `,
    });
    const file = 'content/hampshire/partnership.md';
    expect(problems.map(where)).toEqual([
      { file, line: 8, field: 'partners[1].kind' }, // missing: the nearest line that holds it
      { file, line: 9, field: 'partners[1].knd' },
      { file, line: 11, field: 'labels.priority.singular' },
      { file, line: 12, field: 'labels.priority.singlar' },
      { file, line: 13, field: 'colour' },
    ]);
    expect(problems[1].message).toBe('unknown field "knd"; did you mean "kind"?');
    expect(problems[3].message).toBe('unknown field "singlar"; did you mean "singular"?');
    expect(problems[3].hint).toBe('the fields allowed here are: singular, plural');
    expect(problems[4].message).toBe('expected a colour written like "#1d4f91", found "blue"');
  });
});

describe('every problem in a file', () => {
  // A rating is read on the partnership's own scale, so "orange" is reported once the file is
  // otherwise valid and indexed (tests/model/plan-model.test.ts).
  it('reports every schema problem of one file, each at its own line', () => {
    const { problems } = checkTree(
      withAction(md`
        ---
        title: Deliver neglect training
        order: first
        objective: understand-neglect
        groups: training-sub-group
        status: done
        rag: orange
        ---
      `),
    );
    expect(problems.map(where)).toEqual([
      { file: `content/${action}`, line: 3, field: 'order' },
      { file: `content/${action}`, line: 5, field: 'groups' },
      { file: `content/${action}`, line: 6, field: 'status' },
    ]);
  });
});

describe('helpers', () => {
  it('writes field paths the way an author reads them', () => {
    expect(fieldPath(['progress', 1, 'date'])).toBe('progress[1].date');
    expect(fieldPath(['groups', 0])).toBe('groups[0]');
    expect(fieldPath([])).toBe('');
  });

  it('describes values in plain words', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('an empty value');
    expect(describeValue([])).toBe('an empty list');
    expect(describeValue(['a'])).toBe('a list');
    expect(describeValue(new Date('2021-03-31T00:00:00Z'))).toBe('the date 2021-03-31');
    expect(describeValue('  ')).toBe('empty text');
    expect(describeValue('x'.repeat(80))).toBe(`"${'x'.repeat(57)}..."`);
    expect(describeValue(3)).toBe('the number 3');
    expect(describeValue(false)).toBe('false');
    expect(describeValue({})).toBe('a group of fields');
  });
});
