/**
 * Edits to a file's frontmatter that change only what they change: set or remove a field, add
 * an entry to a list, move a field into a group. The file is read with the loader's own YAML
 * reader (src/model/frontmatter-yaml.ts), whose document says where each field's value starts and
 * ends in the text; an edit replaces exactly those characters, or inserts whole lines, with text
 * the `yaml` package writes (src/authoring/frontmatter-write.ts). Every other byte stays as it
 * was: comments, key order, quoting, indentation, blank lines, the body, line endings, a
 * byte-order mark. Printing the edited document whole would not keep them (it re-spaces comments,
 * re-indents lists and re-folds folded text). The callers read the result back with the loader
 * and compare it with the data they intend, so an edit this module gets wrong is refused, never
 * written.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type CST, type Node, type Pair } from 'yaml';
import { FrontmatterYamlError, readYamlDocument } from '../model/frontmatter-yaml.ts';
import { fieldLines, listItemLines, valueText } from './frontmatter-write.ts';

/** A reason an edit cannot be made safely; the file is then left alone. */
export class EditError extends Error {}

/**
 * Where a field the file does not have goes: as the first line of the frontmatter, or after the
 * first of `after` the file has, else before the first of `before` (and the comment lines just
 * above it), else after the last field.
 */
export interface Placement {
  first?: boolean;
  after?: readonly string[];
  before?: readonly string[];
}

type Field = Pair<Node, Node | null>;

/**
 * Where the last thing written in a value ends. A list or group of fields written as lines ends
 * with its last entry's value: the package counts the comment lines after it as part of it, even
 * those at the left edge that introduce the next field.
 */
function contentEnd(node: Node): number {
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const last = node.items.at(-1) as Node | Field | undefined;
    if (isPair(last)) return contentEnd(last.value ?? last.key);
    if (last) return contentEnd(last);
  }
  return node.range![1];
}

export class FrontmatterEditor {
  /** The whole file, as it will be written. */
  #text = '';
  /** The same text with any lone carriage return as a line feed (same length): what YAML reads and lines are found in. */
  #lines = '';
  /** Where the frontmatter's YAML starts (after the opening "---" line) and where the closing "---" line starts. */
  #start = 0;
  #end = 0;
  /** What a new line ends with: what the opening "---" line ends with. */
  #eol = '\n';
  #fields: Field[] = [];

  constructor(text: string) {
    this.#text = text;
    this.#read();
  }

  /** The file's text with every edit made so far. */
  get text(): string {
    return this.#text;
  }

  #read(): void {
    this.#lines = this.#text.replace(/\r(?!\n)/g, '\n');
    const bom = this.#text.startsWith('\uFEFF') ? 1 : 0;
    const opening = /^---(\r\n|\n|\r)/.exec(this.#text.slice(bom));
    if (!opening) throw new EditError('the file does not start with a "---" line');
    this.#eol = opening[1];
    this.#start = bom + opening[0].length;
    // The same rule as the loader: the frontmatter ends at the first line starting with "---".
    const close = this.#lines.indexOf('\n---', this.#start - 1);
    if (close === -1) throw new EditError('the frontmatter is never closed');
    this.#end = close + 1;
    let contents: unknown;
    try {
      contents = readYamlDocument(this.#lines.slice(this.#start, this.#end), { keepSourceTokens: true }).contents;
    } catch (error) {
      if (error instanceof FrontmatterYamlError) throw new EditError(error.message);
      throw error;
    }
    if (contents !== null && (!isMap(contents) || contents.flow))
      throw new EditError('the frontmatter is not written as "field: value" lines');
    this.#fields = contents === null ? [] : (contents.items as Field[]);
  }

  #field(key: string): Field | undefined {
    return this.#fields.find((pair) => isScalar(pair.key) && pair.key.value === key);
  }

