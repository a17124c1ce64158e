/**
 * The configuration of Sveltia CMS, the editor a partnership's site carries at /admin/ when its
 * partnership.md names a GitHub repository (`editor:`), read from the same generated
 * configuration as the local editor (editor-config.ts): the same collections, fields, labels,
 * hints, choices and required fields, in the content format's canonical order, so nothing here
 * is a hand-written list of fields. Each save becomes a branch and a pull request
 * (`publish_mode: editorial_workflow`), which the partnership's workflow checks.
 */
import { stringify } from 'yaml';
import type { GithubEditorData } from '../../schemas/index.ts';
import type { EditorCollection, EditorConfig } from './editor-config.ts';
import { pluralOf } from '../model/labels.ts';
import { capitalised, type Choice, type EditorField } from './editor-fields.ts';

/** One field of Sveltia's configuration (its JSON Schema, `schema/sveltia-cms.json`, says what each key means). */
export type CmsField = Record<string, unknown>;

/** Where the repository keeps partnerships' folders, as `init` lays it out. */
const contentFolder = 'content';

/** Sveltia's whole configuration for one partnership, as an object. */
export function cmsConfig(config: EditorConfig, github: GithubEditorData): Record<string, unknown> {
  const base = `${contentFolder}/${config.partnership}`;
  const note = plansNote(config);
  return {
    backend: {
      name: 'github',
      repo: github.repository,
      branch: github.branch,
      // Signing in with a GitHub account needs a sign-in service; without one, only a token works.
      ...(github.signIn ? { base_url: github.signIn, auth_methods: ['oauth', 'token'] } : { auth_methods: ['token'] }),
    },
    // Every save a branch and a pull request, reviewed and checked before it is merged.
    publish_mode: 'editorial_workflow',
    // Logos and other files a partnership.md names live in its own folder.
    media_folder: base,
    public_folder: '',
    // Fields left empty are left out, as an author writing the file by hand would.
    output: { omit_empty_optional_fields: true },
    slug: { encoding: 'ascii', clean_accents: true },
    collections: config.collections.map((collection) => cmsCollection(withPlanDates(collection, note), base)),
  };
}

/**
 * The days the partnership's plans run, in words, from the pickers' choices (editor-dates.ts):
 * the GitHub form cannot ask the check, so it says under each date what the check will say of one
 * outside its plan. Undefined when the configuration was made without the content's plans.
 */
function plansNote(config: EditorConfig): string | undefined {
  const plans = new Set<string>();
  for (const collection of config.collections)
    for (const field of collection.fields)
      for (const choice of field.options ?? []) if (choice.range) plans.add(inlineText(choice.range.sentence));
  if (plans.size === 0) return undefined;
  return `${[...plans].join(' ')} A date outside its plan is shown as a warning on the pull request.`;
}

/**
 * Text in a hint, which Sveltia reads as Markdown: every ASCII mark escaped, as Markdown allows, so
 * a title makes no emphasis, tag or link of its own, nor an address a link (https\://, www\.).
 */
function inlineText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (mark) => `\\${mark}`);
}

/** A plan item's due date and its progress updates' dates, with the plans' days under them. */
function withPlanDates(collection: EditorCollection, note: string | undefined): EditorCollection {
  if (!note || collection.withinPlan.length === 0) return collection;
  const noted = (field: EditorField): EditorField => ({ ...field, hint: field.hint ? `${field.hint} ${note}` : note });
  const dated = (path: string) => collection.withinPlan.includes(path);
  const fields = collection.fields.map((field) => {
    if (dated(field.name)) return noted(field);
    // A list of groups of fields, like progress updates: the note goes under each entry's dated field.
    const { item } = field;
    if (!item?.fields?.some((f) => dated(`${field.name}.${f.name}`))) return field;
    return { ...field, item: { ...item, fields: item.fields.map((f) => (dated(`${field.name}.${f.name}`) ? noted(f) : f)) } };
  });
  return { ...collection, fields };
}

/** The configuration as the `config.yml` the admin page loads. */
export function cmsConfigYaml(config: EditorConfig, github: GithubEditorData): string {
  return `# Written by the build from the content schemas: edit partnership.md (editor:), not this file.\n${stringify(cmsConfig(config, github), { lineWidth: 0 })}`;
}

/** A content type: partnership.md is one file; every other type a folder of files, one per item. */
function cmsCollection(collection: EditorCollection, base: string): CmsField {
  const fields = cmsFields(collection);
  const label = capitalised(pluralOf(collection.noun));
  if (collection.folder === '') {
    return {
      name: collection.type,
      label: capitalised(collection.noun),
      files: [
        {
          name: collection.type,
          label: capitalised(collection.noun),
          file: `${base}/${collection.type}.md`,
          format: 'frontmatter',
          fields,
        },
      ],
    };
  }
  const identifier = collection.fields.some((field) => field.name === 'title') ? 'title' : 'name';
  return {
    name: collection.type,
    label,
    label_singular: capitalised(collection.noun),
    folder: `${base}/${collection.folder}`,
    create: true,
    extension: 'md',
    format: 'frontmatter',
    identifier_field: identifier,
    // Files may sit in sub-folders (objectives/exploitation/prevent.md): each is listed all the same.
    nested: { subfolders: false },
    // The file name, which is the item's id, from its title as `new` makes it.
    slug: '{{slug}}',
    fields,
  };
}

