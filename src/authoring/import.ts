/**
 * `npm run import -- FILE.csv`: reads the published actions.csv (src/open-data/actions-csv.ts)
 * back into the action files, after a business manager has updated it in a spreadsheet.
 *
 * Only these are imported: each action's status, its RAG rating, its lead and due date, and its
 * latest progress update (appended to `progress:` when the file does not already have one with
 * the same date and text). Every other column is ignored. The rows are read in
 * src/authoring/import-rows.ts; each file's edit (src/authoring/import-edits.ts) changes only
 * the characters of the fields it changes, so everything else stays byte for byte as it was, and
 * is proved by re-reading the file and comparing its data with what was intended; the content
 * with every edit in place must pass the whole check (src/authoring/import-check.ts). Any problem with any row
 * means nothing at all is written; a file that cannot be written part-way through means every
 * file already written is put back, and an import stopped part-way is undone by the next one
 * (src/authoring/write-files.ts).
 */
import path from 'node:path';
import type { PartnershipNode } from '../model/graph/nodes.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { todayIso } from '../model/resolved-plan.ts';
import { didYouMean } from '../model/suggest.ts';
import { visible } from '../model/terminal-text.ts';
import { actionColumns, type ActionColumn } from '../open-data/actions-csv.ts';
import { parseCsv } from '../open-data/csv.ts';
import { displayPath, readContent, type ReadContent } from './content.ts';
import { readCsvFile } from './csv-encoding.ts';
import { checkAfterImport, listProblems } from './import-check.ts';
import { planFileChange, type FileChange } from './import-edits.ts';
import { journalLeftNote, settleEarlierImport } from './import-recovery.ts';
import { readHeader, readRows, type ReadRows } from './import-rows.ts';
import { writeAllOrNothing, type FileWriter, type WriteOutcome } from './write-files.ts';

export { parseCellDate } from './import-rows.ts';
export type { FieldChange, FileChange } from './import-edits.ts';

export interface ImportOptions {
  csvPath: string;
  contentDir: string;
  /** The partnership every row belongs to; otherwise read from each row's url, or the only one. */
  partnership?: string;
  dryRun?: boolean;
  /** How files are written; a test passes one that fails part-way. */
  writer?: FileWriter;
  /** The day of the import, YYYY-MM-DD, for the progress update a status change records; today by default. */
  today?: string;
}

export interface ImportResult {
  exitCode: 0 | 1;
  /** Every problem found; when there is any, nothing was written. */
  problems: Problem[];
  changes: FileChange[];
  /** Things worth knowing that did not stop the import (columns that are not imported, and so on). */
  notes: string[];
  written: boolean;
  report: string;
}

/** The column of actions.csv a field of an action file is imported from, for a check's error in it. */
function columnOfField(field: string | undefined): ActionColumn | undefined {
  const inUpdate = /^progress\[\d+\]\.(date|by|text|status|rag)$/.exec(field ?? '')?.[1];
  if (inUpdate) return inUpdate === 'status' || inUpdate === 'rag' ? inUpdate : (`last_update_${inUpdate}` as ActionColumn);
  return /^(status|rag|lead|due)\b/.exec(field ?? '')?.[1] as ActionColumn | undefined;
}

/** One import's state as it goes: the CSV's name for messages, every problem and note, what an earlier import left. */
interface Run {
  options: ImportOptions;
  csvName: string;
  problems: Problem[];
  notes: string[];
  earlierNotes: string[];
}

/** The report of an import that found problems: nothing was written. */
function failed(run: Run, extra: string[] = []): ImportResult {
  const { problems, csvName } = run;
  return {
    exitCode: 1,
    problems,
    changes: [],
    notes: run.notes,
    written: false,
    report: [
      ...run.earlierNotes.map(visible),
      ...listProblems(problems, formatProblem),
      ...extra,
      `\n${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found. Nothing was written; fix ${problems.some((p) => p.file.startsWith(csvName)) ? 'the spreadsheet' : 'the files above'} and run the import again.`,
    ].join('\n'),
  };
}

