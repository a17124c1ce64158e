/**
 * `npm run import -- measures.csv`: adds the values in a copy of the published measures.csv
 * (src/open-data/measures-csv.ts) to the measure files. A row whose measure already has that
 * value on that date changes nothing, so the file as published imports as no change; a row with a
 * new date adds a value at the end of the measure's `values:`. A different value for a date the
 * file already has is refused rather than overwritten: a correction is made in the file, where
 * its note can say why. As for actions, any problem with any row means nothing is written, each
 * edit is proved by reading the file back, the content with the edits in place must pass the whole
 * check, and the same rule keeps formulas out (src/authoring/import-check.ts). A value cell is a
 * number, so "-3" (or "'-3", as measures.csv publishes it) is the number -3, not a formula.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { measureSchema, type DatedFigure } from '../../schemas/index.ts';
import { parseSource } from '../model/load.ts';
import type { MeasureNode } from '../model/graph/nodes.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { didYouMean } from '../model/suggest.ts';
import { visible } from '../model/terminal-text.ts';
import { parseCsv } from '../open-data/csv.ts';
import { isFormula, restoreNeutralised } from '../open-data/formulas.ts';
import { measureColumns, type MeasureColumn } from '../open-data/measures-csv.ts';
import { displayPath, readContent } from './content.ts';
import { readCsvFile } from './csv-encoding.ts';
import { EditError, FrontmatterEditor } from './frontmatter-edit.ts';
import { checkAfterImport, listProblems, quoteShort, refuseCell } from './import-check.ts';
import { journalLeftNote, settleEarlierImport } from './import-recovery.ts';
import { parseCellDate } from './import-rows.ts';
import { writeFailed, type ImportOptions } from './import.ts';
import { writeAllOrNothing } from './write-files.ts';

export interface MeasureChange {
  file: string;
  absolutePath: string;
  added: DatedFigure[];
  /** The CSV row (as messages show it) each added value comes from. */
  rows: string[];
  before: string;
  after: string;
}

export interface MeasureImportResult {
  exitCode: 0 | 1;
  problems: Problem[];
  changes: MeasureChange[];
  written: boolean;
  report: string;
}

