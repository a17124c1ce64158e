/**
 * `npm run import -- measures.csv`: adds the values in a copy of the published measures.csv
 * (src/open-data/measures-csv.ts) to the measure files. A row whose measure already has that
 * value on that date changes nothing, so the file as published imports as no change; a row with a
 * new date adds a value at the end of the measure's `values:`. A different value for a date the
 * file already has is refused rather than overwritten: a correction is made in the file, where
 * its note can say why. As for actions, any problem with any row means nothing is written, and
 * each edit is proved by reading the file back.
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
import { restoreNeutralised } from '../open-data/formulas.ts';
import { measureColumns, type MeasureColumn } from '../open-data/measures-csv.ts';
import { displayPath, readContent } from './content.ts';
import { decodeCsv } from './csv-encoding.ts';
import { appendListItem, EditError, openFrontmatter, renderDocument } from './frontmatter-edit.ts';
import { parseCellDate, type ImportOptions } from './import.ts';
import { writeAllOrNothing } from './write-files.ts';

export interface MeasureChange {
  file: string;
  absolutePath: string;
  added: DatedFigure[];
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

/** A number from a cell as a spreadsheet may save it: "1,204", "23.1", "23.1%". */
export function parseCellNumber(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/,(?=\d{3}\b)/g, '')
    .replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

const describeFigure = (f: DatedFigure) => `${f.date}: ${f.value}${f.note ? ` (${f.note})` : ''}`;

