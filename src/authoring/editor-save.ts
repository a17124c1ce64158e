/**
 * What the editor writes when a form is saved. A new file is written whole, its fields in the
 * form's order. An existing file is changed field by field through the frontmatter editor
 * (frontmatter-edit.ts), so only the edited fields' lines change: a field set to text or a number
 * is replaced in place, a cleared one removed, a progress update (or any entry of fields) added at
 * the end of its list. A change the editor cannot make that way (a list entry edited in the
 * middle, a value over several lines) is refused with the reason, never written by re-printing
 * the whole frontmatter. The result is read back and compared with what the form meant to save.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseSource } from '../model/load.ts';
import { EditError, FrontmatterEditor } from './frontmatter-edit.ts';
import { field, newFrontmatter } from './frontmatter-write.ts';

export type FormData = Record<string, unknown>;

/** A new file: its fields in the order the form has them (empty ones left out), then its body. */
export function newFileText(data: FormData, body: string): string {
  const fields = Object.entries(data)
    .filter(([, value]) => !isEmpty(value))
    .map(([key, value]) => field(key, value));
  return `---\n${newFrontmatter(fields)}---\n${body.trim() === '' ? '' : `\n${body.trim()}\n`}`;
}

/**
 * The file's text with `after` saved over `before` (both the frontmatter as read): only the keys
 * whose values differ are touched. Throws EditError when a change cannot be made line by line.
 */
export function savedText(text: string, before: FormData, after: FormData): string {
  const editor = new FrontmatterEditor(text);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (isDeepStrictEqual(before[key], after[key])) continue;
    applyChange(editor, key, before[key], after[key]);
  }
  const saved = parseSource(editor.text);
  const intended = Object.fromEntries(Object.entries(after).filter(([, value]) => !isEmpty(value)));
  if (!saved.data || !isDeepStrictEqual(withoutEmpty(saved.data), intended)) {
    throw new EditError('the change could not be written without disturbing the rest of the file');
  }
  return editor.text;
}

function applyChange(editor: FrontmatterEditor, key: string, was: unknown, now: unknown): void {
  if (isEmpty(now)) {
    editor.removeField(key);
    return;
  }
  if (typeof now === 'string' || typeof now === 'number') {
    editor.setField(key, now);
    return;
  }
  if (Array.isArray(now) && (was === undefined || Array.isArray(was))) {
    const earlier = (was ?? []) as unknown[];
    const kept = now.slice(0, earlier.length);
    const added = now.slice(earlier.length);
    if (isDeepStrictEqual(kept, earlier) && added.every(isFlatEntry)) {
      for (const entry of added) editor.appendListItem(key, filledFields(entry));
      return;
    }
  }
  throw new EditError(`"${key}" changed in a way the editor cannot write line by line: change it in the file itself`);
}

/** An entry of text and number fields, like a progress update. */
function isFlatEntry(value: unknown): value is Record<string, string | number | undefined> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number' || v === undefined)
  );
}

/** An entry's fields that have a value, as the frontmatter editor writes them. */
function filledFields(entry: Record<string, string | number | undefined>): Array<[string, string | number]> {
  const filled: Array<[string, string | number]> = [];
  for (const [key, value] of Object.entries(entry)) if (value !== undefined && value !== '') filled.push([key, value]);
  return filled;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function withoutEmpty(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !isEmpty(value)));
}