/** True when a CSV's header row is that of measures.csv, so `npm run import` reads it as one. */
export function isMeasuresHeader(firstRow: readonly string[]): boolean {
  const names = firstRow.map((n) =>
    n
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  return names.includes('measure') && names.includes('value');
}

/** A number from a cell as a spreadsheet may save it: "1,204", "23.1", "23.1%", "-3"; our apostrophe taken off first. */
export function parseCellNumber(text: string): number | undefined {
  const cleaned = restoreNeutralised(text)
    .trim()
    .replace(/,(?=\d{3}\b)/g, '')
    .replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

const describeFigure = (f: DatedFigure) => `${f.date}: ${f.value}${f.note ? ` (${f.note})` : ''}`;

/** A value to add, and the CSV row it comes from. */
interface AddedFigure {
  figure: DatedFigure;
  where: string;
}

/** The report of a measures import that found problems: nothing was written. */
function failed(problems: Problem[], earlierNotes: readonly string[]): MeasureImportResult {
  return {
    exitCode: 1,
    problems,
    changes: [],
    written: false,
    report: [
      ...earlierNotes.map(visible),
      ...listProblems(problems, formatProblem),
      `\n${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found. Nothing was written; fix the spreadsheet and run the import again.`,
    ].join('\n'),
  };
}

export function importMeasures(options: Omit<ImportOptions, 'today'>): MeasureImportResult {
  const csvName = displayPath(path.resolve(options.csvPath));
  // An earlier import stopped part-way is undone before anything else is read.
  const earlier = settleEarlierImport(options.contentDir, { dryRun: options.dryRun, fs: options.writer });
  const problems: Problem[] = [...earlier.problems];
  if (problems.length > 0) return failed(problems, earlier.notes);
  const decoded = readCsvFile(options.csvPath);
  if ('problem' in decoded) return failed([{ file: csvName, ...decoded.problem }], earlier.notes);
  const content = readContent(options.contentDir);
  problems.push(...content.problems.filter((p) => p.severity !== 'warning'));
  if (problems.length > 0) return failed(problems, earlier.notes);
  const csv = parseCsv(decoded.text);
  const at = (r: number) =>
    `${csvName} row ${r + 1}${csv.lines[r] !== undefined && csv.lines[r] !== r + 1 ? ` (line ${csv.lines[r]})` : ''}`;
  const column = readHeader(csv.rows[0] ?? [], at(0), problems);
  if (problems.length > 0) return failed(problems, earlier.notes);

  const partnerships = options.partnership
    ? content.index.partnerships.filter((p) => p.id === options.partnership)
    : content.index.partnerships;
  const added = readRows(
    csv.rows,
    column,
    partnerships.flatMap((p) => p.measures),
    at,
    problems,
  );
  if (problems.length > 0) return failed(problems, earlier.notes);
  const sourceOf = new Map(
    content.loaded.files.filter((f) => f.type === 'measure').map((f) => [`${f.partnership}/${f.id}`, f.absolutePath]),
  );
  const changes = planEdits(added, sourceOf, problems);
  // The content as it would be, checked whole: nothing is written that `npm run check` would then refuse.
  if (problems.length === 0 && changes.length > 0) {
    problems.push(
      ...checkAfterImport(
        options.contentDir,
        changes.map((change) => ({ ...change, source: sourceOfField(change) })),
      ),
    );
  }
  if (problems.length > 0) return failed(problems, earlier.notes);
  return finish(options, changes, { csvName, rows: csv.rows.length - 1, earlierNotes: earlier.notes });
}

/** With every value planned and proved: the report of no change, of a dry run, or of the values written. */
function finish(
  options: Omit<ImportOptions, 'today'>,
  changes: MeasureChange[],
  run: { csvName: string; rows: number; earlierNotes: readonly string[] },
): MeasureImportResult {
  const notes = run.earlierNotes.map(visible);
  const result = (report: string[], written = false, exitCode: 0 | 1 = 0): MeasureImportResult => ({
    exitCode,
    problems: [],
    changes,
    written,
    report: report.join('\n'),
  });
  if (changes.length === 0) {
    return result([
      ...notes,
      `No changes: every value in ${visible(run.csvName)} is already in its measure's file (${run.rows} rows checked).`,
    ]);
  }
  const describe = changes.flatMap((c) => [visible(c.file), ...c.added.map((f) => visible(`    values: + ${describeFigure(f)}`))]);
  const count = changes.reduce((n, c) => n + c.added.length, 0);
  const summary = `${count} ${count === 1 ? 'value' : 'values'} in ${changes.length} ${changes.length === 1 ? 'file' : 'files'}`;
  if (options.dryRun) {
    return result([
      ...describe,
      `\nDry run: ${summary} would be added. Nothing was written.`,
      'Run the same command without --dry-run to add them.',
    ]);
  }
  const outcome = writeAllOrNothing(changes, options.contentDir, options.writer);
  if (!outcome.ok) {
    const failure = writeFailed(outcome, run.earlierNotes);
    return { exitCode: 1, problems: failure.problems, changes: [], written: false, report: failure.report };
  }
  const next = outcome.journalLeft
    ? visible(journalLeftNote(options.contentDir, outcome.journalLeft))
    : 'Run `npm run check`, then preview with `npm run dev`.';
  return result([...notes, ...describe, `\nAdded ${summary}.`, next], true, outcome.journalLeft ? 1 : 0);
}

/** The columns of the header row, by name; problems for names that are not measures.csv's, or missing. */
function readHeader(header: readonly string[], where: string, problems: Problem[]): Map<MeasureColumn, number> {
  const column = new Map<MeasureColumn, number>();
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if ((measureColumns as readonly string[]).includes(name)) column.set(name as MeasureColumn, i);
    else if (name !== '') {
      const suggestion = didYouMean(name, measureColumns);
      problems.push({
        file: where,
        message: `unknown column "${name}"${suggestion ? `; ${suggestion}` : ''}`,
        hint: `the columns are those of the published measures.csv: ${measureColumns.join(', ')}`,
      });
    }
  });
  for (const needed of ['measure', 'date', 'value'] as const) {
    if (!column.has(needed))
      problems.push({ file: where, message: `there is no "${needed}" column`, hint: `the header must be: ${measureColumns.join(',')}` });
  }
  return column;
}

