/**
 * Which shape a partnership writes a value of several possible shapes in. An outcome may be a
 * line of text or a group of fields, a lead one name or a list, `serves` numbers or ids: a form of
 * one shape would drop or rewrite a value of another when the file is saved, so a field that can
 * take several shapes gets a form only where every value the partnership's files hold fits one
 * of them (or it has written none yet, when the schema's first shape is offered). Worked out
 * from the files as they are when the configuration is made, so a partnership that writes its
 * outcomes as lines of text can edit them as lines of text.
 */
import type { SourceFile } from '../model/load.ts';
import type { EditorField, Widget } from './editor-fields.ts';

/** The widgets that hold text, as YAML writes it: one string. */
const textWidgets: ReadonlySet<Widget> = new Set(['string', 'text', 'markdown', 'date', 'select', 'relation']);

/** Whether a value, as the file holds it, is of the shape `field` describes. */
function fits(field: EditorField, value: unknown): boolean {
  if (typeof value === 'string') return textWidgets.has(field.widget);
  if (typeof value === 'number') return field.widget === 'number';
  if (typeof value === 'boolean') return field.widget === 'boolean';
  if (Array.isArray(value)) return field.widget === 'list' && !!field.item && value.every((entry) => fits(field.item!, entry));
  if (value === null || typeof value !== 'object' || field.widget !== 'object') return false;
  const fields = field.fields ?? [];
  const entries = Object.entries(value);
  return (
    entries.every(([key, inner]) => fields.some((f) => f.name === key && fits(f, inner))) &&
    fields.every((f) => !f.required || Object.hasOwn(value, f.name))
  );
}

/** The first of the shapes every value fits, by its place among them; undefined where none does. */
function shapeFitting(variants: readonly EditorField[], values: readonly unknown[]): number | undefined {
  const index = variants.findIndex((variant) => values.every((value) => fits(variant, value)));
  return index === -1 ? undefined : index;
}

/**
 * The fields of one content type, each value of several shapes (a field's own, or each entry of a
 * list's) marked with the shape the partnership's files of that type write it in (`written`).
 */
export function withWrittenShapes(fields: readonly EditorField[], files: readonly SourceFile[]): EditorField[] {
  return fields.map((field) => {
    const values = files.map((file) => file.data[field.name]).filter((value) => value !== undefined);
    if (field.widget === 'either' && field.variants) return { ...field, written: shapeFitting(field.variants, values) };
    if (field.widget === 'list' && field.item?.widget === 'either' && field.item.variants) {
      const entries = values.flatMap((value): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]));
      return { ...field, item: { ...field.item, written: shapeFitting(field.item.variants, entries) } };
    }
    return field;
  });
}
