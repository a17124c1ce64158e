/**
 * `npm run new`: writes a new content file that is valid from the start. It derives the id
 * from the title, checks every reference against the real content with the validator's own
 * resolver (so a typo gets "did you mean"), numbers the item after its siblings, and never
 * overwrites or duplicates an existing item. After writing, it runs the check; a file with
 * any problem is deleted again, so a broken file is never left behind.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  contentTypeNames,
  contentTypes,
  groupKindValues,
  partnershipFile,
  period as periodSchema,
  reportingYearId,
  slug,
  type ContentType,
} from '../../schemas/index.ts';
import { checkContent } from '../model/check.ts';
import type { PartnershipNode, PlanNode, PriorityNode } from '../model/graph/nodes.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { reservedIdReason } from '../model/reserved-names.ts';
import { didYouMean } from '../model/suggest.ts';
import { yearInPeriod } from '../model/years.ts';
import type { Choice, Prompter } from './prompter.ts';
import { checkCandidate, displayPath, readContent } from './content.ts';
import { areaFromName, idFromTitle, periodFromTitle, shortNameFromName } from './ids.ts';
import { templateFor, type TemplateFields } from './templates.ts';
import { contentWarnings } from '../model/warnings.ts';

export interface ScaffoldOptions {
  type: string;
  title?: string;
  contentDir: string;
  /** Overrides the id derived from the title. */
  id?: string;
  partnership?: string;
  plan?: string;
  part?: string;
  priority?: string;
  objective?: string;
  groups?: string[];
  years?: string[];
  /** group */
  kind?: string;
  parent?: string;
  /** plan */
  period?: string;
  /** partnership */
  shortName?: string;
  area?: string;
  order?: number;
}

/** An option the command needs and was not given. */
export interface MissingOption {
  option: string;
  describe: string;
  choices: Choice[];
}

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
  name: 'the title',
  title: 'the title',
};

/** "Neglect Task and Finish Group" -> task-and-finish-group: a guess from a group's name. */
export function guessGroupKind(name: string): (typeof groupKindValues)[number] | undefined {
  if (/task\s*(and|&)\s*finish/i.test(name)) return 'task-and-finish-group';
  if (/sub[-\s]?group/i.test(name)) return 'sub-group';
  if (/\bexecutive\b/i.test(name)) return 'executive';
  if (/\bboard\b/i.test(name)) return 'board';
  if (/\bforum\b/i.test(name)) return 'forum';
  if (/\bmembers\b/i.test(name)) return 'members';
  if (/\b(manager|chair|advis[eo]r|officer|lead|director|co-?ordinator)\b/i.test(name)) return 'role';
  return undefined;
}

const titleWords: Record<ContentType, string> = {
  partnership: 'the partnership\'s full name, like "Isle of Wight Safeguarding Children Partnership"',
  plan: 'the plan\'s title, like "Business Plan 2023-26"',
  year: 'the reporting year, like "2022-23"',
  group: 'the group\'s name, like "Training Sub-Group"',
  priority: "the priority's title as the plan words it",
  objective: "the objective's title as the plan words it",
  action: "the action's title as the plan words it",
  page: 'the page\'s title, like "Contact us"',
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
  measure: 'Children subject to a child protection plan for a second time',
};

