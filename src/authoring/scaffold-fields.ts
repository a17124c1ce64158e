/**
 * What each type of file `npm run new` writes needs besides its title (src/authoring/scaffold.ts):
 * the plan, part, priority or objective it sits under, its groups and years, a group's kind, a
 * plan's period, a partnership's short name and area. Each is taken from an option, worked out
 * where there is one answer (the only plan, the next number), asked for in a terminal, or
 * recorded as missing so the command can say what to give.
 */
import { bodyKindValues, groupKindValues, period as periodSchema, type ContentType } from '../../schemas/index.ts';
import type { ItemNode, PartnershipNode, PlanIndex, PlanNode, PriorityNode } from '../model/graph/nodes.ts';
import { yearRangeText } from '../../schemas/values/ranges.ts';
import { didYouMean } from '../model/suggest.ts';
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
  /** For a plan, `none`: it names no accountable groups on purpose. */
  groups?: string[];
  /** For a plan, `none`: it has no reporting years on purpose. */
  years?: string[];
  /** priority, objective, action: ids of the partnership's cross-cutting strands */
  strands?: string[];
  /** objective, action: the outcomes above it that it serves, by number or id */
  serves?: string[];
  /** group: what sort of group; partnership: what sort of body */
  kind?: string;
  parent?: string;
  /** plan */
  period?: string;
  /** plan: the other partnerships that own it */
  owners?: string[];
  /** plan: `none` when it reports outcomes and measures, not statuses */
  statuses?: string;
  /** measure: where its figures come from */
  source?: string;
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

/** The groups accountable for an item and the years it belongs to: given, or chosen in a terminal (never for a plan that has none). */
async function chooseGroupsAndYears(s: Scaffolding): Promise<void> {
  const { partnership, options, prompter, fields } = s;
  if (!partnership) return;
  const plan = s.plan?.entry.data;
  if (options.groups === undefined && prompter && partnership.groups.length > 0 && plan?.groups !== 'none') {
    fields.groups = await prompter.chooseMany(
      'Which groups are accountable for it?',
      partnership.groups.map((g) => ({ id: g.id, label: g.entry.data.name })),
    );
  }
  const years = s.plan ? s.plan.years : partnership.years;
  if (options.years === undefined && prompter && years.length > 0 && plan?.years !== 'none') {
    fields.years = await prompter.chooseMany(
      'Which reporting years does it belong to?',
      years.map((y) => ({ id: y.id })),
    );
  }
  for (const group of fields.groups) s.given.push(['--group', group]);
  for (const year of fields.years) s.given.push(['--year', year]);
}

/** The strands it is tagged with: given, or chosen in a terminal from those the partnership (or the plan's owner) declares. */
async function chooseStrands(s: Scaffolding): Promise<void> {
  const { options, prompter, fields } = s;
  if (options.strands !== undefined) {
    fields.strands = options.strands;
    for (const strand of options.strands) s.given.push(['--strand', strand]);
    return;
  }
  const declared = [...new Set([s.partnership, s.plan?.partnership])].flatMap((p) => p?.entry.data.strands ?? []);
  const unique = declared.filter((strand, i) => declared.findIndex((other) => other.id === strand.id) === i);
  if (prompter && unique.length > 0) {
    fields.strands = await prompter.chooseMany(
      'Which strands does it belong to?',
      unique.map((strand) => ({ id: strand.id, label: strand.name })),
    );
  }
}

/** "3" -> 3, "fewer-repeat-missing" stays: how an outcome is cited, by number or by id. */
const outcomeCitation = (ref: string): number | string => (/^[1-9]\d*$/.test(ref) ? Number(ref) : ref);

/** The outcomes an objective or action serves, of the nearest item above it that states some: given, or chosen in a terminal. */
async function chooseServes(s: Scaffolding, above: Array<ItemNode | undefined>): Promise<void> {
  const { options, prompter, fields } = s;
  if (options.serves !== undefined) {
    fields.serves = options.serves.map(outcomeCitation);
    s.given.push(['--serves', options.serves.join(',')]);
    return;
  }
  const owner = above.find((item) => (item?.entry.data.outcomes.length ?? 0) > 0);
  if (!prompter || !owner) return;
  const chosen = await prompter.chooseMany(
    `Which outcomes of ${owner.id} does it serve?`,
    owner.entry.data.outcomes.map((outcome, i) => ({
      id: String(i + 1),
      label: typeof outcome === 'string' ? outcome : outcome.text,
    })),
  );
  fields.serves = chosen.map(outcomeCitation);
}

