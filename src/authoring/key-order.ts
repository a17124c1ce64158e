/**
 * The content format's canonical order of a file's fields: the order `new` writes them in
 * (src/authoring/templates.ts), its commented-out examples included. Editors that rewrite a
 * whole frontmatter (Sveltia CMS writes the fields in its configuration's order) are given this
 * order, so that a file laid out as `new` wrote it changes only in the lines that were edited.
 * Read from the templates themselves, so the two never disagree.
 */
import type { ContentType } from '../../schemas/index.ts';
import { templateFor, type TemplateFields } from './templates.ts';

/** Enough for every template to write every field it knows, as a field or as an example. */
const sample: TemplateFields = {
  title: 'Sample',
  shortName: 'S',
  area: 'Sample',
  period: '2021-24',
  plan: 'plan',
  priority: 'priority',
  objective: 'objective',
  kind: 'board',
  editor: 'owner/name',
  groups: ['group'],
  years: ['2021-22'],
};

/** A field at the start of a frontmatter line, written or commented out: `title:`, `# code:`. */
const keyLine = /^(?:# ?)?([A-Za-z]\w*):/gm;

/** The top-level keys of a content type's files, in the order `new` writes them. */
export function canonicalKeys(type: ContentType): string[] {
  const frontmatter = templateFor(type, sample).split(/^---$/m)[1] ?? '';
  return [...new Set([...frontmatter.matchAll(keyLine)].map((match) => match[1]))];
}

/** The fields in canonical order; fields `new` does not write keep their order, after those it does. */
export function inCanonicalOrder<T extends { name: string }>(type: ContentType, fields: readonly T[]): T[] {
  const order = canonicalKeys(type);
  const rank = (field: T) => {
    const at = order.indexOf(field.name);
    return at === -1 ? order.length : at;
  };
  // Array.prototype.sort is stable: fields of equal rank keep the schema's order.
  return [...fields].sort((a, b) => rank(a) - rank(b));
}
