/**
 * `plan-publisher migrate --layout editor`: lays every content file out as the editor on GitHub
 * (Sveltia CMS) writes it (src/authoring/editor-layout.ts), once, so that from then on each save
 * there changes only the lines that were edited, and a pull request shows the change and nothing
 * else. Like the format migration (migrate.ts) it shows every change as a diff first and changes
 * every file or none; each rewritten file is read back and must say exactly what it said before,
 * body included. The editor cannot keep comments, so every comment this removes is listed, file by
 * file and line by line, before anything is written.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { ContentType } from '../../schemas/index.ts';
import { loadContent, parseSource, type SourceFile } from '../model/load.ts';
import { visible } from '../model/terminal-text.ts';
import { cmsFields, type CmsField } from './cms-config.ts';
import { displayPath } from './content.ts';
import { editorConfig } from './editor-config.ts';
import { commentLines, editorBody, editorFileText, type CommentLine } from './editor-layout.ts';
import { planMigration, unifiedDiff, type MigrationPlan } from './migrate.ts';
import type { FileWrite } from './write-files.ts';

export interface LayoutPlan {
  /** The files to rewrite, each with the text it has and the text it will have. */
  writes: FileWrite[];
  /** The comments each rewritten file loses, by the line they are on now. */
  comments: Map<string, CommentLine[]>;
  /** Files that stop the change: none is changed while any is listed. */
  refusals: MigrationPlan['refusals'];
  diff: string;
}

/** The form's fields of each content type, for the partnership a file belongs to. */
function formFields(contentDir: string): (file: SourceFile) => CmsField[] {
  const byPartnership = new Map<string, Map<ContentType, CmsField[]>>();
  return (file) => {
    let types = byPartnership.get(file.partnership);
    if (!types) {
      types = new Map(editorConfig(contentDir, file.partnership).collections.map((c) => [c.type, cmsFields(c)]));
      byPartnership.set(file.partnership, types);
    }
    return types.get(file.type) ?? [];
  };
}

/** The file in the editor's layout, or why it cannot be: it would not read as the same data and text. */
function laidOut(file: SourceFile, fields: readonly CmsField[]): { before: string; after: string } | { refusal: string } {
  const before = readFileSync(file.absolutePath, 'utf8');
  const body = editorBody(before);
  const after = editorFileText(file.data, body, fields);
  const reread = parseSource(after);
  const sameText = editorBody(after) === body && reread.body.trim() === file.body.trim();
  if (!reread.data || !isDeepStrictEqual(reread.data, file.data) || !sameText) {
    return {
      refusal:
        "in the editor's layout this file would not say exactly what it says now, so it was not changed: please report this, and edit this file with npm run edit meanwhile",
    };
  }
  return { before, after };
}

export function planEditorLayout(contentDir: string): LayoutPlan {
  const loaded = loadContent(contentDir);
  const refusals: LayoutPlan['refusals'] = loaded.problems
    .filter((problem) => problem.severity !== 'warning')
    .map((problem) => ({ file: problem.file, reason: `${problem.line ? `line ${problem.line}: ` : ''}${problem.message}` }));
  // The layout is the newest format's: older content is moved to it first.
  for (const write of planMigration(contentDir).writes) {
    refusals.push({ file: write.file, reason: 'this file is written in an older content format: run npm run migrate first' });
  }
  const writes: FileWrite[] = [];
  const comments = new Map<string, CommentLine[]>();
  const fieldsOf = formFields(contentDir);
  for (const file of loaded.files) {
    // A file of comments alone (a year named by its file) is left as it is: the editor would write it with no frontmatter at all.
    if (Object.keys(file.data).length === 0) continue;
    const result = laidOut(file, fieldsOf(file));
    if ('refusal' in result) refusals.push({ file: file.displayPath, reason: result.refusal });
    else if (result.after !== result.before) {
      writes.push({ absolutePath: file.absolutePath, file: file.displayPath, ...result });
      const lost = commentLines(result.before);
      if (lost.length > 0) comments.set(file.displayPath, lost);
    }
  }
  return { writes, comments, refusals, diff: unifiedDiff(writes) };
}

/** The report before asking: every change, and every comment that would be lost. */
export function describeLayoutPlan(plan: LayoutPlan, contentDir: string): string {
  if (plan.refusals.length > 0) {
    return [
      ...plan.refusals.map((r) => `error ${r.file}\n    ${r.reason}`),
      '',
      `The content cannot be laid out for the editor on GitHub until ${plan.refusals.length === 1 ? 'this is' : 'these are'} fixed. Nothing was changed.`,
    ].join('\n');
  }
  if (plan.writes.length === 0) {
    return `Every file in ${displayPath(contentDir) || '.'} is already laid out as the editor on GitHub writes it. Nothing to change.`;
  }
  const count = plan.writes.length === 1 ? 'this file changes' : `these ${plan.writes.length} files change`;
  return [
    plan.diff.trimEnd(),
    '',
    `To lay the content out as the editor on GitHub writes it, ${count}: fields in the form's order, quotes and`,
    'spacing as the editor writes them, an empty line before the text. What each file says stays the same.',
    ...plan.writes.map((w) => `  ${w.file}${encodingNote(w.before)}`),
    '',
    ...commentReport(plan.comments),
  ].join('\n');
}

/** What else changes in a file saved on Windows, which the diff does not show plainly. */
function encodingNote(text: string): string {
  const notes = [
    ...(text.startsWith('\uFEFF') ? ['its byte-order mark is dropped'] : []),
    ...(text.includes('\r') ? ['its Windows line endings become plain ones'] : []),
  ];
  return notes.length === 0 ? '' : ` (${notes.join(', and ')}, as the editor writes files)`;
}

/** Every comment that would be removed, by file and line; the editor on GitHub cannot keep them. */
function commentReport(comments: LayoutPlan['comments']): string[] {
  if (comments.size === 0) return ['No comments are removed.'];
  const total = [...comments.values()].reduce((sum, lines) => sum + lines.length, 0);
  return [
    `The editor on GitHub cannot keep comments, so ${total === 1 ? 'this comment is' : `these ${total} comments are`} removed.`,
    'Copy anything you still need into the text below the frontmatter, or into your notes, first:',
    ...[...comments].flatMap(([file, lines]) => [`  ${file}`, ...lines.map((c) => `    line ${c.line}: ${visible(c.text)}`)]),
  ];
}