  /** A position in the YAML as a position in the file. */
  #at(offset: number): number {
    return this.#start + offset;
  }

  #lineStart(offset: number): number {
    return this.#lines.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The start of the line after the text that ends at `end` (which may itself end with its line break). */
  #nextLine(end: number): number {
    if (this.#lines[end - 1] === '\n') return end;
    const next = this.#lines.indexOf('\n', end);
    return next === -1 ? this.#lines.length : next + 1;
  }

  /** Where a field's last line ends: after its value and any comment on that line. */
  #valueEnd(pair: Field): number {
    return this.#nextLine(this.#at(contentEnd(pair.value ?? pair.key)));
  }

  /**
   * Where what follows a field goes: after its value and the indented comment lines just below
   * it (a note on its last entry, say), before the comment lines at the left edge that introduce
   * the next field.
   */
  #fieldEnd(pair: Field): number {
    let end = this.#valueEnd(pair);
    for (let line = end; line < this.#end;) {
      const next = this.#lines.indexOf('\n', line) + 1;
      const text = this.#lines.slice(line, next);
      if (/^[ \t]+#/.test(text)) end = next;
      else if (text.trim() !== '') break;
      line = next;
    }
    return end;
  }

  /** Just after the colon that follows the field's name. */
  #colon(pair: Field): number {
    return this.#lines.indexOf(':', this.#at(pair.key.range![1])) + 1;
  }

  #column(offset: number): number {
    return offset - this.#lineStart(offset);
  }

  #splice(from: number, to: number, text: string): void {
    this.#text = this.#text.slice(0, from) + text + this.#text.slice(to);
    this.#read();
  }

  #insertLines(at: number, lines: readonly string[]): void {
    this.#splice(at, at, lines.map((line) => line + this.#eol).join(''));
  }

  /** Moves a line start up over the comment lines (at the left edge) just above it. */
  #aboveComments(lineStart: number): number {
    let at = lineStart;
    while (at > this.#start && this.#lines[this.#lineStart(at - 1)] === '#') at = this.#lineStart(at - 1);
    return at;
  }

  #insertionPoint(place: Placement): number {
    if (place.first) return this.#start;
    for (const key of place.after ?? []) {
      const found = this.#field(key);
      if (found) return this.#fieldEnd(found);
    }
    for (const key of place.before ?? []) {
      const found = this.#field(key);
      if (found) return this.#aboveComments(this.#lineStart(this.#at(found.key.range![0])));
    }
    const last = this.#fields.at(-1);
    return last ? this.#fieldEnd(last) : this.#end;
  }

  /**
   * Sets a field to text or a number: in place of its value where it has one (in the value's own
   * quoting where YAML can read the new value from it, with the spaces and any comment after it
   * kept), otherwise as a new `key: value` line where `place` says. Returns what it did.
   */
  setField(key: string, value: string | number, place: Placement = {}): 'replaced' | 'inserted' {
    const pair = this.#field(key);
    if (!pair) {
      this.#insertLines(this.#insertionPoint(place), fieldLines([[key, value]]));
      return 'inserted';
    }
    const node = pair.value;
    if (isAlias(node) || node?.anchor || node?.tag) {
      throw new EditError(`the field "${key}" is written with a YAML anchor, alias or tag (&, * or !), so it cannot be changed safely`);
    }
    if (!isScalar(node)) throw new EditError(`the field "${key}" is not written on one line, so it cannot be changed safely`);
    if (node.value === null) {
      // `key:` with nothing after it but perhaps a comment: the value goes after the colon.
      const colon = this.#colon(pair);
      const rest = this.#lines.slice(colon, this.#nextLine(colon)).replace(/[\r\n]+$/, '');
      this.#splice(colon, colon + rest.length, ` ${valueText(value)}${rest.trim() === '' ? '' : rest}`);
      return 'replaced';
    }
    const [start, end] = [this.#at(node.range![0]), this.#at(node.range![1])];
    // A block (| or >) ends with its line break, which stays.
    const kept = /[\r\n]*$/.exec(this.#text.slice(start, end))![0].length;
    this.#splice(start, end - kept, valueText(value, node.type));
    return 'replaced';
  }

  /** Removes a field, every line of it; does nothing when it is absent. Comment lines above it stay. */
  removeField(key: string): boolean {
    const pair = this.#field(key);
    if (!pair) return false;
    if (pair.value?.anchor)
      throw new EditError(`the field "${key}" is repeated elsewhere (*${pair.value.anchor}), so it cannot be removed safely`);
    this.#splice(this.#lineStart(this.#at(pair.key.range![0])), this.#valueEnd(pair), '');
    return true;
  }

  /**
   * Adds one entry, a group of fields, at the end of the list `key`, with its dash and field names
   * in the columns of the entries already there; creates the list where `place` says when the
   * file has none, and fills an empty one (`key:` or `key: []`).
   */
  appendListItem(key: string, entries: ReadonlyArray<readonly [string, string | number]>, place: Placement = {}): void {
    const pair = this.#field(key);
    if (!pair) {
      this.#insertLines(this.#insertionPoint(place), fieldLines([[key, [Object.fromEntries(entries)]]]));
      return;
    }
    const list = pair.value;
    if (isScalar(list) && list.value === null) {
      this.#insertLines(this.#nextLine(this.#colon(pair)), listItemLines(entries, 2, 4));
      return;
    }
    if (isSeq(list) && list.flow) {
      if (list.items.length > 0) {
        throw new EditError(
          `the list "${key}" is written on one line ([...]), so an entry cannot be added safely: write it as one "- " line per entry`,
        );
      }
      // `key: []` becomes `key:`, keeping any comment after it, with the entry on the lines below.
      const [colon, end] = [this.#colon(pair), this.#at(list.range![1])];
      if (this.#lines.slice(colon, end).includes('\n')) throw new EditError(`the field "${key}" cannot be extended safely`);
      this.#splice(colon, end, '');
      this.#insertLines(this.#nextLine(this.#colon(this.#field(key)!)), listItemLines(entries, 2, 4));
      return;
    }
    if (!isSeq(list) || list.anchor || list.tag) {
      throw new EditError(`the list "${key}" is not written as "- " lines, so an entry cannot be added safely`);
    }
    const first = (list.srcToken as CST.BlockSequence).items[0].start.find((token) => token.type === 'seq-item-ind')!;
    const dash = this.#at(first.offset);
    const firstItem = list.items[0] as Node | null;
    const keyColumn = firstItem?.range ? this.#column(this.#at(firstItem.range[0])) : this.#column(dash) + 2;
    this.#insertLines(this.#fieldEnd(pair), listItemLines(entries, this.#column(dash), keyColumn));
  }

  /**
   * Moves a field written on one line to be the first field of the group `group` (`branding:`),
   * as written: its quoting and any comment after it go with it. Where there is no such group,
   * the field's own line becomes the group, so the comments around it stay beside it.
   */
  moveIntoGroup(key: string, group: string): void {
    const pair = this.#field(key);
    if (!pair) return;
    const line = this.#lineStart(this.#at(pair.key.range![0]));
    const lineEnd = this.#valueEnd(pair);
    // The field as written, its name's quoting and the comment after it included.
    const moved = this.#text.slice(this.#at(pair.key.range![0]), lineEnd).replace(/[\r\n]+$/, '');
    if (!isScalar(pair.value) || pair.value.value === null || this.#lines.slice(line, lineEnd - 1).includes('\n')) {
      throw new EditError(`${key}: is written over several lines, so it cannot be moved safely: move it under ${group}: by hand`);
    }
    const target = this.#field(group);
    if (!target) {
      const eol = /[\r\n]*$/.exec(this.#text.slice(line, lineEnd))![0];
      this.#splice(line, lineEnd, `${group}:${eol}  ${moved}${this.#eol}`);
      return;
    }
    const members = target.value;
    if (!(isMap(members) && !members.flow) && !(isScalar(members) && members.value === null)) {
      throw new EditError(`${group}: is written on one line, so ${key}: cannot be moved into it safely: move it by hand`);
    }
    const firstMember = isMap(members) ? (members.items[0] as Field | undefined) : undefined;
    const indent = firstMember
      ? this.#text.slice(this.#lineStart(this.#at(firstMember.key.range![0])), this.#at(firstMember.key.range![0]))
      : '  ';
    const at = this.#nextLine(this.#at(target.key.range![1]));
    // The later edit first, so the earlier one's place in the text still holds.
    if (at > line) {
      this.#insertLines(at, [indent + moved]);
      this.#splice(line, lineEnd, '');
    } else {
      this.#splice(line, lineEnd, '');
      this.#insertLines(at, [indent + moved]);
    }
  }
}