/** The measure a row names: by the partnership in its url, or the only measure with that id. */
function findMeasure(all: readonly MeasureNode[], id: string, url: string): MeasureNode | MeasureNode[] {
  const named = all.filter((m) => m.id === id);
  const fromUrl = named.filter((m) => url.includes(`/${m.partnership.id}/`));
  return fromUrl.length === 1 ? fromUrl[0] : named.length === 1 ? named[0] : named;
}

/** The values the rows add, by measure; a problem for every row that cannot be added. */
function readRows(
  rows: readonly string[][],
  column: Map<MeasureColumn, number>,
  all: readonly MeasureNode[],
  at: (r: number) => string,
  problems: Problem[],
): Map<MeasureNode, AddedFigure[]> {
  const added = new Map<MeasureNode, AddedFigure[]>();
  const width = rows[0]?.length ?? 0;
  for (let r = 1; r < rows.length; r += 1) {
    const cells = rows[r];
    if (cells.every((c) => c.trim() === '')) continue;
    const where = at(r);
    // A cell too many or too few moves every value after it into the wrong column: never guessed at.
    if (cells.length !== width) {
      problems.push({
        file: where,
        message: `this row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, but the header has ${width}`,
        hint: 'a comma inside a cell may have lost the quotes around it: open the file in a spreadsheet and save it as CSV again',
      });
      continue;
    }
    const raw = (c: MeasureColumn) => (column.has(c) ? cells[column.get(c)!] : '');
    const cell = (c: MeasureColumn) => restoreNeutralised(raw(c)).trim();
    const id = cell('measure');
    const found = findMeasure(all, id, cell('url'));
    if (Array.isArray(found)) {
      const suggestion = didYouMean(id, [...new Set(all.map((m) => m.id))]);
      problems.push({
        file: where,
        message:
          found.length > 1
            ? `the measure "${id}" is in several partnerships: ${found.map((m) => m.partnership.id).join(', ')}`
            : `unknown measure "${id}"${suggestion ? `; ${suggestion}` : ''}`,
        hint: found.length > 1 ? 'keep the url column, or give --partnership ID' : 'the measure column holds the id of a file in measures/',
      });
      continue;
    }
    const figure = readFigure(raw, where, problems);
    if (!figure) continue;
    const data = found.entry.data;
    const earlier = [...data.values, ...(added.get(found) ?? []).map((a) => a.figure)];
    const existing = earlier.find((v) => v.date === figure.date);
    if (existing) {
      if (existing.value !== figure.value) {
        problems.push({
          file: where,
          message: `${found.entry.file} already has ${existing.value} for ${figure.date}; the row says ${figure.value}`,
          hint: 'a value is corrected in the measure file itself, with a note saying why; or remove this row',
        });
      }
      continue;
    }
    // Only a new value is written, so only its note must be more than a formula.
    const noteRefused = raw('note') === '' ? undefined : refuseCell(raw('note'));
    if (noteRefused) {
      problems.push({ file: where, field: 'note', ...noteRefused });
      continue;
    }
    const checked = measureSchema.safeParse({ ...data, values: [...earlier, figure] });
    if (!checked.success) {
      for (const issue of checked.error.issues)
        problems.push({ file: where, field: 'value', message: `expected ${issue.message}, found ${figure.value}` });
      continue;
    }
    added.set(found, [...(added.get(found) ?? []), { figure, where }]);
  }
  return added;
}

