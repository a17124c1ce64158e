/**
 * Warnings (src/model/warnings.ts) and how `npm run check` prints them: listed after the
 * errors, counted separately, and never failing the check.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contentWarnings } from '../../src/model/warnings.ts';
import { checkContent } from '../../src/model/check.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { md, validTree, writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';
import { runScript } from '../authoring/files.ts';

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

/** validTree with one action that has no group anywhere above it and no update since 2021-04-01. */
function treeWithWarnings(): Tree {
  return {
    ...validTree(),
    'hampshire/actions/nobody-owns-it.md': md`
      ---
      title: Nobody owns it
      order: 2
      objective: understand-neglect
      years: [2021-22]
      status: in-progress
      ---
    `,
  };
}

function warningsFor(t: Tree, today: string) {
  tree = writeTree(t);
  const { index, problems } = checkContent(tree.contentDir, { today });
  return {
    problems,
    warnings: contentWarnings(index).map((w) => formatProblem({ ...w, file: w.file.slice(w.file.indexOf('content/')) })),
  };
}

describe('contentWarnings', () => {
  it('flags stale open work and actions with no accountable group', () => {
    const { problems, warnings } = warningsFor(treeWithWarnings(), '2021-12-01');
    expect(problems).toEqual([]);
    expect(warnings.join('\n')).toMatchInlineSnapshot(`
      "warning content/hampshire/actions/nobody-owns-it.md:2
          no accountable group: this action names no group, and neither does its objective or priority
          hint: add groups: with the id of the group that answers for it (a file in groups/), to the action or to the item above it
      warning content/hampshire/actions/nobody-owns-it.md:6
          no recent update: it has no progress updates, and its first reporting year began on 2021-04-01, more than 6 months before today
          hint: add a progress update dated after 2021-06-01, or set its status to complete or cancelled if the work is over"
    `);
  });

  it("uses the partnership's staleAfterMonths, and judges a finished year as it ended", () => {
    const t = treeWithWarnings();
    t['hampshire/partnership.md'] = t['hampshire/partnership.md'].replace('area: Hampshire', 'area: Hampshire\nstaleAfterMonths: 9');
    expect(warningsFor(t, '2021-12-01').warnings.filter((w) => w.includes('no recent update'))).toEqual([]);
    tree?.remove();
    const late = warningsFor(t, '2030-01-01').warnings.filter((w) => w.includes('no recent update'));
    expect(late).toHaveLength(1);
    expect(late[0]).toContain('more than 9 months before 2022-03-31, when its last reporting year ended');
  });

  it('leaves complete work alone and counts a group on the priority as accountable', () => {
    const t = treeWithWarnings();
    t['hampshire/actions/nobody-owns-it.md'] = t['hampshire/actions/nobody-owns-it.md'].replace('in-progress', 'complete');
    t['hampshire/priorities/neglect.md'] = t['hampshire/priorities/neglect.md'].replace(
      'plan: business-plan-2020-23',
      'plan: business-plan-2020-23\ngroups: [training-sub-group]',
    );
    expect(warningsFor(t, '2030-01-01').warnings).toEqual([]);
  });
});

