/**
 * plan.json: the whole plan of one partnership as open data. The zod schema below is its
 * documentation: it is published as JSON Schema beside the file (plan.schema.json), and the
 * tests validate every published plan.json against it. Bump `version` on any breaking change.
 */
import { z } from 'astro/zod';
import {
  betterValues,
  bodyKindValues,
  frequencyValues,
  groupKindValues,
  isTextMeasure,
  measureUnitValues,
  partnerKindValues,
  reviewKindValues,
  statusValues,
} from '../../schemas/index.ts';
import { measureStatusKinds, measureStatusRule } from '../model/resolve/measure-status.ts';
import type {
  ActionNode,
  AnyNode,
  ItemNode,
  MeasureNode,
  ObjectiveNode,
  PartnershipNode,
  PriorityNode,
  ReviewNode,
} from '../model/graph/nodes.ts';

/**
 * 2: statuses are only what the content reports; ratings follow the partnership's scale; leads, due
 * dates, measures and strands. Measure files with their figures were added within 2, as new fields
 * (`measures`, `measureStatusRule`, each item's `evidencedBy`) that no reader of 2 depended on.
 * 3: `groups` and `lead` are the ones that answer for the item, its own or inherited from the item
 * above (`groupsFrom`, `leadFrom` say which); `statusSource` says where a status comes from, and an
 * action's status may come from its latest dated update; a measure may be "none-in-year".
 * Reviews and their recommendations were added within 3, as a new field (`reviews`, only when
 * the partnership has some) that no reader of 3 depended on.
 */
export const planJsonVersion = 3;

const inherited = z
  .object({
    source: z
      .enum(['own', 'inherited', 'beneath', 'none'])
      .describe("'own': its file names them; 'inherited': from the item above (see item); 'beneath': named by the items under it; 'none'."),
    item: z.string().optional().describe('The id of the item it inherits from, for "inherited".'),
  })
  .describe('Where the value comes from.');

const url = z.string().describe('The page for this on the site: absolute when the site has a URL, else a path from the site root.');
const markdown = z.string().describe('Text in Markdown, as the partnership wrote it.');

const progressUpdate = z.object({
  date: z.string().describe('YYYY-MM-DD'),
  by: z.string().optional().describe('Who reported it.'),
  status: z.enum(statusValues).optional(),
  rag: z.string().optional().describe("A level of the partnership's rating scale (see ratingScale)."),
  text: markdown,
});

const itemFields = {
  id: z.string().describe('Stable id, unique within its level and partnership.'),
  code: z.string().optional().describe('The plan\'s short reference, like "P1".'),
  order: z.number().int(),
  title: z.string(),
  level: z.string().describe('The name the partnership gives this level, like "Strategic Objective".'),
  status: z
    .enum(statusValues)
    .optional()
    .describe('Its own status, or the one rolled up from its actions (see statusRule); absent when none is reported.'),
  statusRolledUp: z.boolean().describe('True when the status was worked out from its actions.'),
  statusSource: z
    .enum(['own', 'update', 'actions'])
    .optional()
    .describe('Where the status comes from: its own status, its latest dated update that gives one, or its actions (see statusRule).'),
  rag: z.string().optional().describe("A level of the partnership's rating scale (see ratingScale)."),
  lead: z.array(z.string()).describe("The people or roles who lead it, apart from the accountable groups: its own, or the item above's."),
  leadFrom: inherited,
  due: z
    .object({
      written: z.string().describe('As the plan writes it: "2022-03-31", "March 2022", "Q3 2021-22", "2021-22" or "ongoing".'),
      by: z.string().optional().describe('The last day it is due by, YYYY-MM-DD; absent for ongoing work.'),
    })
    .optional(),
  overdue: z.boolean().describe('True when its reported status is open (not started, in progress or delayed) and its due date has passed.'),
  measures: z
    .array(z.object({ text: z.string(), target: z.string().optional() }))
    .describe('How the work is judged, as the plan words it.'),
  evidencedBy: z
    .array(
      z.object({
        measure: z.string().describe('The id of a measure (see measures).'),
        outcome: z.number().int().optional().describe('The number of the outcome it evidences, counting from 1.'),
      }),
    )
    .describe('The measures with figures that evidence it.'),
  strands: z.array(z.string()).describe('Ids of the cross-cutting strands it belongs to (see strands).'),
  aim: markdown.optional().describe('What a priority or objective is for.'),
  outcomes: z
    .array(
      z.object({
        number: z.number().int().describe('Its place in the list, from 1.'),
        label: z.string().describe('What the plan numbers it: its own code, like "1.1", or its number.'),
        id: z.string().optional().describe('The id files cite it by.'),
        text: markdown,
      }),
    )
    .describe('What success looks like, numbered.'),
  serves: z
    .array(z.object({ item: z.string().describe('The id of the priority or objective whose outcome it is.'), outcome: z.number().int() }))
    .describe('The outcomes of the items above it that it serves.'),
  description: markdown.describe("The item's body, in Markdown; empty when there is none."),
  groups: z.array(z.string()).describe('Ids of the groups that answer for it (see groups): named by it, or inherited.'),
  groupsFrom: inherited,
  reportingYears: z.array(z.string()).describe('Like "2020-21".'),
  joint: z.array(z.string()).describe('Ids of the partnerships it is done jointly with (see partnership.jointWith).'),
  progress: z.array(progressUpdate).describe('Dated progress updates, oldest first.'),
  url,
};

