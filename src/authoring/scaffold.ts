/**
 * `npm run new`: writes a new content file that is valid from the start. It derives the id
 * from the title, checks every reference against the real content with the validator's own
 * resolver (so a typo gets "did you mean"), numbers the item after its siblings, and never
 * overwrites or duplicates an existing item. After writing, it runs the check; a file with
 * any problem is deleted again, so a broken file is never left behind.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentTypeNames, contentTypes, partnershipFile, reportingYearId, slug, type ContentType } from '../../schemas/index.ts';
import { checkContent } from '../model/check.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { reservedIdReason } from '../model/reserved-names.ts';
import { didYouMean } from '../model/suggest.ts';
import { contentWarnings } from '../model/warnings.ts';
import type { Prompter } from './prompter.ts';
import { checkCandidate, displayPath, readContent, type ReadContent } from './content.ts';
import { areaFromName, idFromTitle, planIdFromTitle } from './ids.ts';
import { chooseFields, need, type MissingOption, type Refusal, type ScaffoldOptions, type Scaffolding } from './scaffold-fields.ts';
import { templateFor, type TemplateFields } from './templates.ts';

export { guessGroupKind, type MissingOption, type ScaffoldOptions } from './scaffold-fields.ts';

export type ScaffoldResult =
  | {
      status: 'written';
      exitCode: 0;
      /** The new file as the check prints paths. */
      file: string;
      absolutePath: string;
      id: string;
      text: string;
      /** What to tell the author: the file written, what was guessed, what to do next. */
      report: string;
    }
  | { status: 'missing'; exitCode: 2; missing: MissingOption[]; report: string }
  | { status: 'refused'; exitCode: 1 | 2; report: string };

/** Which options map to which fields, so a problem can name the option to fix. */
const optionOfField: Record<string, string> = {
  plan: '--plan',
  part: '--part',
  priority: '--priority',
  objective: '--objective',
  groups: '--group',
  years: '--year',
  parent: '--parent',
  kind: '--kind',
  period: '--period',
  strands: '--strand',
  serves: '--serves',
  owners: '--owner',
  source: '--source',
  area: '--area',
  name: 'the title',
  title: 'the title',
};

const titleWords: Record<ContentType, string> = {
  partnership: 'the partnership\'s full name, like "Isle of Wight Safeguarding Children Partnership"',
  plan: 'the plan\'s title, like "Business Plan 2023-26"',
  year: 'the reporting year, like "2022-23"',
  group: 'the group\'s name, like "Training Sub-Group"',
  priority: "the priority's title as the plan words it",
  objective: "the objective's title as the plan words it",
  action: "the action's title as the plan words it",
  page: 'the page\'s title, like "Contact us"',
  review: 'the review\'s title, like "Child Q: local child safeguarding practice review"',
  measure: 'the measure\'s name, like "Children subject to a child protection plan for a second time"',
};

const exampleTitles: Record<ContentType, string> = {
  partnership: 'Isle of Wight Safeguarding Children Partnership',
  plan: 'Business Plan 2023-26',
  year: '2022-23',
  group: 'Training Sub-Group',
  priority: 'Responding to neglect',
  objective: 'Understand neglect across the partnership',
  action: 'Deliver neglect training',
  page: 'Contact us',
  review: 'Child Q: local child safeguarding practice review',
  measure: 'Children subject to a child protection plan for a second time',
};

