/**
 * The editor's configuration for one partnership: a collection per content type (its folder, its
 * fields as editor-fields.ts reads them from the schema, a Markdown body), with the partnership's
 * own choices filled in: its rating scale, its strands, and the ids and names of its plans,
 * years, groups, priorities, objectives and measures for the pickers (the plans', priorities' and
 * objectives' with the days their plan runs, editor-dates.ts), and the shape it writes values
 * of several possible shapes in (editor-shapes.ts). Generated every time the
 * editor starts, from the schemas and the content, so nothing in it is written by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentTypes, contentTypeNames, type ContentType } from '../../schemas/index.ts';
import { defaultRatingScale, type RatingScale } from '../../schemas/values/rating.ts';
import type { z } from 'astro/zod';
import type { PlanIndex } from '../model/graph/nodes.ts';
import { loadContent, type SourceFile } from '../model/load.ts';
import { statusNames } from '../model/resolve/status.ts';
import { packageRoot } from '../package-root.ts';
import { inCanonicalOrder } from './key-order.ts';
import { planRanges, withinPlanFields, withRanges } from './editor-dates.ts';
import { withWrittenShapes } from './editor-shapes.ts';
import { objectFields, statusChoices, type Choice, type Choices, type EditorField } from './editor-fields.ts';

export interface EditorCollection {
  type: ContentType;
  /** What one file is called, like "reporting year". */
  noun: string;
  /** The folder under the partnership's folder ('' for partnership.md itself). */
  folder: string;
  fields: EditorField[];
  /** Every file has a Markdown body after its frontmatter. */
  body: EditorField;
  /** The dates that should fall within the file's plan, by path (editor-dates.ts): a plan item's `due` and `progress.date`. */
  withinPlan: string[];
}

export interface EditorConfig {
  partnership: string;
  collections: EditorCollection[];
}

/** The schemas the configuration is read from: the content model, or (in a test) one changed. */
export type SchemaTable = Record<ContentType, { folder: string; schema: z.ZodType; noun: string }>;

/**
 * The configuration for the partnership in `contentDir/<partnership>`. Given the content as the
 * check links it, the plans', priorities' and objectives' choices carry the range of days their
 * plan runs, which the dates of the items under them should fall within (the check warns of one that does not).
 */
export function editorConfig(
  contentDir: string,
  partnership: string,
  schemas: SchemaTable = contentTypes,
  index?: PlanIndex,
): EditorConfig {
  const files = loadContent(contentDir).files.filter((file) => file.partnership === partnership);
  const choices = choicesOf(files);
  if (index) withRanges(choices.files, planRanges(index, partnership));
  const hints = schemaHints();
  const collections = contentTypeNames.map((type) => {
    const spec = schemas[type];
    const ownHints = (name: string) => hints.get(`${type}:${name}`) ?? hints.get(`*:${name}`);
    const ofType = files.filter((file) => file.type === type);
    const fields = withWrittenShapes(inCanonicalOrder(type, objectFields(spec.schema, choices, ownHints)), ofType);
    return {
      type,
      noun: spec.noun,
      folder: spec.folder,
      fields,
      body: { name: 'body', label: 'Text', widget: 'markdown', required: false } satisfies EditorField,
      withinPlan: withinPlanFields(type, fields),
    };
  });
  return { partnership, collections };
}

/** The partnership's own choices, from its files as they are now. */
export function choicesOf(files: SourceFile[]): Choices {
  const partnership = files.find((file) => file.type === 'partnership')?.data ?? {};
  const scale = (partnership.ratingScale as RatingScale | undefined) ?? defaultRatingScale;
  const strands = Array.isArray(partnership.strands) ? (partnership.strands as Array<{ id?: string; name?: string }>) : [];
  const byType: Partial<Record<ContentType | 'strand', Choice[]>> = {
    strand: strands.filter((s) => typeof s.id === 'string').map((s) => ({ value: String(s.id), label: String(s.name ?? s.id) })),
  };
  for (const file of files) {
    if (file.type === 'partnership' || file.type === 'page') continue;
    const name = file.data.title ?? file.data.name ?? file.id;
    (byType[file.type] ??= []).push({ value: file.id, label: typeof name === 'string' ? name : file.id });
  }
  return {
    rating: scale.levels.map((level) => ({ value: level.id, label: level.label })),
    status: statusChoices(statusNames),
    files: byType,
  };
}

const schemaFiles: Record<string, ContentType> = {
  'action.ts': 'action',
  'group.ts': 'group',
  'measure.ts': 'measure',
  'objective.ts': 'objective',
  'page.ts': 'page',
  'partnership.ts': 'partnership',
  'plan.ts': 'plan',
  'priority.ts': 'priority',
  'reporting-year.ts': 'year',
};

/**
 * The hint for each field: the comment the schema gives it, one paragraph. Keyed `type:name` for a
 * type's own schema file, `*:name` for the first comment on that name in any other (the fields
 * priorities, objectives and actions share; progress updates and measures' values).
 */
function schemaHints(): Map<string, string> {
  const folder = path.join(packageRoot, 'schemas');
  const hints = new Map<string, string>();
  const files = readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.ts'));
  // The fields every plan level shares first, then other shared files, then each type's own.
  const rank = (file: string) => (file === 'plan-item.ts' ? 0 : file in schemaFiles ? 2 : 1);
  for (const file of files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
    const text = readFileSync(path.join(folder, file), 'utf8');
    // A type's own fields first, before the smaller groups its file declares above them: a
    // partnership's `name` is its full name, not the name of one of its strands.
    const own = text.search(/^export const \w+Schema\b/m);
    const ordered = own > 0 ? text.slice(own) + text.slice(0, own) : text;
    for (const match of ordered.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n\s*(\w+)\??:/g)) {
      const hint = match[1]
        .replace(/^\s*\* ?/gm, '')
        .replace(/\s+/g, ' ')
        .trim();
      const key = file in schemaFiles ? `${schemaFiles[file]}:${match[2]}` : `*:${match[2]}`;
      if (!hints.has(key)) hints.set(key, hint);
    }
  }
  return hints;
}
