/**
 * Small content trees for the validator's tests: write a map of `relative path -> file text`
 * into a fresh temporary folder, run the real check over it, and clean up afterwards.
 *
 * Layout: `<tmp>/content/<partnership>/...`. Problems are reported with paths relative to
 * `<tmp>`, so they read `content/hampshire/actions/x.md`, exactly as `npm run check` prints
 * them when run from a project folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent, type CheckResult } from '../../src/model/check.ts';
import type { Problem } from '../../src/model/problems.ts';

/** Relative path under `content/` (like `hampshire/actions/x.md`) -> the file's text. */
export type Tree = Record<string, string>;

/**
 * Template tag that strips the indentation common to every line and the first and last
 * empty lines, so a file can be written indented inside a test and still start with `---`.
 * Line 1 of the result is the first line after the opening backtick's line.
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.split('\n');
  if (lines[0].trim() === '') lines.shift();
  if (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return `${lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n')}\n`;
}

/** A minimal valid partnership, with contact details: one plan (2020-2023), two years, a group, a priority, an objective, an action. */
export function validTree(partnership = 'hampshire'): Tree {
  const p = (file: string) => `${partnership}/${file}`;
  return {
    [p('partnership.md')]: md`
      ---
      name: ${partnership[0].toUpperCase()}${partnership.slice(1)} Safeguarding Children Partnership
      shortName: ${partnership.slice(0, 2).toUpperCase()}SCP
      area: ${partnership[0].toUpperCase()}${partnership.slice(1)}
      # Ofcom's numbers for drama, which never ring anyone.
      childrensServices:
        name: Children's Services
        phone: 01632 960 001
      contact:
        email: partnership@example.org.uk
      accessibility:
        compliance: partially
        nonAccessible: Some documents linked from the plan are PDFs that are not accessible.
      ---
      The partnership's introduction.
    `,
    [p('plans/business-plan-2020-23.md')]: md`
      ---
      title: Business Plan 2020-23
      period: 2020-2023
      ---
      The plan's introduction.
    `,
    [p('years/2020-21.md')]: md`
      ---
      plan: business-plan-2020-23
      ---
    `,
    [p('years/2021-22.md')]: md`
      ---
      plan: business-plan-2020-23
      ---
    `,
    [p('groups/training-sub-group.md')]: md`
      ---
      name: Training Sub-Group
      kind: sub-group
      ---
    `,
    [p('priorities/neglect.md')]: md`
      ---
      title: Responding to neglect
      order: 1
      plan: business-plan-2020-23
      ---
    `,
    [p('objectives/understand-neglect.md')]: md`
      ---
      title: Understand neglect across the partnership
      order: 1
      priority: neglect
      ---
    `,
    [p('actions/deliver-training.md')]: md`
      ---
      title: Deliver neglect training
      order: 1
      objective: understand-neglect
      groups:
        - training-sub-group
      years:
        - 2020-21
      status: in-progress
      progress:
        - date: 2020-09-30
          text: Training designed.
        - date: 2021-03-31
          status: in-progress
          text: First sessions delivered.
      ---
      Deliver multi-agency training on **neglect**.
    `,
  };
}

/** Eight errors in seven files and a folder, of every stage, none hiding another. */
export function treeWithEightErrors(): Tree {
  return {
    ...validTree(),
    // Schema: text where a number is expected (line 3).
    'hampshire/actions/deliver-training.md': validTree()['hampshire/actions/deliver-training.md'].replace('order: 1', 'order: one'),
    // References: an unknown group (line 6) and an undeclared joint partnership (line 7).
    'hampshire/actions/second-action.md': md`
      ---
      title: Second action
      order: 2
      objective: understand-neglect
      groups:
        - training-subgroup
      joint: [isle-of-wight]
      ---
    `,
    // Schema: a kind that is not allowed (line 3).
    'hampshire/groups/safeguarding-board.md': md`
      ---
      name: Safeguarding Board
      kind: bord
      ---
    `,
    // Index: a reporting year outside its plan's period.
    'hampshire/years/2023-24.md': md`
      ---
      plan: business-plan-2020-23
      ---
    `,
    // Parse: a file in a folder the tool does not know.
    'hampshire/notes/todo.md': '- [ ] finish the plan\n',
    // Parse: no frontmatter (line 1).
    'hampshire/objectives/broken.md': 'Just some text.\n',
    // Parse: a partnership folder with no partnership.md.
    'hounslow/groups/hscp-board.md': md`
      ---
      name: HSCP Board
      kind: board
      ---
    `,
  };
}

export interface ContentTree {
  /** The temporary folder holding `content/`: run the CLI from here. */
  root: string;
  /** The absolute path of `content/`. */
  contentDir: string;
  /** Deletes the temporary folder. */
  remove(): void;
}

/** Writes a tree into a fresh temporary folder, as `<root>/content/<path>`. */
export function writeTree(tree: Tree): ContentTree {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-test-'));
  const contentDir = path.join(root, 'content');
  mkdirSync(contentDir);
  for (const [relative, text] of Object.entries(tree)) {
    const file = path.join(contentDir, ...relative.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { root, contentDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Rewrites a problem's file as a `/`-separated path relative to the tree's root. */
function relativeTo(root: string, problem: Problem): Problem {
  const absolute = path.isAbsolute(problem.file) ? problem.file : path.resolve(problem.file);
  // Hints name files too ("add content/hampshire/years/2022-23.md"): show them from the root as well.
  const hint = problem.hint?.split(`${root}${path.sep}`).join('');
  return { ...problem, file: path.relative(root, absolute).split(path.sep).join('/'), ...(hint === undefined ? {} : { hint }) };
}

export interface TreeCheck {
  /** Every problem, its file relative to the tree's root (`content/hampshire/...`). */
  problems: Problem[];
  result: CheckResult;
}

/** Writes the tree, runs the real `checkContent` over it (judging facts as of `today`), and removes it again. */
export function checkTree(tree: Tree, options: { today?: string } = {}): TreeCheck {
  const written = writeTree(tree);
  try {
    const result = checkContent(written.contentDir, options);
    return { problems: result.problems.map((problem) => relativeTo(written.root, problem)), result };
  } finally {
    written.remove();
  }
}

/** Where a problem points: its file, line and field (an empty field path counts as none). */
export function where(problem: Problem): { file: string; line?: number; field?: string } {
  return { file: problem.file, line: problem.line, field: problem.field || undefined };
}