/** The kind of body a new partnership folder is, given or the default; a refusal for an unknown one. */
function bodyKindOf(s: Scaffolding): string | Refusal {
  const kind = s.options.kind ?? 'safeguarding-children-partnership';
  if ((bodyKindValues as readonly string[]).includes(kind)) {
    if (s.options.kind) s.given.push(['--kind', kind]);
    return kind;
  }
  const suggestion = didYouMean(kind, bodyKindValues);
  return {
    lines: [
      `error: --kind: unknown kind of body "${kind}"${suggestion ? `; ${suggestion}` : ''}`,
      `    the kinds are: ${bodyKindValues.join(', ')}`,
    ],
    exitCode: 2,
  };
}

/**
 * A partnership's kind, short name and area. The area is guessed only from a name that ends in
 * its kind's own words ("... Safeguarding Adults Board"); otherwise it is asked for, since a
 * joint arrangement's or a board's name rarely says which area it covers.
 */
async function partnershipFields(s: Scaffolding): Promise<Refusal | undefined> {
  const { title, options, fields } = s;
  const kind = bodyKindOf(s);
  if (typeof kind === 'object') return kind;
  if (kind !== 'safeguarding-children-partnership') fields.bodyKind = kind;
  if (!title) return undefined;
  const guessedArea = areaFromName(title, kind) || (kind === 'safeguarding-children-partnership' ? title : '');
  fields.area = options.area ?? (guessedArea || undefined);
  fields.shortName = options.shortName ?? shortNameFromName(title);
  if (options.area) s.given.push(['--area', options.area]);
  else if (fields.area) s.notes.push(`area: "${fields.area}" (from the name; change it in the file)`);
  else
    fields.area = await need(s, '--area AREA', 'the area it covers, like "Northvale"', [], 'Which area does it cover (like "Northvale")');
  if (!options.shortName) s.notes.push(`shortName: "${fields.shortName}" (from the name; change it in the file)`);
  return undefined;
}

/** A year's check: four digits, within the years a plan can have. */
const startYearComplaint = (answer: string) =>
  /^\d{4}$/.test(answer) && periodSchema.safeParse(`${answer}-onwards`).success
    ? undefined
    : `Write a year in full, ${yearRangeText}, like 2024.`;

/** The period, asked in a terminal: when it starts, and whether (and when) it ends; or recorded as missing. */
async function askPeriod(s: Scaffolding): Promise<string | undefined> {
  if (!s.prompter) {
    s.missing.push({
      option: '--period 2024-2027',
      describe: 'the years the plan covers, like 2024-2027, or 2024-onwards for a plan with no end date',
      choices: [],
    });
    return undefined;
  }
  const from = await s.prompter.text('Which year does the plan start (like 2024)', { check: startYearComplaint });
  const ends = await s.prompter.choose('Does it have an end date?', [
    { id: 'yes', label: 'it ends in a year you give next' },
    { id: 'no', label: 'it runs from its first year onwards, with no end date' },
  ]);
  if (ends !== 'yes') return `${from}-onwards`;
  const to = await s.prompter.text('Which year does it end (like 2027: its last reporting year ends in March of that year)', {
    check: (answer) =>
      /^\d{4}$/.test(answer) && periodSchema.safeParse(`${from}-${answer}`).success
        ? undefined
        : `Write a year in full after ${from}, ${yearRangeText}, like ${Number(from) + 3}.`,
  });
  return `${from}-${to}`;
}

