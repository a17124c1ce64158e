/**
 * `plan-publisher init --joint`: a repository for partnerships that publish shared work, like
 * Luton and Bedford Borough's pan-Bedfordshire priorities. It writes each partnership (its
 * partnership.md), a joint arrangement (`kind: joint-arrangement`) holding the plan they share,
 * owned by all of them, and any adults' boards they share work with
 * (`kind: safeguarding-adults-board`: a name, short name and area, and no site until it owns a
 * plan). The authoring guide's section 2.14 describes the shape.
 */
import path from 'node:path';
import { slug } from '../../schemas/index.ts';
import { reservedIdReason } from '../model/reserved-names.ts';
import { areaFromBoardName, areaFromName, idFromTitle, shortNameFromName } from './ids.ts';
import {
  asker,
  colourProblem,
  defaultColour,
  normalisePeriod,
  periodProblem,
  refuse,
  repositoryFiles,
  shortPeriod,
  type InitResult,
} from './init-files.ts';
import type { Prompter } from './prompter.ts';
import { templateFor } from './templates.ts';

export interface JointOptions {
  /** The partnerships' full names: two or more. */
  names: string[];
  /** The joint arrangement's name; from the partnerships' areas unless given. */
  arrangement?: string;
  /** The adults' boards they share work with, by full name. */
  adultsBoards: string[];
  colour?: string;
  period?: string;
  planTitle?: string;
}

/** A partnership, board or arrangement as its partnership.md names it, with its folder. */
export interface Body {
  name: string;
  shortName: string;
  area: string;
  id: string;
}

export interface JointArrangement extends Body {
  partnerships: Body[];
  boards: Body[];
  colour: string;
  period: string;
  planTitle: string;
}

/** "Luton", "Bedford Borough" -> "Luton and Bedford Borough". */
function andList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The names given, or asked for one by one in a terminal: at least two partnerships; boards, any number. */
async function askNames(
  given: string[],
  prompter: Prompter | undefined,
  questions: { first: string; next: string; more: string; least: number },
): Promise<string[]> {
  const names = given.map((name) => name.trim()).filter((name) => name !== '');
  if (!prompter || names.length > 0) return names;
  for (;;) {
    const question = names.length === 0 ? questions.first : names.length < questions.least ? questions.next : questions.more;
    const answer = await prompter.text(question, { optional: names.length >= questions.least });
    if (answer.trim() === '') return names;
    names.push(answer.trim());
  }
}

interface JointAnswers extends Omit<JointOptions, 'names' | 'adultsBoards'> {
  names: string[];
  adultsBoards: string[];
  missing: string[];
}

async function askJoint(options: JointOptions, prompter?: Prompter): Promise<JointAnswers> {
  const missing: string[] = [];
  const ask = asker(prompter, missing);
  const names = await askNames(options.names, prompter, {
    first: 'The first partnership\'s full name, like "Luton Safeguarding Children Partnership"',
    next: "The next partnership's full name",
    more: 'Another partnership (press Enter if there are no more)',
    least: 2,
  });
  if (names.length < 2) missing.push('--name "<each partnership\'s full name>" (two or more: one --name for each)');
  const areas = names.map((name) => areaFromName(name) || name);
  const arrangement = await ask(
    options.arrangement,
    '--arrangement',
    'The name of their joint arrangement',
    names.length >= 2 ? `${andList(areas)} Safeguarding Arrangement` : undefined,
  );
  const adultsBoards = await askNames(options.adultsBoards, prompter, {
    first: 'An adults\' board they share work with, like "Luton Safeguarding Adults Board" (press Enter for none)',
    next: '',
    more: "Another adults' board (press Enter if there are no more)",
    least: 0,
  });
  const colour = await ask(
    options.colour,
    '--colour',
    'Their brand colour, dark enough for white text (each can change its own)',
    defaultColour,
    colourProblem,
  );
  const periodText = await ask(
    options.period,
    '--period YYYY-YYYY (the years the shared plan covers, like 2024-2027)',
    'The years their shared plan covers, like 2024-2027',
    undefined,
    periodProblem,
  );
  const period = periodText === undefined ? undefined : normalisePeriod(periodText);
  const planTitle =
    period && (await ask(options.planTitle, '--plan-title', "The shared plan's title", `Joint Business Plan ${shortPeriod(period)}`));
  return { names, arrangement, adultsBoards, colour, period, planTitle, missing };
}

/** "Pan-Bedfordshire Safeguarding Arrangement" -> "pan-bedfordshire". */
function arrangementId(name: string): string {
  return idFromTitle(name.replace(/\s*\b(?:safeguarding\s+|joint\s+)?arrangements?\s*$/i, '') || name);
}

