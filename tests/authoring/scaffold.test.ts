/**
 * `npm run new` (src/authoring/scaffold.ts, scripts/new.ts): every content type scaffolds a
 * file that passes the check, references are checked by the real resolver, nothing is ever
 * overwritten or duplicated, and without a terminal a missing option is a clear failure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/authoring/prompter.ts';
import { areaFromName, idFromTitle, periodFromTitle, planIdFromTitle, shortNameFromName } from '../../src/authoring/ids.ts';
import { scaffold, type ScaffoldOptions } from '../../src/authoring/scaffold.ts';
import { checkContent } from '../../src/model/check.ts';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { changedFiles, runScript, snapshotFiles } from './files.ts';

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

/** The report with the temporary folder's path replaced by `<tmp>`, so snapshots are stable. */
function stable(report: string): string {
  return tree ? report.split(tree.root).join('<tmp>') : report;
}

async function create(options: Omit<ScaffoldOptions, 'contentDir'>, prompter?: Prompter) {
  return scaffold({ ...options, contentDir: tree!.contentDir }, prompter);
}

describe('ids from titles', () => {
  it('makes lower-case ASCII ids joined by hyphens, trimmed at a whole word', () => {
    expect(idFromTitle('Deliver Neglect Training')).toBe('deliver-neglect-training');
    expect(idFromTitle("  Children's Services & Café (2021–22)!  ")).toBe('childrens-services-and-cafe-2021-22');
    expect(idFromTitle('Significantly increase the training take up of the HSCP multi-agency CSA course.')).toBe(
      'significantly-increase-the-training-take-up-of-the',
    );
    expect(idFromTitle('Significantly increase the training take up of the HSCP multi-agency CSA course.').length).toBeLessThanOrEqual(50);
    expect(idFromTitle('Ωμέγα')).toBe('');
  });

  it('reads a partnership name and a plan title', () => {
    expect(areaFromName('Isle of Wight Safeguarding Children Partnership')).toBe('Isle of Wight');
    expect(areaFromName('The Hounslow Local Safeguarding Children Partnership')).toBe('Hounslow');
    expect(shortNameFromName('Isle of Wight Safeguarding Children Partnership')).toBe('IOWSCP');
    expect(periodFromTitle('Business Plan 2020-23')).toBe('2020-2023');
    expect(periodFromTitle('Business Plan 2019 to 2021')).toBe('2019-2021');
    expect(periodFromTitle('Business Plan')).toBeUndefined();
    expect(periodFromTitle('Exploitation Strategy 2024 onwards')).toBe('2024-onwards');
    expect(periodFromTitle('2024-')).toBe('2024-onwards');
    expect(areaFromName('Northvale Safeguarding Adults Board', 'safeguarding-adults-board')).toBe('Northvale');
    expect(areaFromName('Pan-Vale Arrangement', 'joint-arrangement')).toBe('');
  });

  it("makes a plan's id from its own words: never cut down to the partnership's name, always keeping its years", () => {
    const luton = ['Luton Safeguarding Children Partnership', 'LSCP', 'Luton'];
    expect(planIdFromTitle('Business Plan 2024-27', luton)).toBe('business-plan-2024-27');
    expect(planIdFromTitle('Luton Safeguarding Children Partnership Business Plan 2024-27', luton)).toBe('business-plan-2024-27');
    expect(planIdFromTitle('The Luton Safeguarding Children Partnership: Business Plan 2024-27', luton)).toBe('business-plan-2024-27');
    const long = planIdFromTitle('Strategic Priorities for Children, Young People and their Families 2024-2027', luton);
    expect(long).toBe('strategic-priorities-for-children-young-2024-2027');
    expect(long.length).toBeLessThanOrEqual(50);
  });
});