/** The date, value and note of a row, or undefined with its problems: a formula is never a date or a number. */
function readFigure(raw: (c: MeasureColumn) => string, where: string, problems: Problem[]): DatedFigure | undefined {
  const dateCell = restoreNeutralised(raw('date')).trim();
  const valueCell = restoreNeutralised(raw('value')).trim();
  const date = parseCellDate(dateCell);
  // A number is read as one before anything else: "-3" is minus three, not a formula.
  const value = parseCellNumber(raw('value'));
  const formula = (c: MeasureColumn) => ({
    file: where,
    field: c,
    message: `${quoteShort(raw(c))} is a spreadsheet formula, not a ${c === 'date' ? 'date' : 'number'}`,
  });
  if (!date) {
    problems.push(
      isFormula(raw('date'))
        ? formula('date')
        : { file: where, field: 'date', message: `"${dateCell}" is not a date`, hint: 'write it like 2023-03-31 (or 31/03/2023)' },
    );
  }
  if (value === undefined) {
    problems.push(
      isFormula(raw('value'))
        ? { ...formula('value'), hint: 'type the number itself, like 23.1 or -3' }
        : { file: where, field: 'value', message: `"${valueCell}" is not a number`, hint: 'write the value as a plain number, like 23.1' },
    );
  }
  if (!date || value === undefined) return undefined;
  const note = restoreNeutralised(raw('note')).trim();
  return { date, value, ...(note ? { note } : {}) };
}

/** Each measure file's edit, proved; a problem for a file that cannot be edited safely. */
function planEdits(added: Map<MeasureNode, AddedFigure[]>, sourceOf: Map<string, string>, problems: Problem[]): MeasureChange[] {
  const changes: MeasureChange[] = [];
  for (const [measure, figures] of added) {
    const absolutePath = sourceOf.get(`${measure.entry.partnership}/${measure.id}`)!;
    const before = readFileSync(absolutePath, 'utf8');
    try {
      const doc = new FrontmatterEditor(before);
      for (const { figure } of figures) {
        const entries: Array<[string, string | number]> = [
          ['date', figure.date],
          ['value', figure.value],
        ];
        if (figure.note) entries.push(['note', figure.note]);
        doc.appendListItem('values', entries, { after: ['targets', 'baseline', 'source'] });
      }
      const after = doc.text;
      verify(
        before,
        after,
        figures.map((f) => f.figure),
      );
      changes.push({
        file: displayPath(absolutePath),
        absolutePath,
        added: figures.map((f) => f.figure),
        rows: figures.map((f) => f.where),
        before,
        after,
      });
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      problems.push({
        file: measure.entry.file,
        message: `cannot add the values to this file safely: ${error.message}`,
        hint: 'add them by hand, or rewrite values: as one "- " line per value and import again',
      });
    }
  }
  return changes;
}

/** The row and column a check's error in a measure file comes from: `values[n].field` names an added value. */
function sourceOfField(change: MeasureChange) {
  const valuesBefore = parseSource(change.before).data?.values;
  const first = Array.isArray(valuesBefore) ? valuesBefore.length : 0;
  return (field: string | undefined) => {
    const match = /^values\[(\d+)\](?:\.(date|value|note))?/.exec(field ?? '');
    const index = match ? Number(match[1]) - first : -1;
    if (index >= 0 && index < change.rows.length) return { where: change.rows[index], column: match?.[2] };
    return { where: change.rows[0] };
  };
}

/** Proves an edit: the file must read back as its old data with exactly the new values appended, its body untouched. */
function verify(before: string, after: string, figures: readonly DatedFigure[]): void {
  const old = parseSource(before);
  const now = parseSource(after);
  if (!old.data || !now.data || now.error) throw new EditError('the edited frontmatter could not be read back');
  if (now.body !== old.body) throw new EditError('the edit would have changed the text below the frontmatter');
  const expected = { ...old.data, values: [...((old.data.values as unknown[] | undefined) ?? []), ...figures] };
  const parsedNow = measureSchema.safeParse(now.data);
  const parsedExpected = measureSchema.safeParse(expected);
  if (!parsedNow.success || !parsedExpected.success || JSON.stringify(parsedNow.data) !== JSON.stringify(parsedExpected.data)) {
    throw new EditError('the edited file did not read back as intended');
  }
}
