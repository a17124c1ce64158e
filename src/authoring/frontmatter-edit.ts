/**
 * Surgical edits to a file's frontmatter, a line at a time: set or remove a one-line field,
 * append an item to a list. Every line not edited stays exactly as it was (comments, key
 * order, quoting, the body, line endings, a byte-order mark), which re-serialising the YAML
 * could never promise. The caller re-parses the result and compares it with the data it
 * expects, so an edit this module gets wrong is caught before anything is written.
 */
import { joinLines, splitLines, yamlField, yamlScalar, type Line } from './yaml-text.ts';

export interface FrontmatterDocument {
  /** A byte-order mark the file starts with, or "". */
  bom: string;
  lines: Line[];
  /** Index of the closing "---" line (the opening one is line 0). */
  close: number;
  /** The line ending new lines get: the one the opening "---" line has. */
  eol: string;
}

/** A field at the top level of the frontmatter and the lines its value spans. */
export interface TopLevelField {
  key: string;
  /** Index of the `key:` line. */
  line: number;
  /** Index just after the last line of its value (blank and comment lines after it excluded). */
  end: number;
  /** What follows the colon on the key's own line, untrimmed. */
  inline: string;
}

/** A reason an edit cannot be made safely; the file is then left alone. */
export class EditError extends Error {}

export function openFrontmatter(text: string): FrontmatterDocument {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = splitLines(text.slice(bom.length));
  if (lines.length === 0 || lines[0].text !== '---' || lines[0].eol === '')
    throw new EditError('the file does not start with a "---" line');
  // The same rule as the loader: the frontmatter ends at the first line starting with "---".
  const close = lines.findIndex((line, i) => i > 0 && line.text.startsWith('---'));
  if (close === -1) throw new EditError('the frontmatter is never closed');
  return { bom, lines, close, eol: lines[0].eol };
}

export function renderDocument(doc: FrontmatterDocument): string {
  return doc.bom + joinLines(doc.lines);
}

const keyPattern = /^([A-Za-z0-9_-]+)[ \t]*:(?=[ \t]|$)/;

const isBlank = (text: string) => text.trim() === '';
const isComment = (text: string) => text.trimStart().startsWith('#');

export function topLevelFields(doc: FrontmatterDocument): TopLevelField[] {
  const fields: TopLevelField[] = [];
  for (let i = 1; i < doc.close; i += 1) {
    const match = keyPattern.exec(doc.lines[i].text);
    if (!match) continue;
    let end = i + 1;
    for (let j = i + 1; j < doc.close; j += 1) {
      const text = doc.lines[j].text;
      if (isBlank(text)) continue;
      const indented = /^[ \t]/.test(text);
      if (indented || /^-([ \t]|$)/.test(text)) {
        end = j + 1;
        continue;
      }
      if (isComment(text)) continue;
      break;
    }
    fields.push({ key: match[1], line: i, end, inline: doc.lines[i].text.slice(match[0].length) });
  }
  return fields;
}

function field(doc: FrontmatterDocument, key: string): TopLevelField | undefined {
  const matches = topLevelFields(doc).filter((f) => f.key === key);
  if (matches.length > 1) throw new EditError(`the field "${key}" is written more than once`);
  return matches[0];
}