/** The partnership --partnership names, or a problem saying there is none by that id. */
function namedPartnership(run: Run, content: ReadContent): PartnershipNode | undefined {
  const id = run.options.partnership;
  if (!id) return undefined;
  const found = content.index.partnership(id);
  if (!found) {
    const ids = content.index.partnerships.map((p) => p.id);
    const suggestion = didYouMean(id, ids);
    run.problems.push({
      file: '--partnership',
      message: `unknown partnership "${id}"${suggestion ? `; ${suggestion}` : ''}`,
      hint: `the partnerships are ${ids.join(', ')}`,
    });
  }
  return found;
}

/** Notes for the columns that differ from the content but are not imported. */
function differingNotes(differing: ReadRows['differing']): string[] {
  return [...differing].map(
    ([c, rows]) =>
      `The ${c} column differs from the content in row${rows.length === 1 ? '' : 's'} ${rows.slice(0, 8).join(', ')}${rows.length > 8 ? ', ...' : ''}: it is not imported (edit the action's file to change it).`,
  );
}

export function importActions(options: ImportOptions): ImportResult {
  const run: Run = { options, csvName: displayPath(path.resolve(options.csvPath)), problems: [], notes: [], earlierNotes: [] };
  const at = (row: number, line?: number) => `${run.csvName} row ${row}${line !== undefined && line !== row ? ` (line ${line})` : ''}`;

  // An earlier import stopped part-way is undone before anything else is read.
  const earlier = settleEarlierImport(options.contentDir, { dryRun: options.dryRun, fs: options.writer });
  run.earlierNotes = earlier.notes;
  run.problems.push(...earlier.problems);
  if (run.problems.length > 0) return failed(run);
  const decoded = readCsvFile(options.csvPath);
  if ('problem' in decoded) {
    run.problems.push({ file: run.csvName, ...decoded.problem });
    return failed(run);
  }
  const content = readContent(options.contentDir);
  run.problems.push(...content.problems.filter((p) => p.severity !== 'warning'));
  if (run.problems.length > 0) return failed(run, ['\nThe content must pass `npm run check` before anything is imported into it.']);
  const fixedPartnership = namedPartnership(run, content);
  if (run.problems.length > 0) return failed(run);

  const csv = parseCsv(decoded.text);
  if (csv.rows.length === 0) {
    run.problems.push({
      file: run.csvName,
      message: 'the file is empty',
      hint: `it should start with the header row: ${actionColumns.join(',')}`,
    });
    return failed(run);
  }
  const header = readHeader(csv.rows[0], at(1), run.problems);
  if (run.problems.length > 0) return failed(run);
  const rows = readRows({ csv, header, index: content.index, fixedPartnership, at });
  run.problems.push(...rows.problems);
  if (run.problems.length > 0) return failed(run);
  run.notes.push(...differingNotes(rows.differing));

  // Plan each file's edit, and prove it.
  const today = options.today ?? todayIso();
  const changes = rows.planned.flatMap((plan) => planFileChange(plan, today, run.notes, run.problems) ?? []);
  if (run.problems.length > 0) return failed(run);
  // The content as it would be, checked whole: nothing is written that `npm run check` would then refuse.
  if (changes.length > 0) {
    const source = (change: FileChange) => (field: string | undefined) => ({
      where: at(change.row, csv.lines[change.row - 1]),
      column: columnOfField(field),
    });
    run.problems.push(
      ...checkAfterImport(
        options.contentDir,
        changes.map((change) => ({ ...change, source: source(change) })),
      ),
    );
    if (run.problems.length > 0) return failed(run);
  }
  return finish(run, changes, rows.planned.length);
}

