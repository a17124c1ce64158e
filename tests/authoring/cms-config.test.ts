/**
 * The configuration of the editor on GitHub (Sveltia CMS) is generated from the content schemas
 * and the partnership's own declarations: every field of every schema has its place in it, it is
 * a configuration Sveltia's own JSON Schema accepts, the pickers offer the partnership's own ids
 * and names, each save is a pull request, and the fields come in the order `new` writes them, so
 * that a save leaves the lines of unedited fields where they were.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTypeNames, contentTypes } from '../../schemas/index.ts';
import { cmsConfig, cmsConfigYaml } from '../../src/authoring/cms-config.ts';
import { editorConfig } from '../../src/authoring/editor-config.ts';
import { checkContent } from '../../src/model/check.ts';
import { markdownText } from '../helpers/markdown-text.ts';
import { schemaFieldPaths } from '../helpers/schema-paths.ts';

type Field = Record<string, unknown> & { name: string; widget: string; fields?: Field[]; field?: Field };
type Collection = { name: string; folder?: string; files?: Array<{ file: string; fields: Field[] }>; fields?: Field[] };
type Config = { backend: Record<string, unknown>; publish_mode: string; collections: Collection[] };

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/content`, import.meta.url));
const bundled = fileURLToPath(new URL('../../content', import.meta.url));
const github = { repository: 'northborough-scp/business-plan', branch: 'main' };

const configOf = (dir: string, partnership: string, editor: Parameters<typeof cmsConfig>[1] = github) =>
  cmsConfig(editorConfig(dir, partnership), editor) as unknown as Config;
const fieldsOf = (config: Config, type: string): Field[] => {
  const collection = config.collections.find((c) => c.name === type);
  return collection?.fields ?? collection?.files?.[0]?.fields ?? [];
};
const fieldOf = (fields: Field[], name: string) => fields.find((f) => f.name === name) as Field;

/** Every field path Sveltia's configuration gives a form, read the way Sveltia's documentation reads its keys. */
function cmsPaths(fields: Field[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    const here = prefix ? `${prefix}.${field.name}` : field.name;
    const inner = field.widget === 'list' ? `${here}[]` : here;
    return [here, ...cmsPaths(field.fields ?? [], inner), ...(field.field ? cmsPaths(field.field.fields ?? [], inner) : [])];
  });
}

/** The paths of fields Sveltia keeps as written, with no form (`widget: hidden`). */
function keptPaths(fields: Field[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    const here = prefix ? `${prefix}.${field.name}` : field.name;
    const inner = field.widget === 'list' ? `${here}[]` : here;
    return field.widget === 'hidden' ? [here] : keptPaths([...(field.fields ?? []), ...(field.field?.fields ?? [])], inner);
  });
}

const sveltiaSchema = () => {
  const packageDir = path.dirname(path.dirname(createRequire(import.meta.url).resolve('@sveltia/cms')));
  return JSON.parse(readFileSync(path.join(packageDir, 'schema', 'sveltia-cms.json'), 'utf8')) as object;
};
const validator = () => {
  // Formats checked as Sveltia means them: a pattern must be a regular expression JavaScript reads.
  const regex = (text: string) => {
    try {
      return new RegExp(text) instanceof RegExp;
    } catch {
      return false;
    }
  };
  return new Ajv({ allErrors: true, strict: false, formats: { regex, uri: true } }).compile(sveltiaSchema());
};

/**
 * The strands fixture, with a priority, an objective and an action of each shape more: outcomes,
 * measures and `serves` mixing their shapes in one file, a lead one name in one file and a list
 * in another. The form can hold none of those fields whole, so it keeps every one as written.
 */
function mixedShapes(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cms-shapes-'));
  const dir = path.join(root, 'content');
  cpSync(fixture('strands-plan'), dir, { recursive: true });
  const mixed = [
    'outcomes:\n  - A line of text\n  - text: A group of fields\n    id: a-group',
    'measures:\n  - A line of text\n  - text: A group of fields\n    target: Up',
    'serves: [1, a-group]',
    'lead: One Lead',
  ].join('\n');
  for (const folder of ['priorities', 'objectives', 'actions']) {
    writeFileSync(path.join(dir, 'northborough', folder, 'mixed-a.md'), `---\ntitle: Mixed\norder: 8\n${mixed}\n---\n`);
    writeFileSync(
      path.join(dir, 'northborough', folder, 'mixed-b.md'),
      '---\ntitle: Listed\norder: 9\nlead: [One Lead, Another Lead]\n---\n',
    );
  }
  return dir;
}

