/**
 * Writing YAML by hand, a line at a time: the scaffolder and the importer both emit small
 * pieces of frontmatter text rather than re-serialising a whole file, so an author's
 * comments, quoting and key order are never disturbed. Every emitted value is checked by
 * parsing it back, so a title with a colon or a quote can never produce a broken file.
 */
import matter from 'gray-matter';

/** What YAML reads back from `key: <text>` (and nested lines), or undefined if it cannot. */
/** True when text holds a C0 control character or DEL, which a single-quoted YAML string cannot carry. */
function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function parseBack(lines: string[]): unknown {
  try {
    // An options object keeps gray-matter from caching every text it parses.
    return matter(`---\n${lines.join('\n')}\n---\n`, { excerpt: false }).data.v;
  } catch {
    return undefined;
  }
}

/**
 * A single-line YAML value for `value`: plain when YAML reads it back unchanged
 * (`Deliver neglect training`), otherwise quoted (`"Part A: Strategic Objectives"`, `'The "Lurking Trolls" campaign'`).
 */
export function yamlScalar(value: string): string {
  const plainCandidate = value !== '' && value === value.trim() && !/[\n\r\t]/.test(value) && /^[^\s'"\-?:,[\]{}#&*!|>%@`]/.test(value);
  if (plainCandidate && parseBack([`v: ${value}`]) === value) return value;
  // Single quotes read better than escaped double quotes; they cannot hold line breaks or controls.
  if (value.includes('"') && !value.includes("'") && !hasControlCharacter(value)) return `'${value}'`;
  return JSON.stringify(value);
}

/**
 * The lines of `key: value` at `indent` spaces (the first line may carry a prefix like "- "
 * in place of its indentation). Multi-line text is written as a literal block (`|-`) so an
 * author can read and edit it; anything a block cannot hold exactly is double-quoted.
 */
export function yamlField(key: string, value: string, indent: number, firstPrefix?: string): string[] {
  const lead = firstPrefix ?? ' '.repeat(indent);
  if (value.includes('\n')) {
    const blockLines = value.split('\n');
    const blockSafe =
      !/[\r\t]/.test(value) &&
      !blockLines[0].startsWith(' ') &&
      blockLines.every((line) => line === line.trimEnd()) &&
      !value.endsWith('\n');
    const block = (first: string, name: string, pad: string) => [
      `${first}${name}: |-`,
      ...blockLines.map((line) => (line === '' ? '' : `${pad}${line}`)),
    ];
    if (blockSafe && parseBack(block('', 'v', '  ')) === value) return block(lead, key, ' '.repeat(indent + 2));
    return [`${lead}${key}: ${JSON.stringify(value)}`];
  }
  return [`${lead}${key}: ${yamlScalar(value)}`];
}

/** One line of a text file and the line ending it had (empty for a last line without one). */
export interface Line {
  text: string;
  eol: string;
}

/** Splits text into lines, keeping each line's own ending so the file can be rebuilt byte for byte. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n' || char === '\r') {
      const eol = char === '\r' && text[i + 1] === '\n' ? '\r\n' : char;
      lines.push({ text: text.slice(start, i), eol });
      i += eol.length - 1;
      start = i + 1;
    }
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}