const action = z.object(itemFields);

const datedFigure = z.object({ date: z.string().describe('YYYY-MM-DD'), value: z.number(), note: z.string().optional() });

const measure = z.object({
  id: z.string(),
  title: z.string(),
  counts: z.string().describe('What it counts.'),
  unit: z.enum(measureUnitValues).describe('number, percentage, rate-per-10000 (per 10,000 children) or days.'),
  better: z.enum(betterValues).optional().describe('Which direction is better; absent when the plan does not say.'),
  frequency: z.enum(frequencyValues),
  plan: z.string().optional().describe('The id of the plan whose outcomes it evidences.'),
  source: z.string(),
  definition: markdown.describe('Its full definition, in Markdown; empty when there is none.'),
  baseline: datedFigure.optional(),
  targets: z.array(datedFigure),
  values: z.array(datedFigure).describe('Every value, oldest first (also in measures.csv).'),
  status: z
    .object({ kind: z.enum(measureStatusKinds), label: z.string(), reason: z.string() })
    .describe('Its status on the day the site was built (see measureStatusRule).'),
  evidences: z
    .array(z.object({ level: z.string(), id: z.string(), outcome: z.number().int().optional(), url }))
    .describe('The priorities, objectives and actions it evidences.'),
  url,
});
const objective = z.object({ ...itemFields, actions: z.array(action) });
const priority = z.object({
  ...itemFields,
  part: z.string().optional().describe('The id of the part of the plan it sits in.'),
  objectives: z.array(objective),
  actions: z.array(action).describe('Actions directly under the priority, in plans without objectives.'),
});