describe("the editor on GitHub's configuration", () => {
  const config = configOf(fixture('strands-plan'), 'northborough');
  const mixedDir = mixedShapes();
  const mixed = configOf(mixedDir, 'northborough');
  afterAll(() => rmSync(path.dirname(mixedDir), { recursive: true, force: true }));

  for (const type of contentTypeNames) {
    it(`gives every field of the ${type} schema a place in the form, nested ones included`, () => {
      const expected = schemaFieldPaths(contentTypes[type].schema);
      expect(expected.length).toBeGreaterThan(0);
      // Made from content that writes every field of several shapes in several, so none gets a form of one.
      const fields = fieldsOf(mixed, type);
      const form = new Set(cmsPaths(fields));
      // A field kept exactly as written (no form can hold all its shapes) holds what is under it.
      const kept = keptPaths(fields);
      const covered = (p: string) => form.has(p) || kept.some((k) => p.startsWith(`${k}.`) || p.startsWith(`${k}[]`));
      expect(expected.filter((p) => !covered(p))).toEqual([]);
      expect(form.has('body')).toBe(true);
    });
  }

  it("is a configuration Sveltia's own JSON Schema accepts, for the bundled partnerships and the fixtures", () => {
    const validate = validator();
    const plans: Array<[string, string]> = [
      [bundled, 'hampshire'],
      [bundled, 'hounslow'],
      [fixture('strands-plan'), 'northborough'],
      [fixture('coded-brag'), 'kingsford'],
      [fixture('measures-plan'), 'riverside'],
    ];
    for (const [dir, partnership] of plans) {
      const generated = parse(cmsConfigYaml(editorConfig(dir, partnership), github)) as unknown;
      expect(validate(generated) ? [] : validate.errors, `${partnership}`).toEqual([]);
    }
    // The check bites: a choice with nothing to choose from is not a configuration.
    const broken = structuredClone(config);
    fieldOf(fieldsOf(broken, 'action'), 'title').widget = 'select';
    expect(validate(broken)).toBe(false);
  });

  it('saves each change as a branch and a pull request to the repository partnership.md names', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toMatchObject({ name: 'github', repo: 'northborough-scp/business-plan', branch: 'main' });
    // No sign-in service declared: a personal access token is the one way in.
    expect(config.backend.auth_methods).toEqual(['token']);
    const withService = configOf(fixture('strands-plan'), 'northborough', { ...github, signIn: 'https://sign-in.example.org' });
    expect(withService.backend).toMatchObject({ base_url: 'https://sign-in.example.org', auth_methods: ['oauth', 'token'] });
    expect(config.collections.find((c) => c.name === 'action')?.folder).toBe('content/northborough/actions');
    expect(config.collections.find((c) => c.name === 'partnership')?.files?.[0].file).toBe('content/northborough/partnership.md');
  });

  it("offers status, rating, strands, groups and objectives as choices of the partnership's own, in plain words", () => {
    const action = fieldsOf(config, 'action');
    expect(fieldOf(action, 'status')).toMatchObject({ widget: 'select', label: 'Status' });
    expect(fieldOf(action, 'status').options).toContainEqual({ label: 'In progress', value: 'in-progress' });
    expect(fieldOf(action, 'rag')).toMatchObject({ widget: 'select', label: 'Rating' });
    expect(fieldOf(action, 'strands')).toMatchObject({ widget: 'select', multiple: true });
    expect((fieldOf(action, 'strands').options as Array<{ label: string }>).map((o) => o.label)).toEqual([
      'Prepare',
      'Prevent',
      'Protect',
      'Pursue',
    ]);
    // Two priorities each have an objective called "prevent": one choice, named for both.
    const objectives = fieldOf(action, 'objective').options as Array<{ value: string }>;
    expect(objectives.filter((o) => o.value === 'prevent')).toHaveLength(1);
    const brag = fieldsOf(configOf(fixture('coded-brag'), 'kingsford'), 'action');
    expect((fieldOf(brag, 'rag').options as Array<{ label: string }>).map((o) => o.label)).toEqual(['Blue', 'Green', 'Amber', 'Red']);
  });

  it("gives dates a date picker that writes 2024-03-31, and progress updates and measures' values forms of their own", () => {
    const action = fieldsOf(config, 'action');
    const progress = fieldOf(action, 'progress');
    expect(progress.widget).toBe('list');
    expect(fieldOf(progress.fields ?? [], 'date')).toMatchObject({
      widget: 'datetime',
      time_format: false,
      format: 'YYYY-MM-DD',
      required: true,
    });
    expect(fieldOf(progress.fields ?? [], 'text')).toMatchObject({ widget: 'markdown' });
    expect(fieldOf(action, 'order')).toMatchObject({ widget: 'number', value_type: 'int', required: true });
    const measure = fieldsOf(config, 'measure');
    expect(fieldOf(measure, 'values').widget).toBe('list');
  });

  it('keeps as written, with no form, the fields a partnership writes in shapes one form cannot hold together', () => {
    // An outcome is a line of text or a group of fields; a measure text, a group, or a measure
    // file; a lead one name or a list; serves numbers or ids. A form of one shape would drop the others.
    for (const type of ['priority', 'objective', 'action']) {
      const kept = fieldsOf(mixed, type)
        .filter((f) => f.widget === 'hidden')
        .map((f) => f.name)
        .sort();
      expect(kept, type).toEqual(type === 'priority' ? ['lead', 'measures', 'outcomes'] : ['lead', 'measures', 'outcomes', 'serves']);
    }
    // A phone number may be written as text or digits: text holds both.
    const services = fieldOf(fieldsOf(config, 'partnership'), 'childrensServices');
    expect(fieldOf(services.fields ?? [], 'phone').widget).toBe('string');
  });

  it('gives a field of several possible shapes a form in the one shape the partnership writes it in', () => {
    // Hampshire and the strands fixture write outcomes as lines of text: a list of boxes of text.
    for (const [dir, partnership] of [
      [bundled, 'hampshire'],
      [fixture('strands-plan'), 'northborough'],
    ]) {
      const outcomes = fieldOf(fieldsOf(configOf(dir, partnership), 'priority'), 'outcomes');
      expect(outcomes, partnership).toMatchObject({ widget: 'list', field: { widget: 'text' } });
    }
    // Its measures are groups of fields (text and target): a list of groups with those fields.
    const measures = fieldOf(fieldsOf(config, 'priority'), 'measures');
    expect(measures.widget).toBe('list');
    expect((measures.fields ?? []).map((f) => f.name)).toEqual(['text', 'target']);
    // Wrenfield writes outcomes as groups of fields with an id and a code, and serves outcomes by number
    // in some files and by id in others; every lead is one name.
    const wrenfield = configOf(fixture('outcomes-plan'), 'wrenfield');
    const groups = fieldOf(fieldsOf(wrenfield, 'priority'), 'outcomes');
    expect(groups.widget).toBe('list');
    expect((groups.fields ?? []).map((f) => f.name)).toEqual(['text', 'id', 'code']);
    expect(fieldOf(fieldsOf(wrenfield, 'action'), 'serves').widget).toBe('hidden');
    expect(fieldOf(fieldsOf(wrenfield, 'action'), 'lead').widget).toBe('string');
  });

  it('lists the fields in the order `npm run new` writes them, so a save keeps the lines of unedited fields in place', () => {
    // The order of an action file `new` writes (content/README.md shows the same).
    const written = [
      'title',
      'order',
      'objective',
      'priority',
      'code',
      'lead',
      'due',
      'measures',
      'strands',
      'serves',
      'groups',
      'years',
      'status',
      'rag',
      'progress',
      'links',
    ];
    const names = fieldsOf(config, 'action').map((f) => f.name);
    expect(names.slice(0, written.length)).toEqual(written);
    expect(names.at(-1)).toBe('body');
    const group = fieldsOf(config, 'group').map((f) => f.name);
    expect(group.slice(0, 3)).toEqual(['name', 'kind', 'acronym']);
  });
  it("names every plan's days under the dates, with a title's own marks kept as text", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cms-plans-'));
    try {
      const dir = path.join(root, 'content');
      cpSync(fixture('strands-plan'), dir, { recursive: true });
      // A second plan, whose title carries what Sveltia's hints would read as emphasis, a link, a tag and addresses.
      const title = 'Plan *B* [click](https://example.org) <img src=x> www.example.org help@example.org';
      writeFileSync(
        path.join(dir, 'northborough', 'plans', 'plan-b.md'),
        `---\ntitle: '${title}'\nperiod: 2021-2023\ngroups: none\nyears: none\n---\n`,
      );
      const checked = checkContent(dir);
      expect(checked.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
      const config = cmsConfig(editorConfig(dir, 'northborough', contentTypes, checked.index), github) as unknown as Config;
      const due = fieldOf(fieldsOf(config, 'action'), 'due').hint as string;
      expect(markdownText(due)).toContain(
        `The plan "Exploitation Strategy" runs from 1 April 2024. The plan "${title}" runs from 1 April 2021 to 31 March 2023. A date outside its plan is shown as a warning on the pull request.`,
      );
      // No mark of the title is left to make emphasis, a link, a tag or an address Sveltia would link.
      expect(due).not.toMatch(/(^|[^\\])[*[<]/);
      expect(due).not.toMatch(/https:\/\/|www\.|[^\\]@/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