describe('the "no contact details" warning', () => {
  const withoutContacts = (drop: RegExp): Tree => {
    const t = validTree();
    t['hampshire/partnership.md'] = t['hampshire/partnership.md'].replace(drop, '');
    return t;
  };
  const frontDoor = /childrensServices:\n(?: {2}.*\n)+/;
  const contact = /contact:\n(?: {2}.*\n)+/;

  it('warns, on partnership.md with the field, when a partnership gives neither a front door nor a contact of its own', () => {
    const { problems, warnings } = warningsFor(withoutContacts(new RegExp(`${frontDoor.source}|${contact.source}`, 'g')), '2021-12-01');
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      [
        'warning content/hampshire/partnership.md:2',
        "    childrensServices: no children's services number: partnership.md does not say how to reach the council's children's services, so the \"Worried about a child?\" page and panel give only 999, GOV.UK's council finder and the national helplines",
        "    hint: add childrensServices: with the name: and phone: of the council's children's services front door, copied from its website",
      ].join('\n'),
      [
        'warning content/hampshire/partnership.md:2',
        '    contact: no contact details: partnership.md gives no way to reach the partnership itself',
        '    hint: add contact: with an email: or a phone:, so the accessibility statement and the "Worried about a child?" page say how to reach the partnership',
      ].join('\n'),
    ]);
  });

  it('names the one that is missing', () => {
    const noContact = warningsFor(withoutContacts(contact), '2021-12-01').warnings.join('\n');
    expect(noContact).toContain('contact: no contact details');
    expect(noContact).not.toContain('childrensServices');
    tree?.remove();
    const noFrontDoor = warningsFor(withoutContacts(frontDoor), '2021-12-01').warnings.join('\n');
    expect(noFrontDoor).toContain("childrensServices: no children's services number");
    expect(noFrontDoor).not.toContain('contact:');
  });

  it('warns when the front door gives an online form but no number, on the line of childrensServices', () => {
    const t = validTree();
    t['hampshire/partnership.md'] = t['hampshire/partnership.md'].replace(
      /(childrensServices:\n.*\n) {2}phone: .*\n/,
      '$1  webForm: https://www.example.org.uk/report-a-concern\n',
    );
    const { problems, warnings } = warningsFor(t, '2021-12-01');
    expect(problems).toEqual([]);
    expect(warnings).toHaveLength(1);
    const lines = t['hampshire/partnership.md'].split('\n');
    const line = lines.indexOf('childrensServices:') + 1;
    expect(warnings[0]).toBe(
      [
        `warning content/hampshire/partnership.md:${line}`,
        "    childrensServices.phone: no children's services number: the front door has an online form but no phone number",
        "    hint: add phone: with the number of Children's Services, in quotes, copied from the council's website",
      ].join('\n'),
    );
  });

  it('is quiet when both are given', () => {
    expect(warningsFor(validTree(), '2021-12-01').warnings).toEqual([]);
  });
});

describe('npm run check with warnings', () => {
  it('lists warnings, counts them apart from errors, and exits 0', () => {
    tree = writeTree(treeWithWarnings());
    const run = runScript('check', ['--content', 'content', '--date', '2021-12-01'], tree.root);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "Checked 9 files: 1 partnership, 1 plan, 1 priority, 1 objective, 2 actions, 1 group, 3 reporting years.
      0 errors, 3 warnings: the site can be built, but the warnings above are worth a look.
      "
    `);
    // Two about the action, one about the 2020-21 yearly report, which has ended and has no sections written.
    expect(run.stderr.match(/^warning /gm)).toHaveLength(3);
  });

  it('lists errors first, then warnings, and gives no warning to a file that has an error', () => {
    const t = treeWithWarnings();
    t['hampshire/actions/broken.md'] = md`
      ---
      title: Broken
      order: 3
      objective: understand-neglect
      groups: [training-subgroup]
      ---
    `;
    tree = writeTree(t);
    const run = runScript('check', ['--content', 'content', '--date', '2021-12-01'], tree.root);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatchInlineSnapshot(`
      "error content/hampshire/actions/broken.md:5
          groups[0]: unknown group "training-subgroup"; did you mean "training-sub-group"?
      warning content/hampshire/actions/nobody-owns-it.md:2
          no accountable group: this action names no group, and neither does its objective or priority
          hint: add groups: with the id of the group that answers for it (a file in groups/), to the action or to the item above it
      warning content/hampshire/actions/nobody-owns-it.md:6
          no recent update: it has no progress updates, and its first reporting year began on 2021-04-01, more than 6 months before today
          hint: add a progress update dated after 2021-06-01, or set its status to complete or cancelled if the work is over
      warning content/hampshire/years/2020-21.md
          yearly report 2020-21 is not written: none of the 6 sections Working Together 2023 asks for is written yet (Impact on children and families; Areas of little or no progress; Decisions and actions on reviews; Feedback from children and families; Independent scrutiny; Funding and contributions). It is due to be published by 31 March 2022, 12 months after the year ended.
          hint: write each under its own heading in the body, like "## Impact on children and families"; see "Writing the yearly report" in content/README.md

      1 error, 3 warnings found. Nothing was built; fix the errors above and run \`npm run check\` again.
      "
    `);
  });

  it('rejects a --date that is not a date', () => {
    tree = writeTree(validTree());
    const run = runScript('check', ['--date', '2021-02-30'], tree.root);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('error: --date "2021-02-30" is not a date: write it like 2021-03-31');
  });
});