export const planJsonSchema = z.object({
  version: z.literal(planJsonVersion).describe('The format version of this file.'),
  generated: z.string().describe('The date the site was built, YYYY-MM-DD.'),
  licence: z.object({ name: z.string(), url: z.string() }),
  statusRule: z.string().describe('How priorities and objectives get a status from their actions.'),
  measureStatusRule: z.string().describe("How a measure's status is worked out from its figures."),
  partnership: z.object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    area: z.string(),
    kind: z.enum(bodyKindValues),
    vision: markdown.optional(),
    purpose: markdown.optional(),
    values: z.array(z.object({ name: z.string(), text: markdown })),
    principles: z.array(z.object({ name: z.string(), text: markdown })),
    partners: z.array(z.object({ name: z.string(), kind: z.enum(partnerKindValues), note: z.string().optional() })),
    relevantAgencies: z.array(z.string()),
    jointWith: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        shortName: z.string().optional(),
        kind: z.enum(bodyKindValues),
        url: z.string().optional(),
      }),
    ),
    url,
  }),
  ratingScale: z
    .object({
      name: z.string(),
      levels: z.array(z.object({ id: z.string(), label: z.string(), meaning: z.string().optional(), colour: z.string() })),
    })
    .describe('The scale the rag fields use.'),
  strands: z.array(z.object({ id: z.string(), name: z.string(), description: markdown.optional(), url })),
  plans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      period: z.string().describe('Like "2020-2023", or "2024-onwards".'),
      owners: z.array(z.string()).describe("Ids of the partnerships and bodies that own it; it is published on each one's site."),
      successor: z.string().optional().describe('The id of the plan that replaced it.'),
      reportingYears: z.array(z.string()),
      declares: z
        .object({ groups: z.literal('none').optional(), years: z.literal('none').optional(), statuses: z.literal('none').optional() })
        .describe('What the plan says it has none of, on purpose: no accountable groups, no reporting years, no statuses.'),
      agreedOn: z.string().optional(),
      agreedBy: z.string().optional(),
      introduction: markdown,
      parts: z.array(z.object({ id: z.string(), title: z.string(), summary: markdown.optional() })),
      priorities: z.array(priority),
      url,
    }),
  ),
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(groupKindValues),
      acronym: z.string().optional(),
      remit: z.string().optional(),
      parent: z.string().optional(),
      home: z.string().describe('The id of the partnership or body whose group it is.'),
      joint: z.array(z.string()).describe('Ids of the other partnerships and bodies it is shared with.'),
      url,
    }),
  ),
  reportingYears: z.array(z.object({ id: z.string(), plans: z.array(z.string()).describe('Ids of the plans that run in the year.'), url })),
  measures: z.array(measure).describe('Measures with figures: indicators of whether outcomes are being achieved.'),
  reviews: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(reviewKindValues),
        published: z.string().optional().describe('The day it was published, YYYY-MM-DD.'),
        link: z.string().optional().describe('Where to read the review itself.'),
        recommendations: z.array(
          z.object({
            number: z.string().describe('How the review numbers it, else its place in the list.'),
            text: markdown,
            status: z.enum(statusValues).optional().describe('Where the work on it stands, when the content says.'),
            updates: z
              .array(z.object({ date: z.string(), status: z.enum(statusValues).optional(), text: markdown }))
              .describe('Newest first.'),
            answeredBy: z.array(z.string()).describe('Ids of the actions that answer it.'),
          }),
        ),
        url,
      }),
    )
    .optional()
    .describe('Child safeguarding practice reviews and rapid reviews, with their recommendations; only when the partnership has some.'),
});
export type PlanJson = z.infer<typeof planJsonSchema>;