describe('npm run new', () => {
  it('scaffolds every type, in dependency order, each passing the check', async () => {
    tree = writeTree({});
    const steps: Array<Omit<ScaffoldOptions, 'contentDir'>> = [
      { type: 'partnership', title: 'Isle of Wight Safeguarding Children Partnership' },
      { type: 'plan', title: 'Business Plan 2023-26' },
      { type: 'year', title: '2023-24' },
      { type: 'group', title: 'Training Sub-Group' },
      { type: 'priority', title: 'Online safety', groups: ['training-sub-group'], years: ['2023-24'] },
      { type: 'objective', title: 'Understand online risks', priority: 'online-safety' },
      { type: 'action', title: 'Deliver online safety training', objective: 'understand-online-risks', years: ['2023-24'] },
    ];
    const written: string[] = [];
    for (const step of steps) {
      const result = await create(step);
      expect(result.status, stable(result.report)).toBe('written');
      if (result.status !== 'written') return;
      written.push(path.relative(tree.contentDir, result.absolutePath));
      const check = checkContent(tree.contentDir);
      expect(check.problems, `after ${step.type}`).toEqual([]);
    }
    expect(written).toEqual([
      'isle-of-wight/partnership.md',
      'isle-of-wight/plans/business-plan-2023-26.md',
      'isle-of-wight/years/2023-24.md',
      'isle-of-wight/groups/training-sub-group.md',
      'isle-of-wight/priorities/online-safety.md',
      'isle-of-wight/objectives/understand-online-risks.md',
      'isle-of-wight/actions/deliver-online-safety-training.md',
    ]);
    const partnership = checkContent(tree.contentDir).index.partnership('isle-of-wight')!;
    expect(partnership.entry.data).toMatchObject({
      name: 'Isle of Wight Safeguarding Children Partnership',
      shortName: 'IOWSCP',
      area: 'Isle of Wight',
    });
    expect(partnership.actions[0].objective?.priority?.plan?.id).toBe('business-plan-2023-26');
    expect(readFileSync(path.join(tree.contentDir, written[6]), 'utf8')).toMatchInlineSnapshot(`
      "---
      title: Deliver online safety training
      order: 1
      objective: understand-online-risks
      # A short reference the plan uses for it, like "P1" or "1a.2":
      # code: P1
      # The person or role who leads it (apart from the accountable groups):
      # lead: Head of Safeguarding, ICB
      # When it is due: a date (2022-03-31), a month (March 2022), a quarter (Q3 2021-22),
      # the end of a reporting year (2021-22), or ongoing:
      # due: Q3 2021-22
      # How it will be judged, each a measure with an optional target, or a measure file
      # with figures (in measures/) and the number of the outcome it evidences:
      # measures:
      #   - text: Practitioners trained
      #     target: "200"
      #   - measure: cp-plans-second-time
      #     outcome: 1
      # The strands it belongs to (declared under strands: in partnership.md):
      # strands: [prevent]
      # The outcomes of its objective (or, if that states none, its priority) it serves, by number (from 1) or id:
      # serves: [1, 3]
      # The groups accountable for it (ids of files in groups/), like:
      # groups:
      #   - business-group
      years:
        - 2023-24
      # Where it stands, once someone has said: not-started, in-progress, delayed, complete, ongoing, cancelled.
      # Left out, the site says "No status reported" and claims nothing.
      # status: in-progress
      # An optional rating on the partnership's scale (red, amber, green unless it declares its own):
      # rag: green
      # Progress updates, newest last. To add one, copy these lines without the "# ":
      # progress:
      #   - date: 2021-09-30
      #     by: Business Manager
      #     text: What has happened since the last update.
      # Related documents and web pages, like a strategy, a toolkit or a training page:
      # links:
      #   - title: Neglect Strategy
      #     url: https://www.example.org.uk/neglect-strategy
      ---

      <!--
      Describe the action here in plain Markdown: what will be done, by whom, and how you will know it worked.
      It appears on the action's page, under its title.
      Everything inside these comment marks is a note to yourself: it is never published.
      -->
      "
    `);
  });

  it('numbers a new item after its siblings and quotes a title YAML would misread', async () => {
    tree = writeTree(validTree());
    const result = await create({
      type: 'action',
      title: 'Part B: "review" the #1 toolkit',
      objective: 'understand-neglect',
      groups: ['training-sub-group'],
    });
    expect(result.status).toBe('written');
    if (result.status !== 'written') return;
    expect(result.id).toBe('part-b-review-the-1-toolkit');
    const action = checkContent(tree.contentDir)
      .index.partnership('hampshire')!
      .actions.find((a) => a.id === result.id)!;
    expect(action.entry.data.title).toBe('Part B: "review" the #1 toolkit');
    expect(action.entry.data.order).toBe(2);
    expect(result.text).toContain(`title: 'Part B: "review" the #1 toolkit'\n`);
  });

  it('quotes a title the check would read as a number, because it writes with the reader the check uses', async () => {
    tree = writeTree(validTree());
    // YAML 1.2 reads 0o17 as the number 15; the old writer checked its output with a YAML 1.1 reader, which does not.
    const result = await create({ type: 'action', title: '0o17', id: 'octal-title', objective: 'understand-neglect' });
    expect(result.status, result.report).toBe('written');
    if (result.status !== 'written') return;
    expect(result.text).toContain("title: '0o17'\n");
    const action = checkContent(tree.contentDir)
      .index.partnership('hampshire')!
      .actions.find((a) => a.id === 'octal-title')!;
    expect(action.entry.data.title).toBe('0o17');
  });

  it('refuses a second item with the same id, and writes nothing', async () => {
    tree = writeTree(validTree());
    const first = await create({ type: 'group', title: 'Neglect Task and Finish Group' });
    expect(first.status).toBe('written');
    expect(first.status === 'written' && first.text).toContain('kind: task-and-finish-group\n');
    const before = snapshotFiles(tree.contentDir);
    const second = await create({ type: 'group', title: 'Neglect Task and Finish Group' });
    expect(second.exitCode).toBe(1);
    expect(stable(second.report)).toMatchInlineSnapshot(`
      "error: there is already a group "neglect-task-and-finish-group" in hampshire: <tmp>/content/hampshire/groups/neglect-task-and-finish-group.md
          hint: to change it, edit that file; to add another group, give it a different title or an --id
      Nothing was written."
    `);
    expect(changedFiles(before, snapshotFiles(tree.contentDir))).toEqual([]);
  });

  it('checks references with the real resolver, with "did you mean", and writes nothing', async () => {
    tree = writeTree(validTree());
    const before = snapshotFiles(tree.contentDir);
    const result = await create({ type: 'action', title: 'New action', objective: 'understand-neglekt', groups: ['training-subgroup'] });
    expect(result.exitCode).toBe(1);
    expect(result.report).toMatchInlineSnapshot(`
      "error: --objective: unknown objective "understand-neglekt"; did you mean "understand-neglect"?
      error: --group: unknown group "training-subgroup"; did you mean "training-sub-group"?
      Nothing was written."
    `);
    const year = await create({ type: 'action', title: 'New action', objective: 'understand-neglect', years: ['2019-20'] });
    expect(year.exitCode).toBe(1);
    expect(year.report).toMatch(/^error: --year: reporting year "2019-20" is not in the period of its plan/);
    expect(changedFiles(before, snapshotFiles(tree.contentDir))).toEqual([]);
  });

  it('refuses a year outside its plans and an unknown partnership', async () => {
    tree = writeTree(validTree());
    const year = await create({ type: 'year', title: '2023-24' });
    expect(year.report).toMatch(/^error: no plan of hampshire runs in 2023-24\n {4}hint: its plans span 2020-21, 2021-22, 2022-23/);
    const partnership = await create({ type: 'group', title: 'Board', partnership: 'hamshire' });
    expect(partnership.report).toMatchInlineSnapshot(`
      "error: --partnership hamshire: unknown partnership "hamshire"; did you mean "hampshire"?
          hint: the partnerships are hampshire
      Nothing was written."
    `);
  });

  it('asks for what is missing when there is a terminal', async () => {
    tree = writeTree(validTree());
    const asked: string[] = [];
    const answers: Record<string, string | string[] | undefined> = {
      'Which priority does it deliver?': 'neglect',
      'Which objective of that priority? (Enter to place it directly under the priority)': 'understand-neglect',
      'Which groups are accountable for it?': ['training-sub-group'],
      'Which reporting years does it belong to?': ['2021-22'],
    };
    const prompter: Prompter = {
      choose(question, choices) {
        asked.push(`${question} [${choices.map((c) => c.id).join(', ')}]`);
        return Promise.resolve(answers[question] as string);
      },
      chooseMany(question, choices) {
        asked.push(`${question} [${choices.map((c) => c.id).join(', ')}]`);
        return Promise.resolve(answers[question] as string[]);
      },
      text(question) {
        asked.push(question);
        return Promise.resolve('Typed title');
      },
      close() {},
    };
    const result = await create({ type: 'action' }, prompter);
    expect(asked).toEqual([
      "Title: the action's title as the plan words it",
      'Which priority does it deliver? [neglect]',
      'Which objective of that priority? (Enter to place it directly under the priority) [understand-neglect]',
      'Which groups are accountable for it? [training-sub-group]',
      'Which reporting years does it belong to? [2020-21, 2021-22, 2022-23]',
    ]);
    expect(result.status).toBe('written');
    expect(result.status === 'written' && result.text).toMatch(/^---\ntitle: Typed title\norder: 2\nobjective: understand-neglect\n/);
  });
});

