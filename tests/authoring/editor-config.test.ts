/**
 * The editor's forms are generated from the schemas and the partnership's own declarations. Every
 * field of every content schema, as the schema's own JSON Schema lists it (nested groups, list
 * entries and alternative shapes included), has its place in the form; a field added to a schema
 * reaches the form with no other change; and the choices are the partnership's: its rating scale,
 * strands, groups and reporting years.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { contentTypeNames, contentTypes } from '../../schemas/index.ts';
import { editorConfig, type EditorCollection } from '../../src/authoring/editor-config.ts';
import type { EditorField } from '../../src/authoring/editor-fields.ts';
import { validTree, writeTree } from '../helpers/content-tree.ts';
import { schemaFieldPaths } from '../helpers/schema-paths.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/content`, import.meta.url));

/** Every field path the form has, the same way. */
function formPaths(fields: EditorField[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    const here = prefix ? `${prefix}.${field.name}` : field.name;
    return [here, ...formInner(field, here)];
  });
}
function formInner(field: EditorField, here: string): string[] {
  return [
    ...formPaths(field.fields ?? [], here),
    ...(field.item ? formInner(field.item, `${here}[]`) : []),
    ...(field.variants ?? []).flatMap((variant) => formInner(variant, here)),
  ];
}

const collection = (type: string, dir = fixture('strands-plan'), partnership = 'northborough') =>
  editorConfig(dir, partnership).collections.find((c) => c.type === type) as EditorCollection;
const field = (c: EditorCollection, name: string) => c.fields.find((f) => f.name === name) as EditorField;

describe('the generated editor configuration', () => {
  const config = editorConfig(fixture('strands-plan'), 'northborough');

  it('has a collection for every content type, each with a Markdown body', () => {
    expect(config.collections.map((c) => c.type)).toEqual(contentTypeNames);
    for (const c of config.collections) expect(c.body.widget).toBe('markdown');
  });

  for (const type of contentTypeNames) {
    it(`has every field of the ${type} schema, nested ones included`, () => {
      const expected = schemaFieldPaths(contentTypes[type].schema);
      expect(expected.length).toBeGreaterThan(0);
      const form = new Set(formPaths(config.collections.find((c) => c.type === type)?.fields ?? []));
      expect(expected.filter((p) => !form.has(p))).toEqual([]);
    });
  }

  it('takes a field added to a schema into the form with no other change, required when the schema requires it', () => {
    const changed = {
      ...contentTypes,
      action: { ...contentTypes.action, schema: contentTypes.action.schema.extend({ sponsor: z.string() }) },
    };
    const action = editorConfig(fixture('strands-plan'), 'northborough', changed).collections.find((c) => c.type === 'action');
    expect(action?.fields.find((f) => f.name === 'sponsor')).toMatchObject({ widget: 'string', required: true });
  });

  it('marks the fields a file must have as required, and no others', () => {
    const action = collection('action');
    expect(action.fields.filter((f) => f.required).map((f) => f.name)).toEqual(['title', 'order']);
    expect(
      collection('group')
        .fields.filter((f) => f.required)
        .map((f) => f.name),
    ).toEqual(['name', 'kind']);
  });

  it('offers status as a choice with the words the site uses, and dates as date pickers', () => {
    const action = collection('action');
    expect(field(action, 'status')).toMatchObject({ widget: 'select' });
    expect(field(action, 'status').options).toContainEqual({ value: 'in-progress', label: 'In progress' });
    const progress = field(action, 'progress').item as EditorField;
    expect(progress.fields?.find((f) => f.name === 'date')).toMatchObject({ widget: 'date', required: true });
    expect(progress.fields?.find((f) => f.name === 'text')?.widget).toBe('markdown');
    // A due date may be "March 2022" or "ongoing": text with its examples, not a date picker.
    expect(field(action, 'due')).toMatchObject({ widget: 'string' });
    expect(field(action, 'due').hint).toContain('March 2022');
  });

  it("offers the partnership's own rating scale, strands and files to pick from", () => {
    const brag = collection('action', fixture('coded-brag'), 'kingsford');
    expect(field(brag, 'rag').options?.map((o) => o.label)).toEqual(['Blue', 'Green', 'Amber', 'Red']);
    const strands = field(collection('action'), 'strands').item;
    expect(strands).toMatchObject({ widget: 'relation', collection: 'strand' });
    expect(strands?.options?.map((o) => o.label)).toEqual(['Prepare', 'Prevent', 'Protect', 'Pursue']);
    const tree = writeTree(validTree());
    try {
      const action = collection('action', tree.contentDir, 'hampshire');
      expect(field(action, 'rag').options?.map((o) => o.value)).toEqual(['red', 'amber', 'green']);
      expect(field(action, 'groups').item?.options?.map((o) => o.value)).toEqual(
        Object.keys(validTree())
          .filter((f) => f.includes('/groups/'))
          .map((f) => f.replace(/^.*\/(.*)\.md$/, '$1')),
      );
      expect(field(action, 'objective')).toMatchObject({ widget: 'relation', collection: 'objective' });
      expect(field(action, 'years').item?.options?.length).toBeGreaterThan(0);
    } finally {
      tree.remove();
    }
  });

  it('gives each field the hint its schema documents', () => {
    expect(field(collection('action'), 'order').hint).toBe('Its position among its siblings: 1 comes first.');
    // A partnership's name is its full name, not the name of one of the strands declared above it.
    expect(field(collection('partnership'), 'name').hint).toContain('Full name');
  });

  it('labels fields in plain words, not their names in the file', () => {
    const action = collection('action');
    expect(field(action, 'rag').label).toBe('Rating');
    expect((field(action, 'links').item?.fields ?? []).find((f) => f.name === 'url')?.label).toBe('Web address');
    expect(field(collection('partnership'), 'childrensServices').label).toBe("Children's services");
  });
});