function quoteArg(value: string): string {
  return /^[A-Za-z0-9._/:=-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

const refused = ({ lines, exitCode }: Refusal): ScaffoldResult => ({
  status: 'refused',
  exitCode,
  report: [...lines, 'Nothing was written.'].join('\n'),
});
const refuse = (lines: string[], exitCode: 1 | 2 = 1): ScaffoldResult => refused({ lines, exitCode });

export async function scaffold(options: ScaffoldOptions, prompter?: Prompter): Promise<ScaffoldResult> {
  if (!contentTypeNames.includes(options.type as ContentType)) {
    const suggestion = didYouMean(options.type, contentTypeNames);
    return refuse(
      [`error: unknown type "${options.type}"${suggestion ? `; ${suggestion}` : ''}`, `    the types are: ${contentTypeNames.join(', ')}`],
      2,
    );
  }
  const type = options.type as ContentType;
  const contentDir = path.resolve(options.contentDir);
  const content = readContent(contentDir);
  if (type !== 'partnership' && content.loaded.problems.some((p) => p.message === 'the content folder does not exist')) {
    return refuse([
      `error: there is no content folder at ${displayPath(contentDir)}`,
      '    hint: run the command from your project folder, or point it at your content with --content DIR',
    ]);
  }
  const s: Scaffolding = {
    options,
    prompter,
    index: content.index,
    fields: { title: '', groups: [], years: [] },
    missing: [],
    given: [],
    notes: [],
  };
  s.title = await askTitle(s, type);
  const partnershipId = await choosePartnership(s, type, contentDir);
  if (typeof partnershipId === 'object') return refused(partnershipId);
  const id = chooseId(s, type, partnershipId);
  if (typeof id === 'object') return refused(id);
  const absolutePath =
    id && partnershipId
      ? type === 'partnership'
        ? path.join(contentDir, id, partnershipFile)
        : path.join(contentDir, partnershipId, contentTypes[type].folder, `${id}.md`)
      : undefined;
  const existing = id && partnershipId && absolutePath ? existingItem(content, type, partnershipId, id, absolutePath) : undefined;
  if (existing) return refused(existing);

  s.fields = { title: s.title ?? '', groups: options.groups ?? [], years: options.years ?? [], order: options.order };
  const wrong = await chooseFields[type](s);
  if (wrong) return refused(wrong);
  prompter?.close();

  if (s.missing.length > 0 || !s.title || !id || !partnershipId || !absolutePath) return missingReport(s, type, partnershipId);
  return writeNew(type, s, { contentDir, partnership: partnershipId, id, absolutePath });
}

/** The title (for a year, the year itself): given, asked for, or missing. */
async function askTitle(s: Scaffolding, type: ContentType): Promise<string | undefined> {
  const given = s.options.title?.trim() || undefined;
  if (given) return given;
  if (!s.prompter) {
    s.missing.push({ option: '"<title>"', describe: titleWords[type], choices: [] });
    return undefined;
  }
  return s.prompter.text(type === 'year' ? 'Which reporting year (like 2022-23)' : `Title: ${titleWords[type]}`, {
    check:
      type === 'year' ? (answer) => (reportingYearId.safeParse(answer).success ? undefined : 'Write the year like 2022-23.') : undefined,
  });
}

/** The id of the partnership it belongs to (for a new partnership, its own); a refusal when there is none by that id. */
async function choosePartnership(s: Scaffolding, type: ContentType, contentDir: string): Promise<string | undefined | Refusal> {
  const { options, index, title } = s;
  if (type === 'partnership') return options.id ?? (title ? idFromTitle(areaFromName(title) || title) : undefined);
  let partnershipId = options.partnership;
  const choices = index.partnerships.map((p) => ({ id: p.id, label: p.entry.data.name }));
  if (!partnershipId && index.partnerships.length === 1) partnershipId = index.partnerships[0].id;
  if (!partnershipId)
    partnershipId = await need(s, '--partnership ID', 'which partnership it belongs to', choices, 'Which partnership is it for?');
  if (!partnershipId) return undefined;
  s.partnership = index.partnership(partnershipId);
  if (!s.partnership) {
    const folderExists = existsSync(path.join(contentDir, partnershipId));
    const suggestion = didYouMean(
      partnershipId,
      index.partnerships.map((p) => p.id),
    );
    return {
      lines: [
        folderExists
          ? `error: --partnership ${partnershipId}: ${partnershipId}/${partnershipFile} has problems, so nothing can be added to it yet`
          : `error: --partnership ${partnershipId}: unknown partnership "${partnershipId}"${suggestion ? `; ${suggestion}` : ''}`,
        folderExists
          ? '    hint: run `npm run check` and fix the problems it lists first'
          : `    hint: the partnerships are ${index.partnerships.map((p) => p.id).join(', ') || '(none yet: add one with `npm run new -- partnership "<name>"`)'}`,
      ],
      exitCode: 1,
    };
  }
  if (options.partnership) s.given.push(['--partnership', partnershipId]);
  return partnershipId;
}

/** The new file's id: from the title (a year's is the year), or --id; a refusal for one that cannot be used. */
function chooseId(s: Scaffolding, type: ContentType, partnershipId: string | undefined): string | undefined | Refusal {
  const { title, options } = s;
  if (!title) return undefined;
  const wrong = (lines: string[]): Refusal => ({ lines, exitCode: 2 });
  if (type === 'year' && !reportingYearId.safeParse(title).success) {
    return wrong([`error: "${title}" is not a reporting year: write it like 2022-23 (the first year and the last two digits of the next)`]);
  }
  const id = type === 'year' ? title : type === 'partnership' ? partnershipId : (options.id ?? idOfNew(s, type, title));
  if (!id) {
    return wrong([
      `error: the title "${title}" gives no id (it has no letters or digits an id can use)`,
      '    hint: give one with --id, like --id neglect-training',
    ]);
  }
  if (!slug.safeParse(id).success) {
    return wrong([`error: --id "${id}" is not a valid id: use lower-case letters, digits and single hyphens, like "neglect-training"`]);
  }
  const reserved = reservedIdReason(id, type);
  if (reserved) return wrong([`error: ${reserved}`, `    hint: give another with --id, like --id ${id}-${type}`]);
  return id;
}

/**
 * The id an item's title gives. A plan's leaves out its partnership's name in front, as its
 * address is already under the partnership's, and keeps its years however long the title.
 */
function idOfNew(s: Scaffolding, type: ContentType, title: string): string {
  if (type !== 'plan' || !s.partnership) return idFromTitle(title);
  const { name, shortName, area } = s.partnership.entry.data;
  return planIdFromTitle(title, [name, shortName, area]);
}

/** A refusal when the item already exists: never a second item with its id, nor a file written over. */
function existingItem(
  content: ReadContent,
  type: ContentType,
  partnershipId: string,
  id: string,
  absolutePath: string,
): Refusal | undefined {
  const sameItem = content.loaded.files.find((f) => f.type === type && f.partnership === partnershipId && f.id === id);
  const existing = sameItem?.absolutePath ?? (existsSync(absolutePath) ? absolutePath : undefined);
  if (!existing) return undefined;
  const noun = contentTypes[type].noun;
  return {
    lines: [
      `error: there is already ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} "${id}"${type === 'partnership' ? '' : ` in ${partnershipId}`}: ${displayPath(existing)}`,
      `    hint: to change it, edit that file; to add another ${noun}, give it a different title${type === 'year' || type === 'partnership' ? '' : ' or an --id'}`,
    ],
    exitCode: 1,
  };
}

/** What is missing, with the choices for each and a command that would give them all. */
function missingReport(s: Scaffolding, type: ContentType, partnershipId: string | undefined): ScaffoldResult {
  const { missing } = s;
  const width = Math.max(...missing.map((m) => m.option.length));
  const lines = [`Some details are missing for the new ${contentTypes[type].noun}:`];
  for (const m of missing) {
    lines.push(`  ${m.option.padEnd(width)}  ${m.describe}`);
    if (m.choices.length > 0) {
      const shown = m.choices
        .slice(0, 12)
        .map((c) => c.id)
        .join(', ');
      lines.push(`  ${' '.repeat(width)}  one of: ${shown}${m.choices.length > 12 ? `, ... (${m.choices.length} in all)` : ''}`);
    }
  }
  const example = ['npm run new --', type, quoteArg(s.title ?? exampleTitles[type])];
  if (type !== 'partnership' && partnershipId) example.push('--partnership', partnershipId);
  for (const [option, value] of s.given.filter(([o]) => o !== '--partnership')) example.push(option, quoteArg(value));
  for (const m of missing) {
    if (m.option.startsWith('"')) continue;
    const [option, placeholder] = m.option.split(' ');
    example.push(option, quoteArg(m.choices[0]?.id ?? placeholder));
  }
  lines.push('For example:', `  ${example.join(' ')}`, 'Or run it in a terminal to be asked for each one.');
  return { status: 'missing', exitCode: 2, missing, report: lines.join('\n') };
}

/**
 * Writes the file, never over another, after the validator's own stages have checked it with
 * every reference through the resolver; then runs the real check over the real folder, and
 * removes the file again (with any folder made for it) if it has any problem at all.
 */
function writeNew(
  type: ContentType,
  s: Scaffolding,
  item: { contentDir: string; partnership: string; id: string; absolutePath: string },
): ScaffoldResult {
  const { contentDir, partnership, id, absolutePath } = item;
  // A partnership that edits on GitHub gets no commented-out examples: the editor there removes comments.
  const fields: TemplateFields = { ...s.fields, examples: s.partnership?.entry.data.editor === undefined };
  const text = templateFor(type, fields);
  const file = displayPath(absolutePath);
  const problems = checkCandidate(contentDir, { type, partnership, id, absolutePath, text });
  if (problems.length > 0) return refuse(problems.map(describeProblem));

  const createdFolders: string[] = [];
  for (let dir = path.dirname(absolutePath); !existsSync(dir); dir = path.dirname(dir)) createdFolders.unshift(dir);
  mkdirSync(path.dirname(absolutePath), { recursive: true });
  try {
    // "wx": fail rather than overwrite, should a file appear between the check and now.
    writeFileSync(absolutePath, text, { flag: 'wx' });
  } catch (error) {
    return refuse([`error: could not write ${file}: ${error instanceof Error ? error.message : String(error)}`]);
  }

  const after = checkContent(contentDir);
  const own = after.problems.filter((p) => p.severity !== 'warning' && (p.file === file || p.message.includes(file)));
  if (own.length > 0) {
    unlinkSync(absolutePath);
    for (const dir of createdFolders.reverse()) if (readdirSync(dir).length === 0) rmdirSync(dir);
    return refuse([
      ...own.map(formatProblem),
      `The new file had ${own.length === 1 ? 'a problem' : 'problems'}, so it was removed again. Please report this: it is a fault in \`npm run new\`.`,
    ]);
  }

  const report = [`Wrote ${file}`];
  for (const note of s.notes) report.push(`  ${note}`);
  const warnings = contentWarnings(after.index).filter((w) => w.file === file);
  for (const warning of warnings) report.push(`  note: ${warning.message}`);
  const shared = s.partnership?.entry.data.kind === 'joint-arrangement';
  report.push(...nextSteps(type, { id, partnership, file, fields, shared }));
  return { status: 'written', exitCode: 0, file, absolutePath, id, text, report: report.join('\n') };
}

/** A problem with the new file, said in terms of the option that caused it. */
function describeProblem(problem: Problem): string {
  const field = problem.field?.replace(/\[\d+\]$/, '').split(/[.[]/)[0];
  const option = field ? optionOfField[field] : undefined;
  const hint = problem.hint ? `\n    hint: ${problem.hint}` : '';
  return `error: ${option ? `${option}: ` : ''}${problem.message}${hint}`;
}

/** The first reporting year of a period: "2024-2027" and "2024-onwards" -> "2024-25". */
function firstYearOf(period: string): string {
  const from = Number(period.slice(0, 4));
  return `${from}-${String((from + 1) % 100).padStart(2, '0')}`;
}

/** What a next step needs to know of the new item. */
interface NewItem {
  id: string;
  partnership: string;
  file: string;
  fields: TemplateFields;
  /** It is in a joint arrangement's folder, which has no site or annual report of its own. */
  shared: boolean;
}

/**
 * What to do after a new plan: its priorities, then a year's foreword, its first year's; none for
 * a plan with no years, nor in a joint arrangement, whose partnerships each write their own.
 */
function planNextSteps(item: NewItem): string[] {
  const steps = [
    `Next: open ${item.file} to write its introduction, then add its priorities:`,
    `  npm run new -- priority "<title>" --partnership ${item.partnership} --plan ${item.id}`,
  ];
  if (item.fields.none?.includes('years') || !item.fields.period || item.shared) return steps;
  return [
    ...steps,
    "Each year it spans has its page and annual report without a file of its own; to write a year's foreword, add one:",
    `  npm run new -- year ${firstYearOf(item.fields.period)} --partnership ${item.partnership}`,
  ];
}

/** What to do after a new partnership folder: for a joint arrangement, the plan its partnerships share. */
function partnershipNextSteps(item: NewItem): string[] {
  const kind = item.fields.bodyKind;
  if (kind === 'joint-arrangement') {
    return [
      `Next: open ${item.file} to say who works together in it, then add the plan they share, naming each partnership:`,
      `  npm run new -- plan "Joint Priorities 2024-27" --partnership ${item.id} --owner <partnership> --owner <partnership>`,
    ];
  }
  if (kind) {
    return [
      `Next: open ${item.file} to add its introduction. It has a site only once it owns or shares a plan;`,
      `  work done jointly with it names it under joint: as "${item.id}".`,
    ];
  }
  return [
    `Next: open ${item.file} to add its partners and introduction, then add its plan:`,
    `  npm run new -- plan "Business Plan 2023-26" --partnership ${item.id}`,
  ];
}

function nextSteps(type: ContentType, item: NewItem): string[] {
  const steps: Record<ContentType, () => string[]> = {
    partnership: () => partnershipNextSteps(item),
    plan: () => planNextSteps(item),
    year: () => [`Next: open ${item.file} to write the foreword to the year's annual report.`],
    group: () => [`Next: open ${item.file} to describe the group. Name it in a plan item's groups: list as "${item.id}".`],
    priority: () => [
      `Next: open ${item.file} to write it up, then add its actions:`,
      `  npm run new -- action "<title>" --partnership ${item.partnership} --priority ${item.id}`,
    ],
    objective: () => [
      `Next: open ${item.file} to write it up, then add its actions:`,
      `  npm run new -- action "<title>" --partnership ${item.partnership} --objective ${item.id}`,
    ],
    action: () => [`Next: open ${item.file} to describe the action. Preview the site with \`npm run dev\`.`],
    page: () => [`Next: open ${item.file} to write the page. It is linked from the footer of every page of the site.`],
    review: () => [`Next: open ${item.file} to list its recommendations and the actions that answer them.`],
    measure: () => [
      `Next: open ${item.file} to say what it counts, its baseline, targets and values.`,
      `Then cite it from the items it evidences, under measures: as "- measure: ${item.id}".`,
    ],
  };
  return steps[type]();
}
