/**
 * Stage 2, validate: check every parsed file against its schema, collecting every problem
 * rather than stopping at the first (as Astro would), each with its file, line and field.
 */
import { z } from 'astro/zod';
import { contentTypes, partnershipSchema } from '../../schemas/index.ts';
import type { AnyEntry } from './entries.ts';
import { limits } from './limits.ts';
import type { SourceFile } from './load.ts';
import { locateField } from './locate.ts';
import { publishedMarkdown } from '../../schemas/values/markdown-source.ts';
import type { Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';

/** The field path as an author reads it: `progress[1].date`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

/** Says what a value is, in plain words. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return 'a group of fields';
}

const expectedNouns: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

const formatNouns: Record<string, string> = {
  url: 'a web address starting with https://',
  email: 'an email address like name@example.org.uk',
};

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment as string];
  }
  return value;
}

/** The fields a schema allows at a path, for "did you mean" on unknown keys. */
function knownKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    while (
      current &&
      'unwrap' in current &&
      typeof (current as { unwrap?: unknown }).unwrap === 'function' &&
      !(current instanceof z.ZodObject) &&
      !(current instanceof z.ZodArray)
    ) {
      current = (current as unknown as { unwrap(): z.ZodType }).unwrap();
    }
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(segment)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return [];
  }
  while (
    current &&
    !(current instanceof z.ZodObject) &&
    'unwrap' in current &&
    typeof (current as { unwrap?: unknown }).unwrap === 'function'
  ) {
    current = (current as unknown as { unwrap(): z.ZodType }).unwrap();
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/**
 * What a union wanted, when every one of its forms refused the value's type outright: a date
 * (written as a date or as text, see isoDate) or the forms' nouns. Otherwise zod's own words.
 */
function unionExpected(issue: z.core.$ZodIssueInvalidUnion): string | undefined {
  const wanted = issue.errors.map((branch) =>
    branch.length === 1 && branch[0].code === 'invalid_type' && branch[0].path.length === 0 ? branch[0].expected : undefined,
  );
  if (wanted.length === 0 || wanted.some((w) => w === undefined)) return undefined;
  if (wanted.includes('date')) return 'a date written like 2021-03-31';
  return [...new Set(wanted.map((w) => expectedNouns[w!] ?? w!))].join(' or ');
}

/**
 * The issues of the form of a union the value most nearly is, when there is one: of the forms
 * that took the value's type (text, a group of fields), the one with fewest issues. A text
 * measure of invisible characters is then refused in the words a title is, not as "Invalid input".
 */
function closestForm(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  const typed = issue.errors.filter((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (typed.length === 0) return undefined;
  const fewest = Math.min(...typed.map((branch) => branch.length));
  const closest = typed.filter((branch) => branch.length === fewest);
  return closest.length === 1 ? closest[0] : undefined;
}

/** Turns one zod issue into one or more problems worded for an author. */
function problemsFromIssue(file: SourceFile, schema: z.ZodType, issue: z.core.$ZodIssue): Problem[] {
  const where = (path: ReadonlyArray<PropertyKey>) => {
    const index = locateField(file.frontmatterLines, path);
    return index === undefined ? undefined : index + file.frontmatterStart;
  };
  const found = valueAt(file.data, issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = knownKeys(schema, issue.path);
    return issue.keys.map((key) => ({
      file: file.displayPath,
      line: where([...issue.path, key]),
      field: fieldPath([...issue.path, key]),
      message: `unknown field "${key}"${didYouMean(key, allowed) ? `; ${didYouMean(key, allowed)}` : ''}`,
      hint: `the fields allowed here are: ${allowed.join(', ')}`,
    }));
  }
  let message: string;
  let hint: string | undefined;
  switch (issue.code) {
    case 'invalid_type':
      message =
        found === undefined
          ? `required field is missing: expected ${expectedNouns[issue.expected] ?? issue.expected}`
          : `expected ${expectedNouns[issue.expected] ?? issue.expected}, found ${describeValue(found)}`;
      if (issue.expected === 'array' && typeof found === 'string') hint = `write it as a list: [${found}]`;
      break;
    case 'invalid_value': {
      const options = issue.values.map((value) => `"${String(value)}"`).join(', ');
      message =
        found === undefined
          ? `required field is missing: expected one of ${options}`
          : `expected one of ${options}, found ${describeValue(found)}`;
      hint = typeof found === 'string' ? didYouMean(found, issue.values.map(String)) : undefined;
      break;
    }
    case 'too_small':
      message =
        issue.origin === 'string'
          ? `expected some text, found ${describeValue(found)}`
          : issue.origin === 'array'
            ? `expected at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}, found ${describeValue(found)}`
            : `expected ${issue.origin === 'number' ? 'a number' : 'a value'} ${issue.inclusive === false ? 'greater than' : 'of at least'} ${String(issue.minimum)}, found ${describeValue(found)}`;
      break;
    case 'invalid_format':
      message = `expected ${issue.message.startsWith('Invalid') ? (formatNouns[issue.format] ?? issue.format) : issue.message}, found ${describeValue(found)}`;
      break;
    case 'invalid_union': {
      const closest = closestForm(issue);
      if (found !== undefined && closest) {
        return closest.flatMap((inner) => problemsFromIssue(file, schema, { ...inner, path: [...issue.path, ...inner.path] }));
      }
      const expected = unionExpected(issue);
      message =
        found === undefined
          ? `required field is missing: expected ${expected ?? 'a value'}`
          : `expected ${expected ?? issue.message}, found ${describeValue(found)}`;
      break;
    }
    case 'custom': {
      // Our own checks say what they found themselves, or give what they expected, and a hint.
      const params = issue.params as { said?: 'as-is'; hint?: string } | undefined;
      message = params?.said === 'as-is' ? issue.message : `expected ${issue.message}, found ${describeValue(found)}`;
      hint = params?.hint;
      break;
    }
    default:
      message = `expected ${issue.message}, found ${describeValue(found)}`;
  }
  return [{ file: file.displayPath, line: where(issue.path), field: fieldPath(issue.path) || undefined, message, hint }];
}

/**
 * A partnership whose partnership.md has an error still needs a node in the index, or every
 * file in its folder would go unchecked until that one error is fixed. The stand-in keeps
 * the fields that are valid and falls back to the folder name for the required ones.
 */
function standInPartnership(file: SourceFile): AnyEntry {
  const data: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(partnershipSchema.shape)) {
    // A field that fails falls back to its default (an empty list, say), as if it were left out.
    const result = (field as z.ZodType).safeParse(file.data[key]);
    const fallback = result.success ? result : (field as z.ZodType).safeParse(undefined);
    if (fallback.success) data[key] = fallback.data;
  }
  for (const key of ['name', 'shortName', 'area']) data[key] ??= file.partnership;
  return {
    type: 'partnership',
    partnership: file.partnership,
    id: file.id,
    data,
    body: file.body,
    file: file.displayPath,
    absolutePath: file.absolutePath,
    frontmatterLines: file.frontmatterLines,
  } as AnyEntry;
}

/** Text values longer than the limit, each with its field: checked before the schema, which would only say less. */
function tooLongFields(file: SourceFile): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: Array<string | number>) => {
    if (typeof value === 'string') {
      if (value.length > limits.fieldCharacters) {
        const line = locateField(file.frontmatterLines, path);
        problems.push({
          file: file.displayPath,
          line: line === undefined ? undefined : line + file.frontmatterStart,
          field: fieldPath(path),
          message: `the text is ${value.length} characters long, more than the limit of ${limits.fieldCharacters}`,
          hint: 'put long text in the body of the file, below the frontmatter',
        });
      }
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(file.data, []);
  return problems;
}

/** The body as published, and its problems: its length, and the links and pictures the site will not carry, each on its line. */
function readBody(file: SourceFile): { text: string; problems: Problem[] } {
  const at = (line: number) => ({ file: file.displayPath, line: file.bodyStart + line - 1, field: 'body' });
  if (file.body.length > limits.bodyCharacters) {
    const message = `the text is ${file.body.length} characters long, more than the limit of ${limits.bodyCharacters}`;
    return {
      text: '',
      problems: [{ ...at(1), message, hint: 'split it into several items, or move long documents elsewhere and link to them' }],
    };
  }
  const published = publishedMarkdown(file.body);
  return {
    text: published.text,
    problems: published.problems.map((problem) => ({ ...at(problem.line), message: problem.message, hint: problem.hint })),
  };
}

/** Checks each file's frontmatter against its type's schema. */
export function validateFiles(files: SourceFile[]): {
  entries: AnyEntry[];
  problems: Problem[];
  invalid: SourceFile[];
  standIns: AnyEntry[];
} {
  const entries: AnyEntry[] = [];
  const problems: Problem[] = [];
  const invalid: SourceFile[] = [];
  const standIns: AnyEntry[] = [];
  for (const file of files) {
    const { schema } = contentTypes[file.type];
    const body = readBody(file);
    const own = [...tooLongFields(file), ...body.problems];
    const result = own.length > 0 ? undefined : (schema as z.ZodType).safeParse(file.data);
    if (!result?.success) {
      problems.push(...own);
      for (const issue of result?.error.issues ?? []) problems.push(...problemsFromIssue(file, schema, issue));
      invalid.push(file);
      if (file.type === 'partnership') standIns.push(standInPartnership(file));
      continue;
    }
    entries.push({
      type: file.type,
      partnership: file.partnership,
      id: file.id,
      data: result.data,
      body: body.text,
      file: file.displayPath,
      absolutePath: file.absolutePath,
      frontmatterLines: file.frontmatterLines,
    } as AnyEntry);
  }
  return { entries, problems, invalid, standIns };
}