function quoteArg(value: string): string {
  return /^[A-Za-z0-9._/:=-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

const nextOrder = (siblings: Array<{ entry: { data: { order?: number } } }>) =>
  siblings.reduce((max, s) => Math.max(max, s.entry.data.order ?? 0), 0) + 1;

export async function scaffold(options: ScaffoldOptions, prompter?: Prompter): Promise<ScaffoldResult> {
  const refuse = (lines: string[], exitCode: 1 | 2 = 1): ScaffoldResult => ({
    status: 'refused',
    exitCode,
    report: [...lines, 'Nothing was written.'].join('\n'),
  });

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
  const noFolder = content.loaded.problems.find((p) => p.message === 'the content folder does not exist');
  if (noFolder && type !== 'partnership') {
    return refuse([
      `error: there is no content folder at ${displayPath(contentDir)}`,
      '    hint: run the command from your project folder, or point it at your content with --content DIR',
    ]);
  }
  const index = content.index;

  const missing: MissingOption[] = [];
  const given: Array<[string, string]> = [];
  const notes: string[] = [];

  /** A value the file needs: given, asked for in a terminal, or recorded as missing. */
  async function need(
    option: string,
    describe: string,
    choices: Choice[],
    question: string,
    check?: (answer: string) => string | undefined,
  ): Promise<string | undefined> {
    if (!prompter) {
      missing.push({ option, describe, choices });
      return undefined;
    }
    if (choices.length > 0) return prompter.choose(question, choices);
    return prompter.text(question, { check });
  }

  // The title (for a year, the year itself).
  let title = options.title?.trim() || undefined;
  if (!title) {
    if (prompter) {
      title = await prompter.text(type === 'year' ? 'Which reporting year (like 2022-23)' : `Title: ${titleWords[type]}`, {
        check:
          type === 'year'
            ? (answer) => (reportingYearId.safeParse(answer).success ? undefined : 'Write the year like 2022-23.')
            : undefined,
      });
    } else missing.push({ option: '"<title>"', describe: titleWords[type], choices: [] });
  }

  // The partnership it belongs to.
  let partnership: PartnershipNode | undefined;
  let partnershipId: string | undefined;
  if (type === 'partnership') {
    partnershipId = options.id ?? (title ? idFromTitle(areaFromName(title) || title) : undefined);
  } else {
    partnershipId = options.partnership;
    const choices = index.partnerships.map((p) => ({ id: p.id, label: p.entry.data.name }));
    if (!partnershipId && index.partnerships.length === 1) partnershipId = index.partnerships[0].id;
    if (!partnershipId)
      partnershipId = await need('--partnership ID', 'which partnership it belongs to', choices, 'Which partnership is it for?');
    if (partnershipId) {
      partnership = index.partnership(partnershipId);
      if (!partnership) {
        const folderExists = existsSync(path.join(contentDir, partnershipId));
        const suggestion = didYouMean(
          partnershipId,
          index.partnerships.map((p) => p.id),
        );
        return refuse([
          folderExists
            ? `error: --partnership ${partnershipId}: ${partnershipId}/${partnershipFile} has problems, so nothing can be added to it yet`
            : `error: --partnership ${partnershipId}: unknown partnership "${partnershipId}"${suggestion ? `; ${suggestion}` : ''}`,
          folderExists
            ? '    hint: run `npm run check` and fix the problems it lists first'
            : `    hint: the partnerships are ${index.partnerships.map((p) => p.id).join(', ') || '(none yet: add one with `npm run new -- partnership "<name>"`)'}`,
        ]);
      }
      if (options.partnership) given.push(['--partnership', partnershipId]);
    }
  }

  // The id, and never a second item with it.
  let id: string | undefined;
  if (title) {
    if (type === 'year') {
      if (!reportingYearId.safeParse(title).success) {
        return refuse(
          [`error: "${title}" is not a reporting year: write it like 2022-23 (the first year and the last two digits of the next)`],
          2,
        );
      }
      id = title;
    } else id = type === 'partnership' ? partnershipId : (options.id ?? idFromTitle(title));
    if (!id) {
      return refuse(
        [
          `error: the title "${title}" gives no id (it has no letters or digits an id can use)`,
          '    hint: give one with --id, like --id neglect-training',
        ],
        2,
      );
    }
    if (!slug.safeParse(id).success) {
      return refuse(
        [`error: --id "${id}" is not a valid id: use lower-case letters, digits and single hyphens, like "neglect-training"`],
        2,
      );
    }
    const reserved = reservedIdReason(id, type);
    if (reserved) return refuse([`error: ${reserved}`, `    hint: give another with --id, like --id ${id}-${type}`], 2);
  }
  const folder = contentTypes[type].folder;
  const absolutePath =
    id && partnershipId
      ? type === 'partnership'
        ? path.join(contentDir, id, partnershipFile)
        : path.join(contentDir, partnershipId, folder, `${id}.md`)
      : undefined;
  if (id && partnershipId && absolutePath) {
    const sameItem = content.loaded.files.find((f) => f.type === type && f.partnership === partnershipId && f.id === id);
    const existing = sameItem?.absolutePath ?? (existsSync(absolutePath) ? absolutePath : undefined);
    if (existing) {
      const noun = contentTypes[type].noun;
      return refuse([
        `error: there is already ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} "${id}"${type === 'partnership' ? '' : ` in ${partnershipId}`}: ${displayPath(existing)}`,
        `    hint: to change it, edit that file; to add another ${noun}, give it a different title${type === 'year' || type === 'partnership' ? '' : ' or an --id'}`,
      ]);
    }
  }

  const fields: TemplateFields = { title: title ?? '', groups: options.groups ?? [], years: options.years ?? [], order: options.order };
  const planChoices = (p: PartnershipNode) =>
    p.plans.map((plan) => ({ id: plan.id, label: `${plan.entry.data.title} (${plan.entry.data.period})` }));
  const priorityChoices = (priorities: PriorityNode[]) => priorities.map((p) => ({ id: p.id, label: p.entry.data.title }));
  let plan: PlanNode | undefined;

  /** The plan an item goes in: given, the only one, or asked for. */
  async function choosePlan(describe: string): Promise<string | undefined> {
    if (options.plan) {
      given.push(['--plan', options.plan]);
      return options.plan;
    }
    if (!partnership) return undefined;
    if (partnership.plans.length === 1) return partnership.plans[0].id;
    return need('--plan ID', describe, planChoices(partnership), 'Which plan is it part of?');
  }

  async function chooseGroupsAndYears() {
    if (!partnership) return;
    if (options.groups === undefined && prompter && partnership.groups.length > 0) {
      fields.groups = await prompter.chooseMany(
        'Which groups are accountable for it?',
        partnership.groups.map((g) => ({ id: g.id, label: g.entry.data.name })),
      );
    }
    const years = plan ? plan.years : partnership.years;
    if (options.years === undefined && prompter && years.length > 0) {
      fields.years = await prompter.chooseMany(
        'Which reporting years does it belong to?',
        years.map((y) => ({ id: y.id })),
      );
    }
    for (const group of fields.groups) given.push(['--group', group]);
    for (const year of fields.years) given.push(['--year', year]);
  }

  switch (type) {
    case 'partnership': {
      if (title) {
        fields.area = options.area ?? (areaFromName(title) || title);
        fields.shortName = options.shortName ?? shortNameFromName(title);
        if (!options.area) notes.push(`area: "${fields.area}" (from the name; change it in the file)`);
        if (!options.shortName) notes.push(`shortName: "${fields.shortName}" (from the name; change it in the file)`);
      }
      break;
    }
    case 'plan': {
      fields.period = options.period ?? (title ? periodFromTitle(title) : undefined);
      if (!fields.period) {
        fields.period = await need(
          '--period YYYY-YYYY',
          'the years the plan covers, like 2023-2026',
          [],
          'Which years does it cover (like 2023-2026)',
          (answer) => (periodSchema.safeParse(answer).success ? undefined : 'Write the first and last years in full, like 2023-2026.'),
        );
      }
      if (fields.period) {
        if (!periodSchema.safeParse(fields.period).success) {
          return refuse(
            [`error: --period "${fields.period}" is not a period: write it like 2023-2026 (whole years, the end after the start)`],
            2,
          );
        }
        if (options.period) given.push(['--period', fields.period]);
        else if (title && !prompter) notes.push(`period: ${fields.period} (from the title)`);
      }
      break;
    }
    case 'year': {
      let planId = options.plan;
      if (planId) given.push(['--plan', planId]);
      else if (partnership && title) {
        const containing = partnership.plans.filter((p) => yearInPeriod(title, p.entry.data.period));
        if (containing.length === 1) planId = containing[0].id;
        else if (partnership.plans.length === 1) planId = partnership.plans[0].id;
        else planId = await need('--plan ID', 'the plan whose period it lies in', planChoices(partnership), 'Which plan is it a year of?');
      }
      fields.plan = planId;
      break;
    }
    case 'group': {
      fields.kind = options.kind ?? (title ? guessGroupKind(title) : undefined);
      if (options.kind) given.push(['--kind', options.kind]);
      else if (fields.kind) notes.push(`kind: ${fields.kind} (from the name; change it with --kind)`);
      else
        fields.kind = await need(
          '--kind KIND',
          'what sort of group it is',
          groupKindValues.map((k) => ({ id: k })),
          'What sort of group is it?',
        );
      if (fields.kind && !(groupKindValues as readonly string[]).includes(fields.kind)) {
        const suggestion = didYouMean(fields.kind, groupKindValues);
        return refuse(
          [
            `error: --kind: unknown kind "${fields.kind}"${suggestion ? `; ${suggestion}` : ''}`,
            `    the kinds are: ${groupKindValues.join(', ')}`,
          ],
          2,
        );
      }
      fields.parent = options.parent;
      if (options.parent) given.push(['--parent', options.parent]);
      if (fields.order === undefined && partnership?.groups.some((g) => g.entry.data.order !== undefined))
        fields.order = nextOrder(partnership.groups);
      break;
    }
    case 'priority': {
      fields.plan = await choosePlan('the plan it belongs to');
      plan = partnership?.plans.find((p) => p.id === fields.plan);
      fields.part = options.part;
      if (options.part) given.push(['--part', options.part]);
      else if (plan && plan.parts.length > 0) {
        fields.part = await need(
          '--part ID',
          `the part of ${plan.id} it sits in`,
          plan.parts.map((p) => ({ id: p.id, label: p.part.title })),
          'Which part of the plan is it in?',
        );
      }
      const part = plan?.parts.find((p) => p.id === fields.part);
      fields.order ??= nextOrder(part ? part.priorities : (plan?.priorities ?? []));
      await chooseGroupsAndYears();
      break;
    }
    case 'objective': {
      fields.priority = options.priority;
      if (options.priority) given.push(['--priority', options.priority]);
      else if (partnership) {
        fields.priority = await need(
          '--priority ID',
          'the priority it serves',
          priorityChoices(partnership.priorities),
          'Which priority does it serve?',
        );
      }
      const priority = partnership?.priorities.find((p) => p.id === fields.priority);
      plan = priority?.plan;
      fields.order ??= nextOrder(priority?.objectives ?? []);
      await chooseGroupsAndYears();
      break;
    }
    case 'action': {
      fields.objective = options.objective;
      fields.priority = options.priority;
      if (options.objective) given.push(['--objective', options.objective]);
      if (options.priority) given.push(['--priority', options.priority]);
      if (!fields.objective && !fields.priority && partnership) {
        if (prompter) {
          fields.priority = await prompter.choose('Which priority does it deliver?', priorityChoices(partnership.priorities));
          const priority = partnership.priorities.find((p) => p.id === fields.priority);
          if (priority && priority.objectives.length > 0) {
            fields.objective = await prompter.choose(
              'Which objective of that priority? (Enter to place it directly under the priority)',
              priority.objectives.map((o) => ({ id: o.id, label: o.entry.data.title })),
              { optional: true },
            );
            if (fields.objective) fields.priority = undefined;
          }
        } else {
          const withObjectives = partnership.objectives.length > 0;
          missing.push(
            withObjectives
              ? {
                  option: '--objective ID',
                  describe: 'the objective it delivers (or, for an action directly under a priority, --priority ID)',
                  choices: partnership.objectives.map((o) => ({ id: o.id, label: o.entry.data.title })),
                }
              : {
                  option: '--priority ID',
                  describe: 'the priority it delivers (or --objective ID)',
                  choices: priorityChoices(partnership.priorities),
                },
          );
        }
      }
      const objective = partnership?.objectives.find((o) => o.id === fields.objective);
      const priority = objective?.priority ?? partnership?.priorities.find((p) => p.id === fields.priority);
      plan = priority?.plan;
      fields.order ??= nextOrder(objective ? objective.actions : (priority?.directActions ?? []));
      await chooseGroupsAndYears();
      break;
    }
    case 'measure':
      fields.plan = await choosePlan('the plan whose outcomes it evidences');
      break;
  }
  prompter?.close();

  if (missing.length > 0 || !title || !id || !partnershipId || !absolutePath) {
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
    const example = ['npm run new --', type, quoteArg(title ?? exampleTitles[type])];
    if (type !== 'partnership' && partnershipId) example.push('--partnership', partnershipId);
    for (const [option, value] of given.filter(([o]) => o !== '--partnership')) example.push(option, quoteArg(value));
    for (const m of missing) {
      if (m.option.startsWith('"')) continue;
      const [option, placeholder] = m.option.split(' ');
      example.push(option, quoteArg(m.choices[0]?.id ?? placeholder));
    }
    lines.push('For example:', `  ${example.join(' ')}`, 'Or run it in a terminal to be asked for each one.');
    return { status: 'missing', exitCode: 2, missing, report: lines.join('\n') };
  }

  const text = templateFor(type, fields);
  const file = displayPath(absolutePath);

  // The validator's own stages, with this file added: every reference goes through the resolver.
  const problems = checkCandidate(contentDir, { type, partnership: partnershipId, id, absolutePath, text });
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

  // The real check over the real folder: the new file must have no problem at all.
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
  for (const note of notes) report.push(`  ${note}`);
  const warnings = contentWarnings(after.index).filter((w) => w.file === file);
  for (const warning of warnings) report.push(`  note: ${warning.message}`);
  report.push(...nextSteps(type, { id, partnership: partnershipId, file, plan: fields.plan }));
  return { status: 'written', exitCode: 0, file, absolutePath, id, text, report: report.join('\n') };
}

/** A problem with the new file, said in terms of the option that caused it. */
function describeProblem(problem: Problem): string {
  const field = problem.field?.replace(/\[\d+\]$/, '').split(/[.[]/)[0];
  const option = field ? optionOfField[field] : undefined;
  const hint = problem.hint ? `\n    hint: ${problem.hint}` : '';
  return `error: ${option ? `${option}: ` : ''}${problem.message}${hint}`;
}

function nextSteps(type: ContentType, item: { id: string; partnership: string; file: string; plan?: string }): string[] {
  const steps: Record<ContentType, string[]> = {
    partnership: [
      `Next: open ${item.file} to add its partners and introduction, then add its plan:`,
      `  npm run new -- plan "Business Plan 2023-26" --partnership ${item.id}`,
    ],
    plan: [
      `Next: open ${item.file} to write its introduction, then add its reporting years, like:`,
      `  npm run new -- year 2023-24 --partnership ${item.partnership} --plan ${item.id}`,
    ],
    year: [],
    group: [`Next: open ${item.file} to describe the group. Name it in a plan item's groups: list as "${item.id}".`],
    priority: [
      `Next: open ${item.file} to write it up, then add its actions:`,
      `  npm run new -- action "<title>" --partnership ${item.partnership} --priority ${item.id}`,
    ],
    objective: [
      `Next: open ${item.file} to write it up, then add its actions:`,
      `  npm run new -- action "<title>" --partnership ${item.partnership} --objective ${item.id}`,
    ],
    action: [`Next: open ${item.file} to describe the action. Preview the site with \`npm run dev\`.`],
    page: [`Next: open ${item.file} to write the page. It is linked from the footer of every page of the site.`],
    measure: [
      `Next: open ${item.file} to say what it counts, its source, baseline, targets and values.`,
      `Then cite it from the items it evidences, under measures: as "- measure: ${item.id}".`,
    ],
  };
  return steps[type];
}
