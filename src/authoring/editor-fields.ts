/**
 * A content schema as the fields of an editing form: each field's widget (text, Markdown, date,
 * number, yes/no, a choice, a picker of other files, a list, a group of fields), whether it is
 * required, the pattern and choices the form checks before saving, and its hint. Read from the
 * zod schemas themselves, never written by hand, so a field added to a schema reaches the form by
 * itself. The values a partnership declares (its rating scale, strands, groups, years) come in as
 * `Choices`, so the form offers that partnership's own.
 */
import { z } from 'astro/zod';
import { due, isoDate, markdown, rag, status, statusValues } from '../../schemas/index.ts';
import { dueExamples } from '../../schemas/values/due.ts';
import type { ContentType } from '../../schemas/index.ts';
import type { PlanRange } from '../model/plan-dates.ts';

/** The kinds of field a form has. `text` is lines of plain text, which the GitHub form gives Markdown in a list (cms-config.ts). */
export type Widget = 'string' | 'text' | 'markdown' | 'date' | 'number' | 'boolean' | 'select' | 'relation' | 'list' | 'object' | 'either';

export interface Choice {
  value: string;
  label: string;
  /** For a plan, priority or objective: the days its plan runs, which its items' dates should fall within (editor-dates.ts). */
  range?: PlanRange;
}

export interface EditorField {
  /** The key written in the frontmatter. */
  name: string;
  label: string;
  widget: Widget;
  required: boolean;
  hint?: string;
  /** A regular expression the value must match (JavaScript syntax, as an HTML `pattern`). */
  pattern?: string;
  /** For `select` and `relation`: what can be chosen, value as written and label as shown. */
  options?: Choice[];
  /** For `relation`: the content type whose files are chosen from. */
  collection?: ContentType | 'strand';
  /** For `list`: one entry. */
  item?: EditorField;
  /** For `object`: its fields. */
  fields?: EditorField[];
  /** For `either`: the shapes a value can take (text, or a group of fields). */
  variants?: EditorField[];
  /** For `either`: which of `variants` every value the partnership has written takes, if one does (editor-shapes.ts). */
  written?: number;
  /** For `number`: whole numbers only. */
  integer?: boolean;
}

/** What a partnership offers to choose from: its rating scale, strands and the ids of its files. */
export interface Choices {
  rating: Choice[];
  status: Choice[];
  /** By content type (and `strand`): each file's id and name. */
  files: Partial<Record<ContentType | 'strand', Choice[]>>;
}

/** What the site calls each status (src/model/resolve/status.ts says the same words). */
export const statusChoices = (names: Record<(typeof statusValues)[number], string>): Choice[] =>
  statusValues.map((value) => ({ value, label: names[value] }));

/**
 * Fields that name other files, by key: a picker of that type's files. Keyed by name because the
 * schema sees only "an id"; the file it names is what the key says.
 */
const relations: Record<string, ContentType | 'strand'> = {
  plan: 'plan',
  priority: 'priority',
  objective: 'objective',
  groups: 'group',
  parent: 'group',
  years: 'year',
  strands: 'strand',
  measure: 'measure',
  successor: 'plan',
};

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; shape?: Record<string, z.ZodType> };
type Piped = { in: z.ZodType; entries?: Record<string, string>; values?: unknown[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def & Piped } })._zod.def;

/**
 * Field names whose words alone would puzzle a business manager ("Rag", "Url", "Alt"): the words
 * the site and the guide use for them instead.
 */
const plainLabels: Record<string, string> = {
  rag: 'Rating',
  url: 'Web address',
  id: 'ID',
  alt: 'Description of the image',
  by: 'Who gave it',
  childrensServices: "Children's services",
  nonAccessible: 'What is not accessible',
  jointWith: 'Works jointly with',
  serves: 'Outcomes it serves',
  answeredBy: 'Answered by actions',
  staleAfterMonths: 'Months without an update before it is flagged',
  also: 'Other ways of writing it',
  finds: "The plan's words for it",
};

/**
 * The label a form shows for a field, in both editors (the local one and Sveltia's):
 * "accessibilityReviewedOn" -> "Accessibility reviewed on", "rag" -> "Rating".
 */