/** The period: given (like 2024-2027, 2024-27, 2024- or 2024-onwards), read from the title, or asked for. */
async function planPeriod(s: Scaffolding): Promise<string | undefined | Refusal> {
  const { title, options } = s;
  const wrong = (given: string): Refusal => ({
    lines: [
      `error: --period "${given}" is not a period: write it like 2024-2027 (whole years, the end after the start), or 2024-onwards for a plan with no end date`,
    ],
    exitCode: 2,
  });
  if (options.period !== undefined) {
    const period = periodFromTitle(options.period);
    if (!period || !periodSchema.safeParse(period).success || !/^\s*\d{4}\b/.test(options.period)) return wrong(options.period);
    s.given.push(['--period', period]);
    return period;
  }
  const fromTitle = title ? periodFromTitle(title) : undefined;
  if (fromTitle && periodSchema.safeParse(fromTitle).success) {
    s.notes.push(`period: ${fromTitle} (from the title)`);
    return fromTitle;
  }
  return askPeriod(s);
}

/** What a plan says it does not have (`--group none`, `--year none`, `--statuses none`); a refusal for anything else. */
function planDeclarations(s: Scaffolding): Refusal | undefined {
  const { options, fields } = s;
  const declared: Array<[string, string[] | string | undefined, 'groups' | 'years' | 'statuses', string]> = [
    ['--group', options.groups, 'groups', 'it names no accountable groups'],
    ['--year', options.years, 'years', 'it has no reporting years'],
    ['--statuses', options.statuses, 'statuses', 'it reports outcomes and measures, not a status for each piece of work'],
  ];
  fields.groups = [];
  fields.years = [];
  fields.none = [];
  for (const [option, value, key, meaning] of declared) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    if (values.length !== 1 || values[0] !== 'none') {
      return {
        lines: [`error: ${option} "${values.join(',')}": for a plan, write ${option} none, to say ${meaning}`],
        exitCode: 2,
      };
    }
    fields.none.push(key);
    s.given.push([option, 'none']);
  }
  return undefined;
}

/** The other owners of a plan (`--owner`); in a terminal, asked for a joint arrangement's plan, which needs at least two. */
async function planOwners(s: Scaffolding): Promise<void> {
  const { options, prompter, partnership, index, fields } = s;
  if (options.owners !== undefined) {
    fields.owners = options.owners;
    for (const owner of options.owners) s.given.push(['--owner', owner]);
    return;
  }
  if (partnership?.entry.data.kind !== 'joint-arrangement') return;
  const others = index.partnerships.filter((p) => p !== partnership).map((p) => ({ id: p.id, label: p.entry.data.name }));
  if (prompter) fields.owners = await prompter.chooseMany('Which partnerships share it (its owners)?', others);
  else s.missing.push({ option: '--owner ID', describe: 'a partnership that shares it (repeat for each; at least two)', choices: others });
}

async function planFields(s: Scaffolding): Promise<Refusal | undefined> {
  const wrong = planDeclarations(s);
  if (wrong) return wrong;
  const period = await planPeriod(s);
  if (typeof period === 'object') return period;
  s.fields.period = period;
  await planOwners(s);
  return undefined;
}

/** A year is a period shared by every plan: its file names no plan (one given is only noted, as content for older versions had it). */
function yearFields(s: Scaffolding): undefined {
  if (s.options.plan)
    s.notes.push(`--plan ${s.options.plan} is not needed: a year reports on every plan of the partnership that runs in it`);
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
  await chooseStrands(s);
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
  await chooseStrands(s);
  await chooseServes(s, [priority]);
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
  await chooseStrands(s);
  await chooseServes(s, [objective, priority]);
  return undefined;
}

/** A measure's plan and the source of its figures: never a stand-in like "To be confirmed", which the site would publish. */
async function measureFields(s: Scaffolding): Promise<Refusal | undefined> {
  s.fields.plan = await choosePlan(s, 'the plan whose outcomes it evidences');
  s.fields.source = s.options.source?.trim() || undefined;
  if (s.fields.source) s.given.push(['--source', s.fields.source]);
  else
    s.fields.source = await need(
      s,
      '--source TEXT',
      'where the figures come from, like "Children in need census (DfE)"',
      [],
      'Where do the figures come from (like "Children in need census (DfE)")',
    );
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
  review: () => undefined,
};
