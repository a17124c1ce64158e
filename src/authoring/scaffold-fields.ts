/**
 * What each type of file `npm run new` writes needs besides its title (src/authoring/scaffold.ts):
 * the plan, part, priority or objective it sits under, its groups and years, a group's kind, a
 * plan's period, a partnership's short name and area. Each is taken from an option, worked out
 * where there is one answer (the only plan, the next number), asked for in a terminal, or
 * recorded as missing so the command can say what to give.
 */
import { groupKindValues, period as periodSchema, type ContentType } from '../../schemas/index.ts';
import type { PartnershipNode, PlanIndex, PlanNode, PriorityNode } from '../model/graph/nodes.ts';
import { didYouMean } from '../model/suggest.ts';
import { yearInPeriod } from '../model/years.ts';
import type { Choice, Prompter } from './prompter.ts';
import { areaFromName, periodFromTitle, shortNameFromName } from './ids.ts';
import type { TemplateFields } from './templates.ts';

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

/** A new file being worked out: what is known of it so far, and what was given, guessed and missing. */
export interface Scaffolding {
  options: ScaffoldOptions;
  prompter?: Prompter;
  index: PlanIndex;
  title?: string;
  /** The partnership it belongs to, once known (none for a new partnership). */
  partnership?: PartnershipNode;
  fields: TemplateFields;
  /** The plan it sits in, once known: its years are the ones offered. */
  plan?: PlanNode;
  missing: MissingOption[];
  /** The options given, to repeat in an example command. */
  given: Array<[string, string]>;
  /** What was worked out rather than given, to tell the author. */
  notes: string[];
}

/** Why the command stops, and its exit code (2: a mistake in the options). */
export interface Refusal {
  lines: string[];
  exitCode: 1 | 2;
}

/** A value the file needs: given, asked for in a terminal, or recorded as missing. */
export async function need(
  s: Scaffolding,
  option: string,
  describe: string,
  choices: Choice[],
  question: string,
  check?: (answer: string) => string | undefined,
): Promise<string | undefined> {
  if (!s.prompter) {
    s.missing.push({ option, describe, choices });
    return undefined;
  }
  if (choices.length > 0) return s.prompter.choose(question, choices);
  return s.prompter.text(question, { check });
}

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

const nextOrder = (siblings: Array<{ entry: { data: { order?: number } } }>) =>
  siblings.reduce((max, sibling) => Math.max(max, sibling.entry.data.order ?? 0), 0) + 1;

const planChoices = (p: PartnershipNode) =>
  p.plans.map((plan) => ({ id: plan.id, label: `${plan.entry.data.title} (${plan.entry.data.period})` }));
const priorityChoices = (priorities: PriorityNode[]) => priorities.map((p) => ({ id: p.id, label: p.entry.data.title }));

/** The plan an item goes in: given, the only one, or asked for. */
async function choosePlan(s: Scaffolding, describe: string): Promise<string | undefined> {
  if (s.options.plan) {
    s.given.push(['--plan', s.options.plan]);
    return s.options.plan;
  }
  if (!s.partnership) return undefined;
  if (s.partnership.plans.length === 1) return s.partnership.plans[0].id;
  return need(s, '--plan ID', describe, planChoices(s.partnership), 'Which plan is it part of?');
}

/** The groups accountable for an item and the years it belongs to: given, or chosen in a terminal. */
async function chooseGroupsAndYears(s: Scaffolding): Promise<void> {
  const { partnership, options, prompter, fields } = s;
  if (!partnership) return;
  if (options.groups === undefined && prompter && partnership.groups.length > 0) {
    fields.groups = await prompter.chooseMany(
      'Which groups are accountable for it?',
      partnership.groups.map((g) => ({ id: g.id, label: g.entry.data.name })),
    );
  }
  const years = s.plan ? s.plan.years : partnership.years;
  if (options.years === undefined && prompter && years.length > 0) {
    fields.years = await prompter.chooseMany(
      'Which reporting years does it belong to?',
      years.map((y) => ({ id: y.id })),
    );
  }
  for (const group of fields.groups) s.given.push(['--group', group]);
  for (const year of fields.years) s.given.push(['--year', year]);
}

function partnershipFields(s: Scaffolding): undefined {
  const { title, options, fields } = s;
  if (!title) return undefined;
  fields.area = options.area ?? (areaFromName(title) || title);
  fields.shortName = options.shortName ?? shortNameFromName(title);
  if (!options.area) s.notes.push(`area: "${fields.area}" (from the name; change it in the file)`);
  if (!options.shortName) s.notes.push(`shortName: "${fields.shortName}" (from the name; change it in the file)`);
  return undefined;
}

async function planFields(s: Scaffolding): Promise<Refusal | undefined> {
  const { title, options, fields } = s;
  fields.period = options.period ?? (title ? periodFromTitle(title) : undefined);
  if (!fields.period) {
    fields.period = await need(
      s,
      '--period YYYY-YYYY',
      'the years the plan covers, like 2023-2026',
      [],
      'Which years does it cover (like 2023-2026)',
      (answer) => (periodSchema.safeParse(answer).success ? undefined : 'Write the first and last years in full, like 2023-2026.'),
    );
  }
  if (!fields.period) return undefined;
  if (!periodSchema.safeParse(fields.period).success) {
    return {
      lines: [`error: --period "${fields.period}" is not a period: write it like 2023-2026 (whole years, the end after the start)`],
      exitCode: 2,
    };
  }
  if (options.period) s.given.push(['--period', fields.period]);
  else if (title && !s.prompter) s.notes.push(`period: ${fields.period} (from the title)`);
  return undefined;
}