describe('comments in plain text', () => {
  const action = 'hampshire/actions/deliver-training.md';
  const changed = (file: string, from: string, to: string): Tree => {
    const t = validTree();
    expect(t[file]).toContain(from);
    return { ...t, [file]: t[file].replace(from, to) };
  };
  /** The check's own warnings about comments, as npm run check prints them. */
  const commentWarningsOf = (t: Tree) => {
    tree = writeTree(t);
    return checkContent(tree.contentDir)
      .problems.filter((p) => p.severity === 'warning' && p.message.startsWith('comment in plain text'))
      .map((w) => formatProblem({ ...w, file: w.file.slice(w.file.indexOf('content/')) }));
  };

  it('warns that a comment in a title is published as written, and the check still passes', () => {
    tree = writeTree(changed(action, 'title: Deliver neglect training', 'title: Deliver neglect training <!-- ask Sam about dates -->'));
    const run = runScript('check', ['--content', 'content', '--date', '2021-03-31'], tree.root);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatchInlineSnapshot(`
      "warning content/hampshire/actions/deliver-training.md:2
          title: comment in plain text: this field is not Markdown, so its "<!-- -->" is published as written, for every reader to see
          hint: comments work only in Markdown text (the body below the frontmatter, progress text, outcomes): for a note in the frontmatter, start a line with #
      "
    `);
  });

  it("names the field: a group's name, a partnership's contact, a text measure written either way", () => {
    const t = changed('hampshire/groups/training-sub-group.md', 'name: Training Sub-Group', 'name: Training Sub-Group <!-- renamed? -->');
    t['hampshire/partnership.md'] = t['hampshire/partnership.md'].replace(
      "name: Children's Services",
      "name: Children's Services <!-- MASH -->",
    );
    t[action] = t[action].replace(
      'status: in-progress',
      'status: in-progress\nmeasures:\n  - Number trained <!-- from HR -->\n  - text: Audits done\n    target: 20 <!-- or 30 -->',
    );
    expect(commentWarningsOf(t).map((w) => w.split('\n').slice(0, 2).join(' | '))).toEqual([
      'warning content/hampshire/actions/deliver-training.md:11 |     measures[0]: comment in plain text: this field is not Markdown, so its "<!-- -->" is published as written, for every reader to see',
      'warning content/hampshire/actions/deliver-training.md:13 |     measures[1].target: comment in plain text: this field is not Markdown, so its "<!-- -->" is published as written, for every reader to see',
      'warning content/hampshire/groups/training-sub-group.md:2 |     name: comment in plain text: this field is not Markdown, so its "<!-- -->" is published as written, for every reader to see',
      'warning content/hampshire/partnership.md:7 |     childrensServices.name: comment in plain text: this field is not Markdown, so its "<!-- -->" is published as written, for every reader to see',
    ]);
  });

  it('says nothing of comments in Markdown, where they are cut out, or of one shown as code', () => {
    const t = changed(action, 'text: Training designed.', 'text: Training designed. <!-- private note -->');
    t[action] = t[action].replace('text: First sessions delivered.', 'text: "Write `<!-- -->` to hide a note."');
    t[action] = t[action].replace('Deliver multi-agency', '<!-- a note in the body -->\nDeliver multi-agency');
    t['hampshire/priorities/neglect.md'] = t['hampshire/priorities/neglect.md'].replace(
      'plan: business-plan-2020-23',
      'plan: business-plan-2020-23\noutcomes:\n  - Fewer children neglected. <!-- figures to follow -->',
    );
    expect(commentWarningsOf(t)).toEqual([]);
  });

  it('gives a file with an error no comment warning until the error is fixed', () => {
    const t = changed(action, 'title: Deliver neglect training', 'title: Deliver neglect training <!-- x -->');
    t[action] = t[action].replace('status: in-progress', 'status: in-progres');
    expect(commentWarningsOf(t)).toEqual([]);
  });
});

