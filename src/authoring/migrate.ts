/**
 * `plan-publisher migrate`: rewrites a plan written for an older content format (src/model/format.ts)
 * into the newest, so that a partnership can upgrade the tool without learning what changed. It
 * plans every change first and shows it as a unified diff; then it changes every file or none
 * (src/authoring/write-files.ts). Edits are made a line at a time, so comments, quoting and
 * everything not migrated stay exactly as the author wrote them, and each rewritten file is read
 * back and compared with what the migration means, so a wrong edit is refused, never written.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { currentFormat, formatOf } from '../model/format.ts';
import { loadContent, parseSource, type SourceFile } from '../model/load.ts';
import { displayPath } from './content.ts';
import { EditError, openFrontmatter, renderDocument, setField, topLevelFields, type FrontmatterDocument } from './frontmatter-edit.ts';
import type { FileWrite } from './write-files.ts';

/** One step between formats: what it changes for authors, and the edit that makes it. */
interface Step {
  to: number;
  summary: string;
  /** Edits the document; returns the frontmatter data the edited file must read as. */
  apply(doc: FrontmatterDocument, data: Record<string, unknown>): Record<string, unknown>;
}

const steps: Step[] = [
  {
    to: 2,
    summary: 'adds "format: 2", and moves colour: under branding:',
    apply(doc, data) {
      const expected: Record<string, unknown> = { ...data };
      const fields = topLevelFields(doc);
      const colour = only(fields, 'colour');
      if (colour) {
        if (colour.end !== colour.line + 1 || colour.inline.trim() === '') {
          throw new EditError('colour: is written over several lines, so it cannot be moved safely: move it under branding: by hand');
        }
        const branding = only(fields, 'branding');
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
        const value = colour.inline; // as written, with its quoting and any comment after it
        if (branding) {
          if (branding.inline.trim() !== '' && !branding.inline.trim().startsWith('#')) {
            throw new EditError('branding: is written on one line, so colour: cannot be moved into it safely: move it by hand');
          }
          const child = doc.lines
            .slice(branding.line + 1, branding.end)
            .find((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
          const indent = child ? child.text.slice(0, child.text.length - child.text.trimStart().length) : '  ';
          doc.lines.splice(branding.line + 1, 0, { text: `${indent}colour:${value}`, eol: doc.eol });
          const at = colour.line > branding.line ? colour.line + 1 : colour.line;
          doc.lines.splice(at, 1);
        } else {
          // In place, so the comments written around it stay beside it.
          doc.lines.splice(
            colour.line,
            1,
            { text: 'branding:', eol: doc.lines[colour.line].eol },
            { text: `  colour:${value}`, eol: doc.eol },
          );
          doc.close += 1;
        }
      }
      setFormat(doc, 2);
      expected.format = 2;
      return expected;
    },
  },
];

function only(fields: ReturnType<typeof topLevelFields>, key: string) {
  const found = fields.filter((f) => f.key === key);
  if (found.length > 1) throw new EditError(`${key}: is written more than once: keep one, then run migrate again`);
  return found[0];
}

/** Writes `format: N` in place of the format line's value (its comment stays), or as the first line of the frontmatter. */
function setFormat(doc: FrontmatterDocument, format: number): void {
  const existing = only(topLevelFields(doc), 'format');
  if (existing) {
    if (existing.end !== existing.line + 1) throw new EditError('format: is written over several lines');
    setField(doc, 'format', format);
  } else {
    doc.lines.splice(1, 0, { text: `format: ${format}`, eol: doc.eol });
    doc.close += 1;
  }
}

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
      const doc = openFrontmatter(before);
      let expected = file.data;
      const done: string[] = [];
      for (const step of steps.filter((s) => s.to > format || (s.to === format && file.data.colour !== undefined))) {
        expected = step.apply(doc, expected);
        done.push(
          step.to > format ? `format ${step.to - 1} to ${step.to}: ${step.summary}` : `format ${step.to}: colour: moves under branding:`,
        );
      }
      const after = renderDocument(doc);
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
  const diff = writes.map((w) => createTwoFilesPatch(`a/${w.file}`, `b/${w.file}`, w.before, w.after, '', '', { context: 2 })).join('');
  return { writes, summaries, refusals, diff: diff.replace(/^=+\n/gm, '') };
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