/** A content type's fields as Sveltia's form has them, in its order, the body last. */
export function cmsFields(collection: EditorCollection): CmsField[] {
  return [...collection.fields, collection.body].map(cmsField);
}

/** One field: its widget and what that widget needs. */
export function cmsField(field: EditorField): CmsField {
  const shape = formable(field);
  // Kept exactly as written, in its place: Sveltia has no form for it (see oneShape).
  if (!shape) return { name: field.name, label: field.label, widget: 'hidden' };
  const common: CmsField = { name: field.name, label: field.label, required: field.required };
  if (field.hint) common.hint = field.hint;
  return { ...common, ...cmsWidget(shape) };
}

function cmsWidget(field: EditorField): CmsField {
  switch (field.widget) {
    case 'date':
      // A day, written as 2024-03-31 like every date in the files.
      return { widget: 'datetime', time_format: false, format: 'YYYY-MM-DD' };
    case 'number':
      return { widget: 'number', value_type: field.integer ? 'int' : 'float' };
    case 'select':
    case 'relation':
      return choiceWidget(field, false);
    case 'list':
      return listWidget(field.item as EditorField);
    case 'either':
      throw new Error(`${field.name}: a value of several shapes reached a form (formable lets none through)`);
    case 'object':
      return { widget: 'object', fields: (field.fields ?? []).map(cmsField) };
    case 'markdown':
    case 'text':
    case 'boolean':
      return { widget: field.widget };
    default:
      return stringWidget(field);
  }
}

/** A choice of the partnership's own values; a picker with nothing to pick yet takes an id as text. */
function choiceWidget(field: EditorField, multiple: boolean): CmsField {
  const options = field.options ?? [];
  if (options.length === 0) return { widget: 'string', ...(multiple ? {} : patternOf(field)) };
  return { widget: 'select', options: uniqueOptions(options), ...(multiple ? { multiple: true } : {}) };
}

/**
 * Each value once, as Sveltia requires: two priorities may each have an objective called
 * `prevent` (objectives/exploitation/prevent.md), which a file names the same way.
 */
function uniqueOptions(options: readonly Choice[]): Choice[] {
  const labels = new Map<string, string[]>();
  for (const { value, label } of options) {
    const known = labels.get(value) ?? [];
    if (!known.includes(label)) known.push(label);
    labels.set(value, known);
  }
  return [...labels].map(([value, names]) => ({ label: names.join(' or '), value }));
}

/** A list: several choices are one multiple choice; entries of several fields a list of groups. */
function listWidget(entry: EditorField): CmsField {
  if (entry.widget === 'select' || entry.widget === 'relation') {
    const choice = choiceWidget(entry, true);
    if (choice.widget === 'select') return choice;
  }
  if (entry.widget === 'object') return { widget: 'list', fields: (entry.fields ?? []).map(cmsField) };
  return { widget: 'list', field: { ...cmsField(entry), label: entry.label } };
}

function stringWidget(field: EditorField): CmsField {
  return { widget: 'string', ...patternOf(field) };
}

/** Sveltia checks a pattern before saving, with a message to show when it does not match. */
function patternOf(field: EditorField): CmsField {
  if (!field.pattern) return {};
  const message = field.hint
    ? 'This is not written the way this field needs: see the note under it.'
    : 'This is not written the way this field needs.';
  return { pattern: [field.pattern, message] };
}

/** The field as one form can hold it; undefined where none can (a list of entries none can hold included). */
function formable(field: EditorField): EditorField | undefined {
  if (field.widget === 'either') return oneShape(field);
  if (field.widget !== 'list' || !field.item) return field;
  const item = formable(field.item);
  return item && { ...field, item };
}

/**
 * A value that may take several shapes gets one form only where that form can hold every value
 * there is: text, where the schema takes text first and otherwise only numbers (a phone number,
 * written as text or as digits, means the same); otherwise the one shape every value of it in the
 * partnership's files takes (editor-shapes.ts), so outcomes written as lines of text are edited
 * as lines of text. Where the files mix shapes (an outcome as a line of text and another as a
 * group of fields; `serves: [1, outcome-id]`), the field gets none: a form of one shape would drop
 * or rewrite a value of another when the file is saved (Sveltia drops the lines of text a
 * group-of-fields form cannot show). Such a field is kept exactly as written, and changed in the
 * file or with `npm run edit`.
 */
function oneShape(field: EditorField): EditorField | undefined {
  const [first, ...others] = field.variants ?? [];
  const own = { name: field.name, label: field.label, required: field.required, hint: field.hint, variants: undefined, written: undefined };
  if (first?.widget === 'string' && others.every((variant) => variant.widget === 'number')) return { ...field, ...first, ...own };
  const written = field.written === undefined ? undefined : field.variants?.[field.written];
  if (!written) return undefined;
  // Markdown text as a plain box of text: Sveltia's rich-text editor may rewrite what it reads.
  return { ...field, ...written, ...(written.widget === 'markdown' ? { widget: 'text' as const } : {}), ...own };
}