describe('scripts/new.ts without a terminal', () => {
  it('fails with exit 2, the missing options and an example command', () => {
    tree = writeTree({ ...validTree('hampshire'), ...validTree('hounslow') });
    const run = runScript('new', ['action', 'Deliver neglect training'], tree.root);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatchInlineSnapshot(`
      "Some details are missing for the new action:
        --partnership ID  which partnership it belongs to
                          one of: hampshire, hounslow
      For example:
        npm run new -- action "Deliver neglect training" --partnership hampshire
      Or run it in a terminal to be asked for each one.
      "
    `);
    const second = runScript('new', ['action', 'Deliver neglect training', '--partnership', 'hampshire'], tree.root);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatchInlineSnapshot(`
      "Some details are missing for the new action:
        --objective ID  the objective it delivers (or, for an action directly under a priority, --priority ID)
                        one of: understand-neglect
      For example:
        npm run new -- action "Deliver neglect training" --partnership hampshire --objective understand-neglect
      Or run it in a terminal to be asked for each one.
      "
    `);
    expect(snapshotFiles(tree.contentDir).size).toBe(16);
  });

  it('writes the file and prints its path; a second run refuses with exit 1', () => {
    tree = writeTree(validTree());
    const args = [
      'action',
      'Deliver neglect training',
      '--objective',
      'understand-neglect',
      '--group',
      'training-sub-group',
      '--year',
      '2021-22',
    ];
    const run = runScript('new', args, tree.root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Wrote content/hampshire/actions/deliver-neglect-training.md');
    const before = snapshotFiles(tree.contentDir);
    const again = runScript('new', args, tree.root);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      'error: there is already an action "deliver-neglect-training" in hampshire: content/hampshire/actions/deliver-neglect-training.md',
    );
    expect(changedFiles(before, snapshotFiles(tree.contentDir))).toEqual([]);
  });

  it('says which option was mistyped', () => {
    tree = writeTree(validTree());
    const run = runScript('new', ['action', 'X', '--prority', 'neglect'], tree.root);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('error: unknown option --prority; did you mean --priority?');
  });
});

