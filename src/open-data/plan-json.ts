/**
 * plan.json: the whole plan of one partnership as open data. The zod schema below is its
 * documentation: it is published as JSON Schema beside the file (plan.schema.json), and the
 * tests validate every published plan.json against it. Bump `version` on any breaking change.
 */
import { z } from 'astro/zod';
import { groupKindValues, partnerKindValues, ragValues, statusValues } from '../../schemas/index.ts';
import type { ActionNode, AnyNode, ItemNode, ObjectiveNode, PartnershipNode, PriorityNode } from '../model/plan-index.ts';
import { statusOf } from '../model/status.ts';

export const planJsonVersion = 1;

const url = z.string().describe('The page for this on the site: absolute when the site has a URL, else a path from the site root.');
const markdown = z.string().describe('Text in Markdown, as the partnership wrote it.');

const progressUpdate = z.object({
  date: z.string().describe('YYYY-MM-DD'),
  by: z.string().optional().describe('Who reported it.'),
  status: z.enum(statusValues).optional(),
  rag: z.enum(ragValues).optional(),
  text: markdown,
});

const itemFields = {
  id: z.string().describe('Stable id, unique within its level and partnership.'),
  code: z.string().optional().describe('The plan\'s short reference, like "P1".'),
  order: z.number().int(),
  title: z.string(),
  level: z.string().describe('The name the partnership gives this level, like "Strategic Objective".'),
  status: z.enum(statusValues).optional().describe('Its own status, or the one rolled up from its actions (see statusRule).'),
  statusRolledUp: z.boolean().describe('True when the status was worked out from its actions.'),
  rag: z.enum(ragValues).optional(),
  outcomes: z.array(markdown),
  description: markdown.describe("The item's body, in Markdown; empty when there is none."),
  groups: z.array(z.string()).describe('Ids of the accountable groups (see groups).'),
  reportingYears: z.array(z.string()).describe('Like "2020-21".'),
  joint: z.array(z.string()).describe('Ids of the partnerships it is done jointly with (see partnership.jointWith).'),
  progress: z.array(progressUpdate).describe('Dated progress updates, oldest first.'),
  url,
};

const action = z.object(itemFields);
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
  partnership: z.object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    area: z.string(),
    vision: markdown.optional(),
    purpose: markdown.optional(),
    values: z.array(z.object({ name: z.string(), text: markdown })),
    principles: z.array(z.object({ name: z.string(), text: markdown })),
    partners: z.array(z.object({ name: z.string(), kind: z.enum(partnerKindValues), note: z.string().optional() })),
    relevantAgencies: z.array(z.string()),
    jointWith: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string().optional(), url: z.string().optional() })),
    url,
  }),
  plans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      period: z.string().describe('Like "2020-2023".'),
      reportingYears: z.array(z.string()),
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
      url,
    }),
  ),
  reportingYears: z.array(z.object({ id: z.string(), plan: z.string().optional(), url })),
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
    partnership: {
      id: partnership.id,
      name: data.name,
      shortName: data.shortName,
      area: data.area,
      vision: data.vision,
      purpose: data.purpose,
      values: data.values,
      principles: data.principles,
      partners: data.partners,
      relevantAgencies: data.relevantAgencies,
      jointWith: data.jointWith,
      url: urlOf(partnership),
    },
    plans: partnership.plans.map((plan) => ({
      id: plan.id,
      title: plan.entry.data.title,
      period: plan.entry.data.period,
      reportingYears: plan.yearIds,
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
      id: g.id,
      name: g.entry.data.name,
      kind: g.entry.data.kind,
      acronym: g.entry.data.acronym,
      remit: g.entry.data.remit,
      parent: g.parent?.id,
      url: urlOf(g),
    })),
    reportingYears: partnership.years.map((y) => ({ id: y.id, plan: y.plan?.id, url: urlOf(y) })),
  };
}

function itemJson(node: ItemNode, urlOf: (node: ItemNode) => string) {
  const data = node.entry.data;
  return {
    id: node.id,
    code: data.code,
    order: data.order,
    title: data.title,
    level: node.label.singular,
    status: statusOf(node),
    statusRolledUp: node.kind !== 'action' && !data.status,
    rag: data.rag,
    outcomes: data.outcomes,
    description: node.entry.body.trim(),
    groups: node.groups.map((g) => g.id),
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