async function yearFields(s: Scaffolding): Promise<Refusal | undefined> {
  const { partnership, title } = s;
  let planId = s.options.plan;
  if (planId) s.given.push(['--plan', planId]);
  else if (partnership && title) {
    const containing = partnership.plans.filter((p) => yearInPeriod(title, p.entry.data.period));
    if (containing.length === 1) planId = containing[0].id;
    else if (partnership.plans.length === 1) planId = partnership.plans[0].id;
    else planId = await need(s, '--plan ID', 'the plan whose period it lies in', planChoices(partnership), 'Which plan is it a year of?');
  }
  s.fields.plan = planId;
  return undefined;
}

async function groupFields(s: Scaffolding): Promise<Refusal | undefined> {
  const { options, fields, title, partnership } = s;
  fields.kind = options.kind ?? (title ? guessGroupKind(title) : undefined);
  if (options.kind) s.given.push(['--kind', options.kind]);
  else if (fields.kind) s.notes.push(`kind: ${fields.kind} (from the name; change it with --kind)`);
  else
    fields.kind = await need(
      s,
      '--kind KIND',
      'what sort of group it is',
      groupKindValues.map((k) => ({ id: k })),
      'What sort of group is it?',
    );
  if (fields.kind && !(groupKindValues as readonly string[]).includes(fields.kind)) {
    const suggestion = didYouMean(fields.kind, groupKindValues);
    return {
      lines: [
        `error: --kind: unknown kind "${fields.kind}"${suggestion ? `; ${suggestion}` : ''}`,
        `    the kinds are: ${groupKindValues.join(', ')}`,
      ],
      exitCode: 2,
    };
  }
  fields.parent = options.parent;
  if (options.parent) s.given.push(['--parent', options.parent]);
  if (fields.order === undefined && partnership?.groups.some((g) => g.entry.data.order !== undefined))
    fields.order = nextOrder(partnership.groups);
  return undefined;
}

async function priorityFields(s: Scaffolding): Promise<Refusal | undefined> {
  const { options, fields } = s;
  fields.plan = await choosePlan(s, 'the plan it belongs to');
  const plan = s.partnership?.plans.find((p) => p.id === fields.plan);
  s.plan = plan;
  fields.part = options.part;
  if (options.part) s.given.push(['--part', options.part]);
  else if (plan && plan.parts.length > 0) {
    fields.part = await need(
      s,
      '--part ID',
      `the part of ${plan.id} it sits in`,
      plan.parts.map((p) => ({ id: p.id, label: p.part.title })),
      'Which part of the plan is it in?',
    );
  }
  const part = plan?.parts.find((p) => p.id === fields.part);
  fields.order ??= nextOrder(part ? part.priorities : (plan?.priorities ?? []));
  await chooseGroupsAndYears(s);
  return undefined;
}

async function objectiveFields(s: Scaffolding): Promise<Refusal | undefined> {
  const { options, fields, partnership } = s;
  fields.priority = options.priority;
  if (options.priority) s.given.push(['--priority', options.priority]);
  else if (partnership) {
    fields.priority = await need(
      s,
      '--priority ID',
      'the priority it serves',
      priorityChoices(partnership.priorities),
      'Which priority does it serve?',
    );
  }
  const priority = partnership?.priorities.find((p) => p.id === fields.priority);
  s.plan = priority?.plan;
  fields.order ??= nextOrder(priority?.objectives ?? []);
  await chooseGroupsAndYears(s);
  return undefined;
}

/** Where an action given neither --objective nor --priority goes: asked for in a terminal, or what is missing. */
async function actionParent(s: Scaffolding, partnership: PartnershipNode): Promise<void> {
  const { prompter, fields } = s;
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
    return;
  }
  s.missing.push(
    partnership.objectives.length > 0
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

async function actionFields(s: Scaffolding): Promise<Refusal | undefined> {
  const { options, fields, partnership } = s;
  fields.objective = options.objective;
  fields.priority = options.priority;
  if (options.objective) s.given.push(['--objective', options.objective]);
  if (options.priority) s.given.push(['--priority', options.priority]);
  if (!fields.objective && !fields.priority && partnership) await actionParent(s, partnership);
  const objective = partnership?.objectives.find((o) => o.id === fields.objective);
  const priority = objective?.priority ?? partnership?.priorities.find((p) => p.id === fields.priority);
  s.plan = priority?.plan;
  fields.order ??= nextOrder(objective ? objective.actions : (priority?.directActions ?? []));
  await chooseGroupsAndYears(s);
  return undefined;
}

async function measureFields(s: Scaffolding): Promise<Refusal | undefined> {
  s.fields.plan = await choosePlan(s, 'the plan whose outcomes it evidences');
  return undefined;
}

/** For each type, how the fields beyond its title are worked out; a refusal when an option is wrong. */
export const chooseFields: Record<ContentType, (s: Scaffolding) => Promise<Refusal | undefined> | undefined> = {
  partnership: partnershipFields,
  plan: planFields,
  year: yearFields,
  group: groupFields,
  priority: priorityFields,
  objective: objectiveFields,
  action: actionFields,
  page: () => undefined,
  measure: measureFields,
};