/** With every change planned and proved: the report of no change, of a dry run, or of the files written. */
function finish(run: Run, changes: FileChange[], checked: number): ImportResult {
  const { options, problems, notes } = run;
  // File names and cell values can hold terminal escape sequences: the report shows them escaped.
  const describe = changes.flatMap((change) => [
    visible(change.file),
    ...change.changes.map((c) => visible(c.field === 'progress' ? `    progress: + ${c.to}` : `    ${c.field}: ${c.from} → ${c.to}`)),
  ]);
  const shownNotes = notes.map(visible);
  // What was done about an earlier import that stopped part-way comes first, before this one's changes.
  const undone = run.earlierNotes.map(visible);
  const unchanged = checked - changes.length;
  const tail = `${unchanged} ${unchanged === 1 ? 'action' : 'actions'} already up to date.`;
  const filesWord = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  const result = (report: string[], written = false, exitCode: 0 | 1 = 0): ImportResult => ({
    exitCode,
    problems,
    changes,
    notes,
    written,
    report: report.join('\n'),
  });

  if (changes.length === 0) {
    return result([
      ...undone,
      ...shownNotes,
      `No changes: every action in ${visible(run.csvName)} already matches its file (${checked} checked).`,
    ]);
  }
  if (options.dryRun) {
    return result([
      ...describe,
      ...shownNotes,
      `\nDry run: ${filesWord(changes.length)} would change; ${tail} Nothing was written.`,
      'Run the same command without --dry-run to make these changes.',
    ]);
  }
  const outcome = writeAllOrNothing(changes, options.contentDir, options.writer);
  if (!outcome.ok) return writeFailed(outcome, run.earlierNotes);
  return result(
    [
      ...undone,
      ...describe,
      ...shownNotes,
      `\nUpdated ${filesWord(changes.length)}; ${tail}`,
      outcome.journalLeft
        ? visible(journalLeftNote(options.contentDir, outcome.journalLeft))
        : 'Run `npm run check`, then preview with `npm run dev`.',
    ],
    true,
    outcome.journalLeft ? 1 : 0,
  );
}

const writeHint =
  'close any program that has the file open, check there is space on the disk and that you may change the folder, then run the import again';

/** The report of a write that failed: what failed, and what the import did about the files already written. */
export function writeFailed(outcome: Exclude<WriteOutcome, { ok: true }>, earlierNotes: readonly string[] = []): ImportResult {
  const { failed, restored, notRestored } = outcome;
  const problems: Problem[] = [
    failed.changedMeanwhile
      ? { file: failed.file, message: 'this file changed while the import was running', hint: 'run the import again' }
      : { file: failed.file, message: `could not write this file: ${failed.reason}`, hint: writeHint },
    ...notRestored.map((f) => ({
      file: f.file,
      message: `this file was changed and could not be put back: ${f.reason}`,
      hint: 'it holds the imported change until it is put back: close any program that has it open, then run `npm run import -- --recover`',
    })),
  ];
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  const putBack = (n: number) => `${n === 1 ? 'was' : 'were'} put back exactly as ${n === 1 ? 'it was' : 'they were'}`;
  let tail = 'Nothing was changed.';
  if (notRestored.length > 0) {
    const others =
      restored.length === 0
        ? ''
        : `; the other ${restored.length === 1 ? 'file' : files(restored.length)} already written ${putBack(restored.length)}`;
    tail = `The import stopped part-way: ${files(notRestored.length)} could not be put back (above)${others}. The next import, or \`npm run import -- --recover\`, puts ${notRestored.length === 1 ? 'it' : 'them'} back.`;
  } else if (restored.length > 0) {
    tail = `Nothing was changed: the ${files(restored.length)} already written ${putBack(restored.length)} (${restored.map(visible).join(', ')}).`;
  }
  return {
    exitCode: 1,
    problems,
    changes: [],
    notes: [],
    written: false,
    report: [...earlierNotes.map(visible), ...problems.map(formatProblem), `\n${tail}`].join('\n'),
  };
}