const body = (name: string, area: string, id: string): Body => ({ name, shortName: shortNameFromName(name), area, id });

/** Each id usable and different from the others, or why not. */
function idProblems(bodies: Body[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { id, name } of bodies) {
    if (!slug.safeParse(id).success)
      problems.push(`error: "${name}" gives the folder name "${id}", which cannot be used: give a name with letters in it`);
    const reserved = reservedIdReason(id, 'partnership');
    if (reserved) problems.push(`error: "${name}": ${reserved}`);
    const before = seen.get(id);
    if (before) problems.push(`error: "${before}" and "${name}" would share the folder content/${id}/: give them different names`);
    seen.set(id, name);
  }
  return problems;
}

/** The joint arrangement to write, from the options or a terminal's answers; or a refusal saying what is missing or wrong. */
export async function jointArrangement(options: JointOptions, prompter?: Prompter): Promise<JointArrangement | InitResult> {
  const { names, arrangement, adultsBoards, colour, period, planTitle, missing } = await askJoint(options, prompter);
  if (missing.length > 0 || !arrangement || !colour || !period || !planTitle) {
    return refuse(
      [
        'Some details are missing for the joint arrangement. Give them like this (or run init in a terminal to be asked):',
        '  npx plan-publisher init --joint --name "Luton Safeguarding Children Partnership" \\',
        '    --name "Bedford Borough Safeguarding Children Partnership" --period 2024-2027 \\',
        '    [--arrangement "Pan-Bedfordshire Safeguarding Arrangement"] [--adults-board "Luton Safeguarding Adults Board"]',
        '',
        'Missing:',
        ...missing.map((option) => `  ${option}`),
      ],
      2,
    );
  }
  if (colourProblem(colour)) return refuse([`error: --colour: ${colourProblem(colour)}`], 2);
  if (periodProblem(period)) return refuse([`error: --period: ${periodProblem(period)}`], 2);
  const partnerships = names.map((name) => body(name, areaFromName(name) || name, idFromTitle(areaFromName(name) || name)));
  const boards = adultsBoards.map((name) => {
    const area = areaFromBoardName(name) || name;
    return body(name, area, `${idFromTitle(area)}-sab`);
  });
  const joint = body(arrangement, andList(partnerships.map((p) => p.area)), arrangementId(arrangement));
  const problems = idProblems([...partnerships, ...boards, joint]);
  if (problems.length > 0) return refuse(problems, 2);
  return { ...joint, partnerships, boards, colour, period, planTitle };
}

/** The content of a joint arrangement's repository, and the files around it. */
export function jointStarterFiles(folder: string, joint: JointArrangement): { files: Map<string, string>; kept: string[] } {
  const files = new Map<string, string>();
  const content = (id: string, relative: string) => path.join('content', id, relative);
  const partnershipFile = (b: Body, fields: { colour?: string; bodyKind?: string }) =>
    templateFor('partnership', { title: b.name, shortName: b.shortName, area: b.area, groups: [], years: [], ...fields });
  for (const p of joint.partnerships) files.set(content(p.id, 'partnership.md'), partnershipFile(p, { colour: joint.colour }));
  for (const board of joint.boards)
    files.set(content(board.id, 'partnership.md'), partnershipFile(board, { bodyKind: 'safeguarding-adults-board' }));
  files.set(content(joint.id, 'partnership.md'), partnershipFile(joint, { bodyKind: 'joint-arrangement' }));
  files.set(
    content(joint.id, `plans/${idFromTitle(joint.planTitle)}.md`),
    templateFor('plan', {
      title: joint.planTitle,
      period: joint.period,
      owners: joint.partnerships.map((p) => p.id),
      groups: [],
      years: [],
    }),
  );
  const folders = [...joint.partnerships, joint, ...joint.boards].map((b) => b.id);
  const repository = repositoryFiles(folder, { name: joint.name, folders });
  for (const [relative, text] of repository.files) files.set(relative, text);
  return { files, kept: repository.kept };
}

/** What to do next, in the words of the commands that do it. */
export function jointNextSteps(joint: JointArrangement): string[] {
  const [first] = joint.partnerships;
  const board = joint.boards.map((b) => b.id);
  return [
    `  npm run new -- priority "Title" --partnership ${joint.id}     a priority of the shared plan`,
    ...(board.length > 0 ? [`      (shared with the adults' boards too: add  joint: [${board.join(', ')}]  to the priority)`] : []),
    `  npm run new -- plan "Business Plan ${shortPeriod(joint.period)}" --partnership ${first.id}     a partnership's own plan`,
    "  npm run build && npm run preview     build every partnership's site and look at them on http://127.0.0.1:4321/",
  ];
}
