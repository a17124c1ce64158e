/**
 * The editor's layout: a file exactly as the editor on GitHub (Sveltia CMS) writes it when it
 * saves, so that a file already in this layout changes, on its next save, only in the lines that
 * were edited. Sveltia rewrites the whole frontmatter on every save; this module does what its
 * save does, read from its source (@sveltia/cms, version in package.json):
 * - the order of the fields (src/lib/services/contents/draft/save/serialize.js, finalizeContent,
 *   and key-path.js): each value is taken apart into key paths (`progress.0.date`), the paths the
 *   form's fields name come first in the form's order, the rest (values of fields the form keeps
 *   as written, like outcomes and measures) after them in natural order, then put back together;
 * - the text (src/lib/services/contents/file/format.js): the `yaml` package with the options the
 *   tool's own writer uses (frontmatter-write.ts), then `---`, an empty line and the body.
 * Comments cannot be kept by such an editor: commentLines finds them, so `migrate` can list them.
 */
import { CST, Document, Lexer } from 'yaml';
import { yamlReadOptions } from '../model/frontmatter-yaml.ts';
import type { CmsField } from './cms-config.ts';
import { writeOptions } from './frontmatter-write.ts';

type Flat = Record<string, unknown>;

/** Sveltia's order of key paths: natural (`2` before `10`), letters compared without case. */
const compare = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare;

const isContainer = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

/** A value taken apart into key paths, as the `flat` package Sveltia uses does: empty lists and groups stay whole. */
function flatten(value: Record<string, unknown>, prefix = '', into: Flat = {}): Flat {
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isContainer(inner) && Object.keys(inner).length > 0) flatten(inner as Record<string, unknown>, path, into);
    else into[path] = inner;
  }
  return into;
}

/** A key path's part as `flat` reads it back: a number makes the group around it a list. */
const part = (key: string): string | number => (Number.isNaN(Number(key)) ? key : Number(key));

/** Sets an own property, so a field named `__proto__` or `constructor` is a field like any other, never the object's prototype. */
function setOwn(into: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(into, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Key paths put back together into values, in the order they come (as `flat`'s unflatten). */
function unflatten(flat: Flat): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split('.').map(part);
    let into = result as Record<string | number, unknown>;
    for (const [i, key] of keys.slice(0, -1).entries()) {
      // Only ever into the value's own fields: an inherited one (`constructor`) would reach every object's prototype.
      if (!Object.hasOwn(into, key) || !isContainer(into[key])) setOwn(into, key, typeof keys[i + 1] === 'number' ? [] : {});
      into = into[key] as Record<string | number, unknown>;
    }
    setOwn(into, keys[keys.length - 1], value);
  }
  return result;
}

/** The key paths the form's fields name, in the form's order (`progress`, `progress.*.date`, ...). */
function formKeyPaths(fields: readonly CmsField[], prefix = '', into: string[] = []): string[] {
  for (const field of fields) {
    const path = prefix === '' ? String(field.name) : `${prefix}.${String(field.name)}`;
    into.push(path);
    const isList = field.widget === 'list';
    if (Array.isArray(field.fields)) formKeyPaths(field.fields as CmsField[], isList ? `${path}.*` : path, into);
    else if (isList && field.field) formKeyPaths([{ ...(field.field as CmsField), name: '*' }], path, into);
    else if (isList || (field.widget === 'select' && field.multiple === true)) into.push(`${path}.*`);
  }
  return into;
}

/** A form's key path as a pattern: `*` stands for an entry's number. */
const keyPathPattern = (keyPath: string) =>
  new RegExp(`^${keyPath.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '*' ? '\\d+' : `\\${c}`))}$`);

/** The frontmatter's data with its fields (and theirs) in the order Sveltia writes them. */
export function editorOrder(data: Record<string, unknown>, fields: readonly CmsField[]): Record<string, unknown> {
  const unsorted = flatten(data);
  const sorted: Flat = {};
  const take = (path: string) => {
    sorted[path] = unsorted[path];
    delete unsorted[path];
  };
  for (const keyPath of formKeyPaths(fields)) {
    if (keyPath in unsorted) take(keyPath);
    else {
      const pattern = keyPathPattern(keyPath);
      Object.keys(unsorted)
        .filter((path) => pattern.test(path))
        .sort(compare)
        .forEach(take);
    }
  }
  Object.keys(unsorted).sort(compare).forEach(take);
  return unflatten(sorted);
}

/** The body as Sveltia reads it: without the empty line after the frontmatter, nor blank space at the end. */
export function editorBody(text: string): string {
  const clean = text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\r\n?/g, '\n');
  const match = /^---\n[\s\S]*?\n---(?:\n([\s\S]*))?$/.exec(clean);
  return (match?.[1] ?? '').replace(/^\n/, '');
}

/** The whole file as Sveltia writes it, from its frontmatter's data and its body. */
export function editorFileText(data: Record<string, unknown>, body: string, fields: readonly CmsField[]): string {
  const doc = new Document(editorOrder(data, fields), yamlReadOptions);
  const frontmatter = doc.toString(writeOptions).trim();
  return `---\n${frontmatter}\n---\n${body === '' ? '' : `\n${body}\n`}`;
}

/** A comment in a frontmatter: its line in the file and its text. */
export interface CommentLine {
  line: number;
  text: string;
}

/** The comments of a file's frontmatter (`# ...`, on a line of their own or after a value), by line in the file. */
export function commentLines(text: string): CommentLine[] {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const close = clean.indexOf('\n---', 3);
  if (!clean.startsWith('---\n') || close === -1) return [];
  const frontmatter = clean.slice(4, close + 1);
  const found: CommentLine[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(frontmatter)) {
    // The lexer's own marks for where a document, a value or a list in brackets starts are not text of the file.
    if (token === CST.DOCUMENT || token === CST.FLOW_END || token === CST.SCALAR) continue;
    if (CST.tokenType(token) === 'comment') {
      // Line 1 is the opening "---".
      found.push({ line: frontmatter.slice(0, offset).split('\n').length + 1, text: token });
    }
    offset += token.length;
  }
  return found;
}