export function planJson(
  partnership: PartnershipNode,
  options: { urlOf: (node: AnyNode) => string; generated: string; statusRule: string },
): PlanJson {
  const { urlOf } = options;
  const item = (node: ItemNode) => itemJson(node, urlOf);
  const data = partnership.entry.data;
  return {
    version: planJsonVersion,
    generated: options.generated,
    licence: { name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
    statusRule: options.statusRule,
    measureStatusRule,
    partnership: {
      id: partnership.id,
      name: data.name,
      shortName: data.shortName,
      area: data.area,
      kind: data.kind,
      vision: data.vision,
      purpose: data.purpose,
      values: data.values,
      principles: data.principles,
      partners: data.partners,
      relevantAgencies: data.relevantAgencies,
      jointWith: partnership.jointWith.map(({ id, name, shortName, kind, url }) => ({ id, name, shortName, kind, url })),
      url: urlOf(partnership),
    },
    ratingScale: partnership.ratingScale,
    strands: partnership.strands.map((s) => ({ id: s.slug, name: s.name, description: s.description, url: urlOf(s) })),
    plans: partnership.plans.map((plan) => ({
      id: plan.slug,
      title: plan.entry.data.title,
      period: plan.entry.data.period,
      owners: plan.owners.map((o) => o.id),
      successor: plan.successor?.slug,
      reportingYears: plan.yearIds,
      declares: { groups: plan.entry.data.groups, years: plan.entry.data.years, statuses: plan.entry.data.statuses },
      agreedOn: plan.entry.data.agreedOn,
      agreedBy: plan.entry.data.agreedBy,
      introduction: plan.entry.body.trim(),
      parts: plan.parts.map((p) => ({ id: p.id, title: p.part.title, summary: p.part.summary })),
      priorities: plan.priorities.map((p: PriorityNode) => ({
        ...item(p),
        part: p.part?.id,
        objectives: p.objectives.map((o: ObjectiveNode) => ({ ...item(o), actions: o.actions.map((a: ActionNode) => item(a)) })),
        actions: p.directActions.map((a) => item(a)),
      })),
      url: urlOf(plan),
    })),
    groups: partnership.groups.map((g) => ({
      id: g.slug,
      name: g.entry.data.name,
      kind: g.entry.data.kind,
      acronym: g.entry.data.acronym,
      remit: g.entry.data.remit,
      parent: g.parent?.slug,
      home: g.entry.partnership,
      joint: g.joint.map((j) => j.id),
      url: urlOf(g),
    })),
    reportingYears: partnership.years.map((y) => ({ id: y.id, plans: y.plans.map((p) => p.slug), url: urlOf(y) })),
    measures: partnership.measures.map((m) => measureJson(m, urlOf)),
    ...(partnership.reviews.length > 0 ? { reviews: partnership.reviews.map((r) => reviewJson(r, urlOf)) } : {}),
  };
}

function reviewJson(node: ReviewNode, urlOf: (node: AnyNode) => string) {
  const data = node.entry.data;
  return {
    id: node.slug,
    title: data.title,
    kind: data.kind,
    published: data.published,
    link: data.url,
    recommendations: node.recommendations.map((r) => ({
      number: r.number,
      text: data.recommendations[r.index - 1].text,
      status: r.facts.status.status,
      updates: r.facts.updates.map((u) => ({ date: u.date, status: u.status, text: u.text })),
      answeredBy: r.answeredBy.map((a) => a.slug),
    })),
    url: urlOf(node),
  };
}

function measureJson(node: MeasureNode, urlOf: (node: AnyNode) => string) {
  const data = node.entry.data;
  const { kind, label, reason } = node.facts.status;
  return {
    id: node.slug,
    title: data.title,
    counts: data.counts,
    unit: data.unit,
    better: data.better,
    frequency: data.frequency,
    plan: node.plan?.slug,
    source: data.source,
    definition: node.entry.body.trim(),
    baseline: data.baseline,
    targets: [...data.targets].sort((a, b) => a.date.localeCompare(b.date)),
    values: [...data.values].sort((a, b) => a.date.localeCompare(b.date)),
    status: { kind, label, reason },
    evidences: node.evidences.map((e) => ({ level: e.item.label.singular, id: e.item.slug, outcome: e.outcome, url: urlOf(e.item) })),
    url: urlOf(node),
  };
}

function itemJson(node: ItemNode, urlOf: (node: ItemNode) => string) {
  const data = node.entry.data;
  const { status, lead, accountable, overdue } = node.facts;
  return {
    id: node.slug,
    code: data.code,
    order: data.order,
    title: data.title,
    level: node.label.singular,
    status: status.status,
    statusRolledUp: status.source === 'actions',
    statusSource: status.source,
    rag: data.rag,
    lead: lead.names,
    leadFrom: { source: lead.source, item: lead.from?.slug },
    due: data.due && { written: data.due.written, by: data.due.by },
    overdue,
    measures: data.measures.filter(isTextMeasure),
    evidencedBy: node.measureLinks.map((l) => ({ measure: l.measure.slug, outcome: l.outcome })),
    strands: node.strands.map((s) => s.slug),
    aim: 'aim' in data ? data.aim : undefined,
    outcomes: node.facts.outcomes.map(({ number, label, id, text }) => ({ number, label, id, text })),
    serves: node.serves.map((s) => ({ item: s.item.slug, outcome: s.number })),
    description: node.entry.body.trim(),
    groups: accountable.groups.map((g) => g.slug),
    groupsFrom: { source: accountable.source, item: accountable.from?.slug },
    reportingYears: node.years.map((y) => y.id),
    joint: node.joint.map((j) => j.id),
    progress: [...data.progress].sort((a, b) => a.date.localeCompare(b.date)),
    url: urlOf(node),
  };
}

/** The JSON Schema of plan.json, published beside it. */
export function planJsonSchemaDocument(): unknown {
  return {
    $id: 'plan.schema.json',
    title: 'Plan Publisher plan.json',
    ...z.toJSONSchema(planJsonSchema, { io: 'output', unrepresentable: 'any' }),
  };
}