/** A prompter that answers each question from `answers` and records what was asked. */
function scripted(answers: Record<string, string | string[]>, asked: string[] = []): Prompter {
  const answer = (question: string) => {
    asked.push(question);
    return answers[question];
  };
  return {
    choose: (question) => Promise.resolve(answer(question) as string),
    chooseMany: (question) => Promise.resolve((answer(question) as string[] | undefined) ?? []),
    text: (question) => Promise.resolve(answer(question) as string),
    close() {},
  };
}

/** The file `new` wrote, as the author will open it. */
const written = (result: Awaited<ReturnType<typeof scaffold>>) => (result.status === 'written' ? result.text : result.report);

describe('new plan: open-ended periods, readable ids, next steps that fit the plan (issue 26)', () => {
  it('takes --period 2024- (or "2024 onwards" in the title) as a plan with no end date', async () => {
    tree = writeTree(validTree());
    const given = await create({ type: 'plan', title: 'Exploitation Strategy', period: '2024-' });
    expect(written(given)).toContain('period: 2024-onwards\n');
    const fromTitle = await create({ type: 'plan', title: 'Neglect Strategy 2024 onwards' });
    expect(written(fromTitle)).toContain('period: 2024-onwards\n');
    expect(checkContent(tree.contentDir).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    const wrong = await create({ type: 'plan', title: 'Another Strategy', period: '2027-2024' });
    expect(wrong.report).toBe(
      'error: --period "2027-2024" is not a period: write it like 2024-2027 (whole years, the end after the start), or 2024-onwards for a plan with no end date\nNothing was written.',
    );
  });

  it('asks when the plan starts and whether it has an end date; without a terminal, offers the open-ended form', async () => {
    tree = writeTree(validTree());
    const asked: string[] = [];
    const answers = { 'Which year does the plan start (like 2024)': '2025', 'Does it have an end date?': 'no' };
    const result = await create({ type: 'plan', title: 'Exploitation Strategy' }, scripted(answers, asked));
    expect(asked).toEqual(['Which year does the plan start (like 2024)', 'Does it have an end date?']);
    expect(written(result)).toContain('period: 2025-onwards\n');
    const missing = await create({ type: 'plan', title: 'Neglect Strategy' });
    expect(missing.report).toContain(
      '--period 2024-2027  the years the plan covers, like 2024-2027, or 2024-onwards for a plan with no end date',
    );
  });

  it("gives a plan titled with the partnership's name an id of its own words", async () => {
    tree = writeTree(validTree());
    const result = await create({ type: 'plan', title: 'Hampshire Safeguarding Children Partnership Business Plan 2023-26' });
    expect(result.status === 'written' && path.relative(tree.contentDir, result.absolutePath)).toBe(
      'hampshire/plans/business-plan-2023-26.md',
    );
  });

  it("suggests the plan's own first year, and no year at all for a plan with years: none", async () => {
    tree = writeTree(validTree());
    const spanning = await create({ type: 'plan', title: 'Business Plan 2024-27' });
    expect(spanning.report).toMatch(/^ {2}npm run new -- year 2024-25 --partnership hampshire$/m);
    expect(spanning.report).not.toContain('year 2023-24');
    const none = await create({
      type: 'plan',
      title: 'Exploitation Strategy 2024 onwards',
      years: ['none'],
      groups: ['none'],
      statuses: 'none',
    });
    expect(written(none)).toMatch(/\ngroups: none\nyears: none\nstatuses: none\n/);
    expect(none.report).not.toContain('new -- year');
    const plan = checkContent(tree.contentDir)
      .index.partnership('hampshire')!
      .plans.find((p) => p.id === 'exploitation-strategy-2024-onwards')!;
    expect(plan.entry.data).toMatchObject({ groups: 'none', years: 'none', statuses: 'none', period: '2024-onwards' });
    const wrong = await create({ type: 'plan', title: 'Another Plan 2024-27', years: ['2024-25'] });
    expect(wrong.report).toMatch(/^error: --year "2024-25": for a plan, write --year none, to say it has no reporting years/);
  });
});

describe('new measure: nothing the check would publish as a stand-in (issue 26)', () => {
  it('asks where the figures come from rather than writing "To be confirmed"', async () => {
    tree = writeTree(validTree());
    const missing = await create({ type: 'measure', title: 'Children on a plan again' });
    expect(missing.exitCode).toBe(2);
    expect(missing.report).toContain('--source TEXT  where the figures come from');
    const result = await create({ type: 'measure', title: 'Children on a plan again', source: 'Children in need census (DfE)' });
    expect(written(result)).toContain('source: Children in need census (DfE)\n');
    expect(written(result)).not.toMatch(/to be confirmed/i);
    const warnings = checkContent(tree.contentDir).problems.filter((p) => p.file.includes('measures/'));
    expect(warnings).toEqual([]);
  });
});

describe('new action --strand and --serves (issue 26)', () => {
  const outcomeTree = () => {
    const t = validTree();
    t['hampshire/partnership.md'] = t['hampshire/partnership.md'].replace(
      'area: Hampshire\n',
      'area: Hampshire\nstrands:\n  - id: prevent\n    name: Prevent\n  - id: protect\n    name: Protect\n',
    );
    t['hampshire/priorities/neglect.md'] = t['hampshire/priorities/neglect.md'].replace(
      'order: 1\n',
      'order: 1\noutcomes:\n  - Fewer children neglected.\n  - id: earlier-help\n    text: Help comes earlier.\n',
    );
    return t;
  };

  it('tags the action with its strands and the outcomes it serves, which the site then links', async () => {
    tree = writeTree(outcomeTree());
    const result = await create({ type: 'action', title: 'Early help audit', priority: 'neglect', strands: ['protect'], serves: ['2'] });
    expect(written(result)).toContain('strands:\n  - protect\nserves:\n  - 2\n');
    const action = checkContent(tree.contentDir)
      .index.partnership('hampshire')!
      .actions.find((a) => a.id === 'early-help-audit')!;
    expect(action.strands.map((s) => s.id)).toEqual(['protect']);
    expect(action.serves.map((s) => [s.item.id, s.number])).toEqual([['neglect', 2]]);
  });

  it('checks each against the plan: a mistyped strand or outcome gets "did you mean", and nothing is written', async () => {
    tree = writeTree(outcomeTree());
    const before = snapshotFiles(tree.contentDir);
    const result = await create({
      type: 'action',
      title: 'Early help audit',
      priority: 'neglect',
      strands: ['protct'],
      serves: ['3', 'earlier-hlp'],
    });
    expect(stable(result.report)).toMatchInlineSnapshot(`
      "error: --strand: unknown strand "protct"; did you mean "protect"?
          hint: the strands declared in <tmp>/content/hampshire/partnership.md are prevent, protect
      error: --serves: there is no outcome 3: its priority "neglect" states 2 outcomes
          hint: outcomes are counted from 1 in the order of outcomes:; use a number from 1 to 2
      error: --serves: unknown outcome "earlier-hlp" of its priority "neglect"; did you mean "earlier-help"?
          hint: its outcomes' ids are earlier-help; or cite one by its number, from 1
      Nothing was written."
    `);
    expect(changedFiles(before, snapshotFiles(tree.contentDir))).toEqual([]);
  });

  it('offers the declared strands and the numbered outcomes in a terminal', async () => {
    tree = writeTree(outcomeTree());
    const asked: string[] = [];
    const answers = {
      'Which groups are accountable for it?': [],
      'Which reporting years does it belong to?': [],
      'Which strands does it belong to?': ['prevent'],
      'Which outcomes of neglect does it serve?': ['1', '2'],
    };
    const result = await create({ type: 'action', title: 'Neglect toolkit', priority: 'neglect' }, scripted(answers, asked));
    expect(asked).toContain('Which outcomes of neglect does it serve?');
    expect(written(result)).toContain('strands:\n  - prevent\nserves:\n  - 1\n  - 2\n');
  });
});

describe('new partnership --kind and new year without a plan (issue 20)', () => {
  it("starts an adults' board with its kind, its area from its own name, and no children's partnership fields", async () => {
    tree = writeTree(validTree());
    const result = await create({ type: 'partnership', title: 'Northvale Safeguarding Adults Board', kind: 'safeguarding-adults-board' });
    expect(result.status).toBe('written');
    const text = written(result);
    expect(text).toContain('area: Northvale\nkind: safeguarding-adults-board\n');
    expect(text).not.toContain('partners:');
    const board = checkContent(tree.contentDir).index.partnership('northvale-safeguarding-adults-board')!;
    expect(board.entry.data).toMatchObject({ kind: 'safeguarding-adults-board', area: 'Northvale', shortName: 'NSAB' });
  });

  it('asks for a joint arrangement\'s area instead of guessing it, and refuses an unknown kind with "did you mean"', async () => {
    tree = writeTree(validTree());
    const missing = await create({ type: 'partnership', title: 'Pan-Vale Safeguarding Arrangement', kind: 'joint-arrangement' });
    expect(missing.exitCode).toBe(2);
    expect(missing.report).toContain('--area AREA  the area it covers');
    const result = await create({
      type: 'partnership',
      title: 'Pan-Vale Safeguarding Arrangement',
      kind: 'joint-arrangement',
      area: 'Northvale and Southmere',
      id: 'pan-vale',
    });
    expect(written(result)).toContain('area: Northvale and Southmere\nkind: joint-arrangement\n');
    expect(written(result)).not.toMatch(/childrensServices|branding|accessibility|partners:/);
    expect(result.report).toContain('--owner <partnership> --owner <partnership>');
    const wrong = await create({ type: 'partnership', title: 'Westbrook Board', kind: 'safeguarding-adult-board' });
    expect(wrong.report.split('\n')[0]).toBe(
      'error: --kind: unknown kind of body "safeguarding-adult-board"; did you mean "safeguarding-adults-board"?',
    );
  });

  it('writes a year file with no plan, in a partnership with several plans, without asking which', async () => {
    const t = validTree();
    t['hampshire/plans/neglect-strategy.md'] = '---\ntitle: Neglect Strategy\nperiod: 2021-onwards\n---\n';
    tree = writeTree(t);
    const result = await create({ type: 'year', title: '2022-23' });
    expect(result.status, result.report).toBe('written');
    expect(written(result)).not.toMatch(/^plan:/m);
    expect(checkContent(tree.contentDir).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });
});