describe('placeholder text', () => {
  const action = 'hampshire/actions/deliver-training.md';
  const changed = (file: string, from: string, to: string, t: Tree = validTree()): Tree => {
    expect(t[file]).toContain(from);
    return { ...t, [file]: t[file].replace(from, to) };
  };
  /** The check's placeholder warnings, as npm run check prints them: where, which field, what to do. */
  const placeholderWarningsOf = (t: Tree) => {
    tree = writeTree(t);
    return checkContent(tree.contentDir)
      .problems.filter((p) => p.severity === 'warning' && p.message.startsWith('placeholder text'))
      .map((w) => formatProblem({ ...w, file: w.file.slice(w.file.indexOf('content/')) }));
  };

  it('warns of "To be confirmed" left in a measure source, and the check still passes', () => {
    const t = {
      ...validTree(),
      'hampshire/measures/cp-second-time.md': md`
        ---
        title: Children on a plan for a second time
        counts: Children who became subject to a plan again
        unit: number
        frequency: yearly
        plan: business-plan-2020-23
        source: To be confirmed
        ---
      `,
    };
    tree = writeTree(t);
    const run = runScript('check', ['--content', 'content', '--date', '2021-03-31'], tree.root);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatchInlineSnapshot(`
      "warning content/hampshire/measures/cp-second-time.md:7
          source: placeholder text: "To be confirmed" would be published as written, for every reader to see
          hint: write the real value once it is known; until then leave the field out (or, for a required field, write what is known so far)
      "
    `);
  });

  it('names each field: TBC, TODO, XXX, Lorem ipsum and [insert ...] in titles, lists and bodies', () => {
    let t = changed(action, 'title: Deliver neglect training', 'title: Deliver neglect training (dates TBC)');
    t = changed(action, 'text: First sessions delivered.', 'text: "[Insert number] sessions delivered."', t);
    t = changed(action, 'Deliver multi-agency', 'TODO: describe. Deliver multi-agency', t);
    t = changed('hampshire/groups/training-sub-group.md', 'kind: sub-group', 'kind: sub-group\nchair: XXX', t);
    t = changed(
      'hampshire/priorities/neglect.md',
      'plan: business-plan-2020-23',
      'plan: business-plan-2020-23\noutcomes:\n  - Lorem ipsum dolor sit amet.',
      t,
    );
    expect(placeholderWarningsOf(t)).toMatchInlineSnapshot(`
      [
        "warning content/hampshire/actions/deliver-training.md
          body: placeholder text: "TODO" would be published as written, for every reader to see
          hint: write the real text once it is known; until then put the note inside <!-- --> comment marks, which are never published",
        "warning content/hampshire/actions/deliver-training.md:2
          title: placeholder text: "TBC" would be published as written, for every reader to see
          hint: write the real value once it is known; until then leave the field out (or, for a required field, write what is known so far)",
        "warning content/hampshire/actions/deliver-training.md:15
          progress[1].text: placeholder text: "[Insert number]" would be published as written, for every reader to see
          hint: write the real value once it is known; until then leave the field out (or, for a required field, write what is known so far)",
        "warning content/hampshire/groups/training-sub-group.md:4
          chair: placeholder text: "XXX" would be published as written, for every reader to see
          hint: write the real value once it is known; until then leave the field out (or, for a required field, write what is known so far)",
        "warning content/hampshire/priorities/neglect.md:6
          outcomes[0]: placeholder text: "Lorem ipsum" would be published as written, for every reader to see
          hint: write the real value once it is known; until then leave the field out (or, for a required field, write what is known so far)",
      ]
    `);
  });

  it('leaves ordinary words, notes in comments and a glossary defining TBC alone', () => {
    let t = changed(action, 'title: Deliver neglect training', 'title: Deliver neglect training to be confident in court');
    t = changed(action, 'Deliver multi-agency', '<!-- TODO: ask Sam for the dates -->\nDeliver multi-agency', t);
    t = changed(action, 'text: Training designed.', 'text: Training designed with the Todos team (see www.example.org.uk/xxx).', t);
    t = changed('hampshire/partnership.md', 'contact:', 'glossary:\n  - term: TBC\n    meaning: To be confirmed\ncontact:', t);
    expect(placeholderWarningsOf(t)).toEqual([]);
  });
});
