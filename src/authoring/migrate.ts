/**
 * `plan-publisher migrate`: rewrites a plan written for an older content format (src/model/content-format.ts)
 * into the newest, so that a partnership can upgrade the tool without learning what changed. It
 * plans every change first and shows it as a unified diff; then it changes every file or none
 * (src/authoring/write-files.ts). Edits change only the characters they must (src/authoring/frontmatter-edit.ts),
 * so comments, quoting and everything not migrated stay exactly as the author wrote them, and each rewritten file is read
 * back and compared with what the migration means, so a wrong edit is refused, never written.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { currentFormat, formatOf } from '../model/content-format.ts';
import { loadContent, parseSource, type SourceFile } from '../model/load.ts';
import { displayPath } from './content.ts';
import { EditError, FrontmatterEditor } from './frontmatter-edit.ts';
import type { FileWrite } from './write-files.ts';

/** One step between formats: what it changes for authors, and the edit that makes it. */
interface Step {
  to: number;
  summary: string;
  /** Edits the file; returns the frontmatter data the edited file must read as. */
  apply(file: FrontmatterEditor, data: Record<string, unknown>): Record<string, unknown>;
}

const steps: Step[] = [
  {
    to: 2,
    summary: 'adds "format: 2", and moves colour: under branding:',
    apply(file, data) {
      const expected: Record<string, unknown> = { ...data };
      if (data.colour !== undefined) {
        const existing = data.branding;
        if (existing !== undefined && (existing === null || typeof existing !== 'object' || Array.isArray(existing))) {
          throw new EditError('branding: is not a group of fields, so colour: cannot be moved into it: run the check and fix it first');
        }
        const brandingData = (existing ?? {}) as Record<string, unknown>;
        if (brandingData.colour !== undefined) {
          throw new EditError('there is a colour both at the top and under branding:: keep one of them, then run migrate again');
        }
        delete expected.colour;
        expected.branding = { ...brandingData, colour: data.colour };
        // As written, with its quoting and any comment after it; the comments around it stay where they are.
        file.moveIntoGroup('colour', 'branding');
      }
      // In place of the format line's value (its comment stays), or as the first line of the frontmatter.
      file.setField('format', 2, { first: true });
      expected.format = 2;
      return expected;
    },
  },
];

export interface MigrationPlan {
  /** The files to rewrite, each with the text it has and the text it will have. */
  writes: FileWrite[];
  /** What each rewritten file goes through, like "format 1 to 2: adds ...". */
  summaries: Map<string, string[]>;
  /** Files that stop the migration: none is changed while any is listed. */
  refusals: Array<{ file: string; reason: string }>;
  /** Every file's change as one unified diff. */
  diff: string;
}

/** True when a partnership file needs a step: written in an older format, or holding what its format moved. */
function needsMigration(file: SourceFile): boolean {
  const format = formatOf(file.data);
  return format !== undefined && (format < currentFormat || file.data.colour !== undefined);
}

export function planMigration(contentDir: string): MigrationPlan {
  const loaded = loadContent(contentDir);
  const writes: FileWrite[] = [];
  const summaries = new Map<string, string[]>();
  const refusals: MigrationPlan['refusals'] = [];
  // A partnership.md that cannot be read cannot be migrated: say so, and change nothing anywhere.
  for (const problem of loaded.problems) {
    if (/(^|\/)partnership\.md$/.test(problem.file)) refusals.push({ file: problem.file, reason: problem.message });
  }
  for (const file of loaded.files) {
    if (file.type !== 'partnership' || !needsMigration(file)) continue;
    const format = formatOf(file.data) ?? currentFormat;
    if (format > currentFormat) continue; // the check says to upgrade the tool
    try {
      // The text on disk now: what the rewrite starts from, and what write-files checks is still there.
      const before = readFileSync(file.absolutePath, 'utf8');
      const doc = new FrontmatterEditor(before);
      let expected = file.data;
      const done: string[] = [];
      for (const step of steps.filter((s) => s.to > format || (s.to === format && file.data.colour !== undefined))) {
        expected = step.apply(doc, expected);
        done.push(
          step.to > format ? `format ${step.to - 1} to ${step.to}: ${step.summary}` : `format ${step.to}: colour: moves under branding:`,
        );
      }
      const after = doc.text;
      const reread = parseSource(after);
      if (!reread.data || !isDeepStrictEqual(reread.data, expected) || reread.body !== parseSource(before).body) {
        throw new EditError('the rewritten file would not say the same as before, so it was not changed: please report this');
      }
      writes.push({ absolutePath: file.absolutePath, file: file.displayPath, before, after });
      summaries.set(file.displayPath, done);
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      refusals.push({ file: file.displayPath, reason: error.message });
    }
  }
  return { writes, summaries, refusals, diff: unifiedDiff(writes) };
}

/** Every file's change as one unified diff, two lines of context around each change. */
export function unifiedDiff(writes: readonly FileWrite[]): string {
  const diff = writes.map((w) => createTwoFilesPatch(`a/${w.file}`, `b/${w.file}`, w.before, w.after, '', '', { context: 2 })).join('');
  return diff.replace(/^=+\n/gm, '');
}

/** The report before asking: what will change, and in which files. */
export function describePlan(plan: MigrationPlan, contentDir: string): string {
  if (plan.refusals.length > 0) {
    return [
      ...plan.refusals.map((r) => `error ${r.file}\n    ${r.reason}`),
      '',
      `The content cannot be moved to content format ${currentFormat} until ${plan.refusals.length === 1 ? 'this is' : 'these are'} fixed. Nothing was changed.`,
    ].join('\n');
  }
  if (plan.writes.length === 0) {
    return `The content in ${displayPath(contentDir) || '.'} is already in content format ${currentFormat}, the newest this version of Plan Publisher knows. Nothing to change.`;
  }
  return [
    plan.diff.trimEnd(),
    '',
    `To move the content to content format ${currentFormat}, ${plan.writes.length === 1 ? 'this file changes' : `these ${plan.writes.length} files change`}:`,
    ...plan.writes.map((w) => `  ${w.file}: ${(plan.summaries.get(w.file) ?? []).join('; ')}`),
  ].join('\n');
}
