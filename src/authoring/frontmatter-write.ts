/**
 * New YAML text, written by the `yaml` package's document API: the whole frontmatter of a new
 * file (the templates of `npm run new` and `init`, with their commented-out examples), and the
 * lines an edit adds to a file (a field, an entry of a list). The package quotes a value only
 * where YAML's core schema, the one the loader reads with (src/model/frontmatter-yaml.ts), would
 * read it as something else: a title like `0o17`, `null` or `Part B: review` is quoted (in single
 * quotes, as the editor on GitHub writes them), a date or `Deliver neglect training` is not.
 */
import { Document, YAMLMap, type Scalar, type ToStringOptions } from 'yaml';
import { yamlReadOptions } from '../model/frontmatter-yaml.ts';

/**
 * The editor on GitHub (Sveltia CMS) writes a whole frontmatter with the same package and these
 * options (its src/lib/services/contents/file/format.js: lineWidth 0, singleQuote, two-space
 * indents, list dashes indented), so a file written here is already in the layout its saves keep.
 */
export const writeOptions = {
  // One line per value however long: folding a long title over lines would only confuse an author.
  lineWidth: 0,
  // Text of several lines as a literal block (`|-`), line for line as it reads.
  blockQuote: 'literal',
  // Text YAML would read as something else in single quotes ('1.4'), as the editor on GitHub writes it.
  singleQuote: true,
} as const satisfies ToStringOptions;

/** A field of a new frontmatter and its value. */
export interface Field {
  key: string;
  value: unknown;
}

/** A line of a new frontmatter: a field, or a comment line as written ("# text"). */
export type FrontmatterLine = Field | string;

export const field = (key: string, value: unknown): Field => ({ key, value });

/** The text after "#" of a comment line given as "# text" (or "#text"). */
function commentText(line: string): string {
  if (!line.startsWith('#')) throw new Error(`a comment line must start with "#": ${line}`);
  return line.slice(1);
}

/**
 * The text of a new frontmatter (without its "---" lines): its fields in the order given, each
 * comment line above the field that follows it, any comment lines after the last field at the end.
 */
export function newFrontmatter(lines: readonly FrontmatterLine[]): string {
  const doc = new Document(new YAMLMap(), yamlReadOptions);
  const fields = doc.contents as YAMLMap;
  let comments: string[] = [];
  for (const line of lines) {
    if (typeof line === 'string') {
      comments.push(commentText(line));
      continue;
    }
    const pair = doc.createPair(line.key, line.value);
    if (comments.length > 0) (pair.key as Scalar).commentBefore = comments.join('\n');
    fields.items.push(pair);
    comments = [];
  }
  if (comments.length > 0) fields.comment = comments.join('\n');
  // Frontmatter of comments alone (a year file) is those lines: an empty map would be written "{}".
  if (fields.items.length === 0) return lines.map((line) => `${line as string}\n`).join('');
  return doc.toString(writeOptions);
}

/** The lines of `key: value` fields at column 0, as a file's frontmatter has them (a value may take several lines). */
export function fieldLines(entries: ReadonlyArray<readonly [string, unknown]>): string[] {
  const doc = new Document(new YAMLMap(), yamlReadOptions);
  const fields = doc.contents as YAMLMap;
  for (const [key, value] of entries) fields.items.push(doc.createPair(key, value));
  // Every line ends with a line break; the last is the end of the text, not an empty line.
  return doc.toString(writeOptions).replace(/\n$/, '').split('\n');
}

/**
 * One value as the text after `key: `, in the style given where YAML can read the value back
 * from it (a value that was in double quotes stays in double quotes), or as the package chooses.
 * Text of several lines is written in double quotes, so that it stays on one line.
 */
export function valueText(value: string | number, style?: Scalar.Type): string {
  const doc = new Document(new YAMLMap(), yamlReadOptions);
  const node = doc.createNode(value) as Scalar;
  const multiline = typeof value === 'string' && /[\n\r]/.test(value);
  if (multiline) node.type = 'QUOTE_DOUBLE';
  else if (style === 'PLAIN' || style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') node.type = style;
  (doc.contents as YAMLMap).items.push(doc.createPair('v', node));
  return doc.toString(writeOptions).replace(/\n$/, '').slice('v: '.length);
}

/**
 * The lines of one new entry of a list: a group of fields whose dash is at `itemColumn` and whose
 * field names are at `keyColumn`, as the entries already in the list are written.
 */
export function listItemLines(entries: ReadonlyArray<readonly [string, unknown]>, itemColumn: number, keyColumn: number): string[] {
  const dash = `${' '.repeat(itemColumn)}-${' '.repeat(Math.max(1, keyColumn - itemColumn - 1))}`;
  const indent = ' '.repeat(dash.length);
  return fieldLines(entries).map((line, i) => (i === 0 ? dash + line : line === '' ? '' : indent + line));
}