/** The value token on a `key: value  # comment` line: where it starts and ends, and its quoting. */
function inlineToken(inline: string): { start: number; end: number; quote: '"' | "'" | '' } | undefined {
  const start = inline.length - inline.trimStart().length;
  const rest = inline.slice(start);
  if (rest === '' || rest.startsWith('#')) return undefined;
  if (/^[|>[{&*!%@`]/.test(rest)) return undefined;
  if (rest[0] === '"') {
    for (let i = 1; i < rest.length; i += 1) {
      if (rest[i] === '\\') i += 1;
      else if (rest[i] === '"') return { start, end: start + i + 1, quote: '"' };
    }
    return undefined;
  }
  if (rest[0] === "'") {
    for (let i = 1; i < rest.length; i += 1) {
      if (rest[i] === "'" && rest[i + 1] === "'") i += 1;
      else if (rest[i] === "'") return { start, end: start + i + 1, quote: "'" };
    }
    return undefined;
  }
  const comment = rest.search(/[ \t]#/);
  const token = (comment === -1 ? rest : rest.slice(0, comment)).trimEnd();
  return { start, end: start + token.length, quote: '' };
}

function quoteLike(value: string, quote: '"' | "'" | ''): string {
  if (quote === '"') return JSON.stringify(value);
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  return yamlScalar(value);
}

function insertLines(doc: FrontmatterDocument, at: number, texts: string[]): void {
  doc.lines.splice(at, 0, ...texts.map((text) => ({ text, eol: doc.eol })));
  doc.close += texts.length;
}

/** Where a new top-level field goes: after `after`, else before `before` (and its comments), else after the last field. */
function insertionPoint(doc: FrontmatterDocument, after: string[], before: string[]): number {
  const fields = topLevelFields(doc);
  for (const key of after) {
    const found = fields.find((f) => f.key === key);
    if (found) return found.end;
  }
  for (const key of before) {
    const found = fields.find((f) => f.key === key);
    if (found) {
      let at = found.line;
      while (at > 1 && isComment(doc.lines[at - 1].text) && !/^[ \t]/.test(doc.lines[at - 1].text)) at -= 1;
      return at;
    }
  }
  return fields.length > 0 ? Math.max(...fields.map((f) => f.end)) : doc.close;
}

/**
 * Sets a one-line field: replaces the value in place (keeping its quoting, the spaces around it
 * and any comment after it), or inserts `key: value` where `after`/`before` say. A number is
 * written bare, so YAML reads it back as a number. Returns what it did.
 */
export function setField(
  doc: FrontmatterDocument,
  key: string,
  value: string | number,
  place: { after?: string[]; before?: string[] } = {},
): 'replaced' | 'inserted' {
  const found = field(doc, key);
  if (!found) {
    const written = typeof value === 'number' ? String(value) : yamlScalar(value);
    insertLines(doc, insertionPoint(doc, place.after ?? [], place.before ?? []), [`${key}: ${written}`]);
    return 'inserted';
  }
  const token = inlineToken(found.inline);
  if (!token || found.end !== found.line + 1)
    throw new EditError(`the field "${key}" is not written on one line, so it cannot be changed safely`);
  const line = doc.lines[found.line];
  const prefix = line.text.length - found.inline.length;
  const written = typeof value === 'number' ? String(value) : quoteLike(value, token.quote);
  line.text = line.text.slice(0, prefix + token.start) + written + line.text.slice(prefix + token.end);
  return 'replaced';
}

/** Removes a one-line field; does nothing when it is absent. */
export function removeField(doc: FrontmatterDocument, key: string): boolean {
  const found = field(doc, key);
  if (!found) return false;
  if (!inlineToken(found.inline) || found.end !== found.line + 1) {
    throw new EditError(`the field "${key}" is not written on one line, so it cannot be removed safely`);
  }
  doc.lines.splice(found.line, 1);
  doc.close -= 1;
  return true;
}

/**
 * Appends one item, a map of `entries`, to the block list `key`, matching the indentation of
 * the items already there; creates the list (after the last field) when it is absent or `[]`.
 */
export function appendListItem(
  doc: FrontmatterDocument,
  key: string,
  entries: Array<[string, string | number]>,
  place: { after?: string[] } = {},
): void {
  const found = field(doc, key);
  const item = (itemColumn: number, keyColumn: number) =>
    entries.flatMap(([name, value], i) => {
      const prefix = i === 0 ? `${' '.repeat(itemColumn)}-${' '.repeat(Math.max(1, keyColumn - itemColumn - 1))}` : undefined;
      // A number is written bare, so YAML reads it back as a number, not as text.
      if (typeof value === 'number') return [`${prefix ?? ' '.repeat(keyColumn)}${name}: ${String(value)}`];
      // Dates are written bare, as authors write them: YAML reads both forms as the same day.
      if (name === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return [`${prefix ?? ' '.repeat(keyColumn)}${name}: ${value}`];
      return yamlField(name, value, keyColumn, prefix);
    });
  if (!found) {
    insertLines(doc, insertionPoint(doc, place.after ?? [], []), [`${key}:`, ...item(2, 4)]);
    return;
  }
  const inline = found.inline.trim();
  const emptyFlow = /^\[\s*\](\s+#.*)?$/.exec(inline);
  if (emptyFlow) {
    if (found.end !== found.line + 1) throw new EditError(`the field "${key}" cannot be extended safely`);
    const line = doc.lines[found.line];
    line.text = `${key}:${emptyFlow[1] ?? ''}`;
    insertLines(doc, found.line + 1, item(2, 4));
    return;
  }
  if (inline !== '' && !inline.startsWith('#')) {
    throw new EditError(
      `the list "${key}" is written on one line ([...]), so an entry cannot be added safely: write it as one "- " line per entry`,
    );
  }
  let itemColumn = -1;
  let keyColumn = -1;
  for (let i = found.line + 1; i < found.end; i += 1) {
    const text = doc.lines[i].text;
    if (isBlank(text) || isComment(text)) continue;
    const dash = /^([ \t]*)-([ \t]+)(\S)?/.exec(text);
    if (!dash || /\t/.test(dash[1]))
      throw new EditError(`the list "${key}" is not written as "- " lines, so an entry cannot be added safely`);
    itemColumn = dash[1].length;
    if (dash[3] !== undefined) keyColumn = itemColumn + 1 + dash[2].length;
    else {
      const next = doc.lines.slice(i + 1, found.end).find((l) => !isBlank(l.text) && !isComment(l.text));
      keyColumn = next ? next.text.length - next.text.trimStart().length : itemColumn + 2;
    }
    break;
  }
  if (itemColumn === -1) throw new EditError(`the list "${key}" has no entries the import can follow`);
  insertLines(doc, found.end, item(itemColumn, keyColumn));
}