export function importMeasures(options: Omit<ImportOptions, 'today'>): MeasureImportResult {
  const csvName = displayPath(path.resolve(options.csvPath));
  const problems: Problem[] = [];
  const fail = (): MeasureImportResult => ({
    exitCode: 1,
    problems,
    changes: [],
    written: false,
    report: [
      ...problems.map(formatProblem),
      `\n${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found. Nothing was written; fix the spreadsheet and run the import again.`,
    ].join('\n'),
  });
  const at = (row: number) => `${csvName} row ${row}`;

  let bytes: Buffer;
  try {
    bytes = readFileSync(options.csvPath);
  } catch (error) {
    problems.push({ file: csvName, message: `the file cannot be read (${(error as { code?: string }).code ?? String(error)})` });
    return fail();
  }
  const decoded = decodeCsv(bytes);
  if ('problem' in decoded) {
    problems.push({ file: csvName, ...decoded.problem });
    return fail();
  }
  const content = readContent(options.contentDir);
  const contentErrors = content.problems.filter((p) => p.severity !== 'warning');
  if (contentErrors.length > 0) {
    problems.push(...contentErrors);
    return fail();
  }
  const sourceOf = new Map(
    content.loaded.files.filter((f) => f.type === 'measure').map((f) => [`${f.partnership}/${f.id}`, f.absolutePath]),
  );

  const csv = parseCsv(decoded.text);
  const header = (csv.rows[0] ?? []).map((name) => name.trim().toLowerCase());
  const column = new Map<MeasureColumn, number>();
  header.forEach((name, i) => {
    if ((measureColumns as readonly string[]).includes(name)) column.set(name as MeasureColumn, i);
    else if (name !== '') {
      const suggestion = didYouMean(name, measureColumns);
      problems.push({
        file: at(1),
        message: `unknown column "${name}"${suggestion ? `; ${suggestion}` : ''}`,
        hint: `the columns are those of the published measures.csv: ${measureColumns.join(', ')}`,
      });
    }
  });
  for (const needed of ['measure', 'date', 'value'] as const) {
    if (!column.has(needed))
      problems.push({ file: at(1), message: `there is no "${needed}" column`, hint: `the header must be: ${measureColumns.join(',')}` });
  }
  if (problems.length > 0) return fail();

  const partnerships = options.partnership
    ? content.index.partnerships.filter((p) => p.id === options.partnership)
    : content.index.partnerships;
  const all = partnerships.flatMap((p) => p.measures);
  /** The measure a row names: by the partnership in its url, or the only measure with that id. */
  const findMeasure = (id: string, url: string): MeasureNode | MeasureNode[] => {
    const named = all.filter((m) => m.id === id);
    const fromUrl = named.filter((m) => url.includes(`/${m.partnership.id}/`));
    return fromUrl.length === 1 ? fromUrl[0] : named.length === 1 ? named[0] : named;
  };

  const added = new Map<MeasureNode, DatedFigure[]>();
  csv.rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const cell = (c: MeasureColumn) => restoreNeutralised((column.has(c) ? cells[column.get(c)!] : undefined) ?? '').trim();
    if (cells.every((c) => c.trim() === '')) return;
    const id = cell('measure');
    const found = findMeasure(id, cell('url'));
    if (Array.isArray(found)) {
      const suggestion = didYouMean(id, [...new Set(all.map((m) => m.id))]);
      problems.push({
        file: at(row),
        message:
          found.length > 1
            ? `the measure "${id}" is in several partnerships: ${found.map((m) => m.partnership.id).join(', ')}`
            : `unknown measure "${id}"${suggestion ? `; ${suggestion}` : ''}`,
        hint: found.length > 1 ? 'keep the url column, or give --partnership ID' : 'the measure column holds the id of a file in measures/',
      });
      return;
    }
    const date = parseCellDate(cell('date'));
    const value = parseCellNumber(cell('value'));
    if (!date)
      problems.push({
        file: at(row),
        field: 'date',
        message: `"${cell('date')}" is not a date`,
        hint: 'write it like 2023-03-31 (or 31/03/2023)',
      });
    if (value === undefined)
      problems.push({
        file: at(row),
        field: 'value',
        message: `"${cell('value')}" is not a number`,
        hint: 'write the value as a plain number, like 23.1',
      });
    if (!date || value === undefined) return;
    const note = cell('note');
    const data = found.entry.data;
    const existing = [...data.values, ...(added.get(found) ?? [])].find((v) => v.date === date);
    if (existing) {
      if (existing.value !== value) {
        problems.push({
          file: at(row),
          message: `${found.entry.file} already has ${existing.value} for ${date}; the row says ${value}`,
          hint: 'a value is corrected in the measure file itself, with a note saying why; or remove this row',
        });
      }
      return;
    }
    const figure: DatedFigure = { date, value, ...(note ? { note } : {}) };
    const next = [...data.values, ...(added.get(found) ?? []), figure];
    const checked = measureSchema.safeParse({ ...data, values: next });
    if (!checked.success) {
      for (const issue of checked.error.issues)
        problems.push({ file: at(row), field: 'value', message: `expected ${issue.message}, found ${value}` });
      return;
    }
    added.set(found, [...(added.get(found) ?? []), figure]);
  });
  if (problems.length > 0) return fail();

  const changes: MeasureChange[] = [];
  for (const [measure, figures] of added) {
    const absolutePath = sourceOf.get(`${measure.entry.partnership}/${measure.id}`)!;
    const before = readFileSync(absolutePath, 'utf8');
    try {
      const doc = openFrontmatter(before);
      for (const figure of figures) {
        const entries: Array<[string, string | number]> = [
          ['date', figure.date],
          ['value', figure.value],
        ];
        if (figure.note) entries.push(['note', figure.note]);
        appendListItem(doc, 'values', entries, { after: ['targets', 'baseline', 'source'] });
      }
      const after = renderDocument(doc);
      verify(before, after, figures);
      changes.push({ file: measure.entry.file, absolutePath, added: figures, before, after });
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      problems.push({
        file: measure.entry.file,
        message: `cannot add the values to this file safely: ${error.message}`,
        hint: 'add them by hand, or rewrite values: as one "- " line per value and import again',
      });
    }
  }
  if (problems.length > 0) return fail();
  const total = csv.rows.length - 1;
  if (changes.length === 0) {
    return {
      exitCode: 0,
      problems,
      changes,
      written: false,
      report: `No changes: every value in ${visible(csvName)} is already in its measure's file (${total} rows checked).`,
    };
  }
  const describe = changes.flatMap((c) => [visible(c.file), ...c.added.map((f) => visible(`    values: + ${describeFigure(f)}`))]);
  const count = changes.reduce((n, c) => n + c.added.length, 0);
  const summary = `${count} ${count === 1 ? 'value' : 'values'} in ${changes.length} ${changes.length === 1 ? 'file' : 'files'}`;
  if (options.dryRun) {
    return {
      exitCode: 0,
      problems,
      changes,
      written: false,
      report: [
        ...describe,
        `\nDry run: ${summary} would be added. Nothing was written.`,
        'Run the same command without --dry-run to add them.',
      ].join('\n'),
    };
  }
  const outcome = writeAllOrNothing(changes, options.writer);
  if (!outcome.ok) {
    return {
      exitCode: 1,
      problems: [{ file: outcome.failed.file, message: `could not write this file: ${outcome.failed.reason}` }],
      changes: [],
      written: false,
      report: `could not write ${outcome.failed.file}: ${outcome.failed.reason}. ${outcome.notRestored.length === 0 ? 'Nothing was changed.' : 'Run `npm run check` before importing again.'}`,
    };
  }
  return {
    exitCode: 0,
    problems,
    changes,
    written: true,
    report: [...describe, `\nAdded ${summary}.`, 'Run `npm run check`, then preview with `npm run dev`.'].join('\n'),
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