export function labelOf(name: string): string {
  if (Object.hasOwn(plainLabels, name)) return plainLabels[name];
  return capitalised(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

/** "reporting year" -> "Reporting year": a label's first letter. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The fields of an object schema, each with whether the form must have it. */
export function objectFields(schema: z.ZodType, choices: Choices, hints: (name: string) => string | undefined): EditorField[] {
  const shape = defOf(schema).shape ?? {};
  return Object.entries(shape).map(([name, field]) => editorField(name, field, choices, hints));
}

/** One field: optional and default unwrapped (either makes it not required), then its widget. */
export function editorField(name: string, schema: z.ZodType, choices: Choices, hints: (name: string) => string | undefined): EditorField {
  let inner = schema;
  let required = true;
  for (let def = defOf(inner); def.type === 'optional' || def.type === 'default' || def.type === 'nullable'; def = defOf(inner)) {
    required = false;
    inner = def.innerType as z.ZodType;
  }
  const field: EditorField = { name, label: labelOf(name), widget: 'string', required, ...widgetOf(name, inner, choices, hints) };
  const hint = hints(name) ?? (inner === due ? `When it is due: ${dueExamples}` : undefined);
  if (hint) field.hint = hint;
  return field;
}

/** The widget for a value's schema, and what it needs: choices, pattern, entries or fields. */
function widgetOf(name: string, schema: z.ZodType, choices: Choices, hints: (name: string) => string | undefined): Partial<EditorField> {
  if (schema === isoDate) return { widget: 'date' };
  if (schema === status) return { widget: 'select', options: choices.status };
  if (schema === markdown) return { widget: 'markdown' };
  const def = defOf(schema);
  const relation = relations[name];
  if (relation && (def.type === 'string' || def.type === 'pipe'))
    return { widget: 'relation', collection: relation, options: choices.files[relation] ?? [] };
  // A rating is written as an id, like any other: only the field named for it is one.
  if (name === 'rag' && schema === rag) return { widget: 'select', options: choices.rating };
  switch (def.type) {
    case 'pipe':
      return widgetOf(name, def.in, choices, hints);
    case 'array':
      return { widget: 'list', item: editorField(name, def.element as z.ZodType, choices, () => undefined) };
    case 'object':
      return { widget: 'object', fields: objectFields(schema, choices, hints) };
    case 'union':
      return unionWidget(name, def.options ?? [], choices, hints);
    case 'enum':
      return { widget: 'select', options: Object.values(def.entries ?? {}).map((value) => ({ value, label: labelOf(value) })) };
    case 'literal':
      return { widget: 'select', options: (def.values ?? []).map((value) => ({ value: String(value), label: String(value) })) };
    case 'number':
      return { widget: 'number', ...(jsonSchemaOf(schema).type === 'integer' ? { integer: true } : {}) };
    case 'boolean':
      return { widget: 'boolean' };
    default:
      return { widget: 'string', ...patternOf(schema) };
  }
}

/** A union of text-like shapes is one text field; otherwise the form offers each shape. */
function unionWidget(
  name: string,
  options: z.ZodType[],
  choices: Choices,
  hints: (name: string) => string | undefined,
): Partial<EditorField> {
  const variants = options.map((option) => editorField(name, option, choices, hints));
  const distinct = new Set(variants.map((variant) => variant.widget));
  if (distinct.size === 1) return shapeOf(variants[0]);
  return { widget: 'either', variants };
}

/** What a field holds, without its name, label, hint or whether it is required. */
function shapeOf(field: EditorField): Partial<EditorField> {
  const { widget, pattern, options, collection, item, fields, variants, integer } = field;
  return Object.fromEntries(
    Object.entries({ widget, pattern, options, collection, item, fields, variants, integer }).filter(([, v]) => v !== undefined),
  );
}

/** The pattern a string must match, as the schema's own JSON Schema states it. */
function patternOf(schema: z.ZodType): { pattern?: string } {
  const { pattern } = jsonSchemaOf(schema);
  return pattern ? { pattern } : {};
}

/** What the schema's own JSON Schema says of a value: its type and pattern (nothing, where it cannot say). */
function jsonSchemaOf(schema: z.ZodType): { type?: string; pattern?: string } {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { type?: string; pattern?: string };
  } catch {
    return {};
  }
}
