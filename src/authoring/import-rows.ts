/**
 * Reading the actions.csv given to `npm run import` (src/authoring/import.ts): its header, and
 * each row into what it would change in its action's file. Every problem with a row is named by
 * its row (and line, where a cell spans lines) and column; nothing here touches a file.
 */
import { isoDate, statusValues, type Rag, type Status } from '../../schemas/index.ts';
import { dueExamples, parseDue } from '../../schemas/values/due.ts';
import type { ActionNode, PartnershipNode, PlanIndex } from '../model/graph/nodes.ts';
import type { Problem } from '../model/problems.ts';
import { closest, didYouMean } from '../model/suggest.ts';
import { actionColumns, actionRow, listSeparator, type ActionColumn } from '../open-data/actions-csv.ts';
import type { ParsedCsv } from '../open-data/csv.ts';
import { restoreNeutralised } from '../open-data/formulas.ts';
import { refuseCell } from './import-check.ts';

/** The columns whose values are written back; the others are for reading only. */
export const importedColumns = ['status', 'rag', 'lead', 'due', 'last_update_date', 'last_update_by', 'last_update_text'] as const;
const ignoredColumns = actionColumns.filter((c) => c !== 'id' && c !== 'url' && !(importedColumns as readonly string[]).includes(c));

/** "In progress", "IN-PROGRESS", "in_progress" -> "in-progress". */
function normaliseWord(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** The same text for comparison: line endings and runs of spaces do not make a new update. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/**
 * A date from a cell: `2021-09-30` as published, or `30/09/2021`, which is how a spreadsheet
 * set to UK dates saves it.
 */
export function parseCellDate(value: string): string | undefined {
  const trimmed = value.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const iso = uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : trimmed;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const parsed = isoDate.safeParse(iso);
  return parsed.success ? parsed.data : undefined;
}

/** One row's values, as the row gives them: each undefined when the row leaves it as it is. */
export interface PlannedRow {
  row: number;
  action: ActionNode;
  absolutePath: string;
  status?: Status;
  /** A rating id, or '' to remove the rating. */
  rag?: Rag;
  /** The lead as one line of text, or '' to remove it. */
  lead?: string;
  /** The due date as written, or '' to remove it. */
  due?: string;
  update?: { date: string; by: string; text: string };
}

/** The header row: which column holds what. */
export interface CsvHeader {
  /** The header's names, trimmed and in lower case. */
  names: string[];
  column: Map<ActionColumn, number>;
  /** Columns with no name, which must stay empty. */
  blank: number[];
  hasUpdateColumns: boolean;
}

/** The header: the published columns, in any order, matched without regard to case. */
export function readHeader(first: readonly string[], where: string, problems: Problem[]): CsvHeader {
  const names = first.map((name) => name.trim().toLowerCase());
  const column = new Map<ActionColumn, number>();
  const blank: number[] = [];
  names.forEach((name, i) => {
    if (name === '') blank.push(i);
    else if (!(actionColumns as readonly string[]).includes(name)) {
      const suggestion = didYouMean(name, actionColumns);
      problems.push({
        file: where,
        message: `unknown column "${first[i].trim()}"${suggestion ? `; ${suggestion}` : ''}`,
        hint: `the columns are those of the published actions.csv: ${actionColumns.join(', ')}`,
      });
    } else if (column.has(name as ActionColumn)) problems.push({ file: where, message: `the column "${name}" appears twice` });
    else column.set(name as ActionColumn, i);
  });
  if (!column.has('id')) {
    problems.push({
      file: where,
      message: 'there is no "id" column, so no row can be matched to an action',
      hint: `the first row must be the header of the published actions.csv: ${actionColumns.join(',')}`,
    });
  }
  if (!importedColumns.some((c) => column.has(c))) {
    problems.push({ file: where, message: `there is nothing to import: none of the columns ${importedColumns.join(', ')} is there` });
  }
  const hasUpdateColumns = column.has('last_update_date') || column.has('last_update_text');
  if (hasUpdateColumns && !(column.has('last_update_date') && column.has('last_update_text'))) {
    problems.push({ file: where, message: 'a progress update needs both the "last_update_date" and the "last_update_text" columns' });
  }
  return { names, column, blank, hasUpdateColumns };
}

/** What every row is read against. */
export interface RowContext {
  csv: ParsedCsv;
  header: CsvHeader;
  index: PlanIndex;
  /** The partnership --partnership names. */
  fixedPartnership?: PartnershipNode;
  /** "actions.csv row 4 (line 5)". */
  at: (row: number, line?: number) => string;
}

/** The rows read: what each would change, the columns that differ but are not imported, and every problem. */
export interface ReadRows {
  planned: PlannedRow[];
  /** By column, the rows whose value differs from the content although the column is not imported. */
  differing: Map<ActionColumn, number[]>;
  problems: Problem[];
}

/** One row being read: its cells by column name, and where its problems go. */
interface Row {
  number: number;
  where: string;
  cells: string[];
  get(name: ActionColumn): string | undefined;
  report(field: string, message: string, hint?: string): void;
  problems: Problem[];
}

export function readRows(context: RowContext): ReadRows {
  const read: ReadRows = { planned: [], differing: new Map(), problems: [] };
  const seen = new Map<string, { row: number; values: string }>();
  for (let r = 1; r < context.csv.rows.length; r += 1) {
    const cells = context.csv.rows[r];
    const where = context.at(r + 1, context.csv.lines[r]);
    if (cells.every((cell) => cell.trim() === '')) continue;
    const layout = layoutProblem(cells, context.header, where);
    if (layout) {
      read.problems.push(layout);
      continue;
    }
    const row = rowOf(r + 1, where, cells, context.header);
    const planned = readRow(row, context, seen);
    read.problems.push(...row.problems);
    if (!planned) continue;
    // Columns that are shown but not imported: say so, so nobody expects a title change to land.
    const published = actionRow(planned.action, row.get('url') ?? '');
    for (const c of ignoredColumns) {
      const cell = row.get(c);
      if (cell !== undefined && !sameText(cell, published[c])) read.differing.set(c, [...(read.differing.get(c) ?? []), row.number]);
    }
    read.planned.push(planned);
  }
  return read;
}

/** A row with a cell too many or too few, or a value under no column: nothing in it can be trusted. */
function layoutProblem(cells: readonly string[], header: CsvHeader, where: string): Problem | undefined {
  if (cells.length !== header.names.length) {
    return {
      file: where,
      message: `this row has ${cells.length} ${cells.length === 1 ? 'column' : 'columns'}, but the header has ${header.names.length}`,
      hint: 'a comma or quote inside a cell may have lost the quotes around it: open the file in a spreadsheet and save it as CSV again',
    };
  }
  if (header.blank.some((i) => cells[i].trim() !== '')) {
    return {
      file: where,
      message: 'this row has a value in a column with no name in the header',
      hint: 'remove that value, or delete the extra column',
    };
  }
  return undefined;
}

function rowOf(number: number, where: string, cells: string[], header: CsvHeader): Row {
  const problems: Problem[] = [];
  return {
    number,
    where,
    cells,
    problems,
    get(name) {
      const i = header.column.get(name);
      return i === undefined ? undefined : restoreNeutralised(cells[i]).replace(/\r\n?/g, '\n');
    },
    report(field, message, hint) {
      problems.push({ file: where, field, message, hint });
    },
  };
}

/** What a row would change, or undefined (with its problems reported) when it cannot be imported. */
function readRow(row: Row, context: RowContext, seen: Map<string, { row: number; values: string }>): PlannedRow | undefined {
  const id = row.get('id')!.trim();
  if (id === '') {
    row.report(
      'id',
      'the id is empty, so the row cannot be matched to an action',
      'copy the id from the published actions.csv, or delete the row',
    );
    return undefined;
  }
  const partnership = rowPartnership(row, context);
  if (!partnership) return undefined;
  const action = findAction(row, id, partnership, context.index);
  const refused = refusedCells(row, action, context.header);
  const values = readValues(row, action, refused, context.header.hasUpdateColumns);

  // One row per action: a second is a mistake, and a conflicting one is ambiguous.
  const key = `${partnership.id}/${id}`;
  const written = JSON.stringify([values.status, values.rag, values.lead, values.due, values.update]);
  const first = seen.get(key);
  if (first) {
    row.report(
      'id',
      first.values === written
        ? `the action "${id}" is already in row ${first.row}`
        : `the action "${id}" is also in row ${first.row}, with a different status, rating, lead, due date or update`,
      'keep one row per action',
    );
  } else seen.set(key, { row: row.number, values: written });

  if (row.problems.length > 0 || !action) return undefined;
  // The file in its own folder, even for an action of a plan another partnership shares.
  return { ...values, row: row.number, action, absolutePath: action.entry.absolutePath };
}

/** Which partnership: --partnership, else the url column, else the only one there is. */
function rowPartnership(row: Row, context: RowContext): PartnershipNode | undefined {
  const { index } = context;
  let partnership = context.fixedPartnership;
  const urlPartnership = /\/([a-z0-9]+(?:-[a-z0-9]+)*)\/actions\/[^/]+\/?$/.exec(row.get('url')?.trim() ?? '')?.[1];
  const fromUrl = urlPartnership ? index.partnership(urlPartnership) : undefined;
  if (partnership && fromUrl && fromUrl !== partnership) {
    row.report(
      'url',
      `the url is an action of ${fromUrl.id}, but --partnership says ${partnership.id}`,
      "import each partnership's actions.csv with its own --partnership, or leave --partnership out",
    );
  }
  partnership ??= fromUrl ?? (index.partnerships.length === 1 ? index.partnerships[0] : undefined);
  if (!partnership) {
    row.report(
      'url',
      'cannot tell which partnership this row belongs to',
      `add --partnership with one of ${index.partnerships.map((p) => p.id).join(', ')}`,
    );
  }
  return partnership;
}

/** The action with the row's id among the site's actions, which take in a plan it shares with another partnership. */
function findAction(row: Row, id: string, partnership: PartnershipNode, index: PlanIndex): ActionNode | undefined {
  const siteActions = index.site(partnership.id)?.actions ?? partnership.actions;
  const action = siteActions.find((a) => a.slug === id);
  if (!action) {
    const suggestion = didYouMean(
      id,
      siteActions.map((a) => a.slug),
    );
    row.report(
      'id',
      `unknown action "${id}" in ${partnership.id}${suggestion ? `; ${suggestion}` : ''}`,
      suggestion ? undefined : `there is no file ${partnership.id}/actions/${id}.md; to add an action, use npm run new`,
    );
  }
  return action;
}

/**
 * Whether the import would write a column's value into the action's file: a lead only when it
 * differs from the file's, an update's author and text only when the file does not have that
 * update yet. A value already in the file is not written again, so the published file imports
 * as no change even where its text starts like a formula (a list, behind our apostrophe).
 * Status, rating, due date and update date are always written: a formula is never one of them.
 */
function wouldWrite(action: ActionNode | undefined, name: ActionColumn, get: (name: ActionColumn) => string | undefined): boolean {
  if (!action) return true;
  const data = action.entry.data;
  if (name === 'lead') return (get('lead') ?? '').replace(/\s+/g, ' ').trim() !== data.lead.join(listSeparator);
  if (name === 'last_update_by' || name === 'last_update_text') {
    const date = parseCellDate(get('last_update_date') ?? '');
    const text = (get('last_update_text') ?? '').trim();
    return !data.progress.some((u) => u.date === date && sameText(u.text, text));
  }
  return true;
}

/** Every value the row would write must be text, not a formula, and within the length limit: the columns that are not. */
function refusedCells(row: Row, action: ActionNode | undefined, header: CsvHeader): Set<ActionColumn> {
  const refused = new Set<ActionColumn>();
  for (const name of importedColumns) {
    const i = header.column.get(name);
    const refusal = i === undefined || !wouldWrite(action, name, (c) => row.get(c)) ? undefined : refuseCell(row.cells[i]);
    if (!refusal) continue;
    refused.add(name);
    row.report(name, refusal.message, refusal.hint);
  }
  return refused;
}

type RowValues = Omit<PlannedRow, 'row' | 'action' | 'absolutePath'>;

/** The status, rating, lead, due date and update a row gives, each checked; a refused cell gives none. */
function readValues(row: Row, action: ActionNode | undefined, refused: Set<ActionColumn>, hasUpdateColumns: boolean): RowValues {
  const values: RowValues = {};
  const cell = (name: ActionColumn) => (refused.has(name) ? undefined : row.get(name));
  const status = cell('status');
  if (status !== undefined) values.status = readStatus(row, status);
  const rag = cell('rag');
  if (rag !== undefined && action) values.rag = readRag(row, rag, action);
  const lead = cell('lead');
  if (lead !== undefined) values.lead = lead.replace(/\s+/g, ' ').trim();
  const due = cell('due');
  if (due !== undefined) values.due = readDue(row, due);
  if (hasUpdateColumns && !refused.has('last_update_date') && !refused.has('last_update_by') && !refused.has('last_update_text')) {
    values.update = readUpdate(row);
  }
  return values;
}

function readStatus(row: Row, cell: string): Status | undefined {
  const value = normaliseWord(cell);
  // An empty cell is "no status reported", as the site publishes it: it changes nothing.
  if (value === '') return undefined;
  if ((statusValues as readonly string[]).includes(value)) return value as Status;
  const suggestion = closest(value, statusValues);
  row.report(
    'status',
    `unknown status "${cell.trim()}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    `the statuses are ${statusValues.join(', ')}`,
  );
  return undefined;
}

function readRag(row: Row, cell: string, action: ActionNode): Rag | undefined {
  const value = normaliseWord(cell);
  const scale = (action.plan ?? action).partnership.ratingScale;
  const ids = scale.levels.map((l) => l.id);
  if (value === '' || ids.includes(value)) return value;
  const suggestion = closest(value, ids);
  row.report(
    'rag',
    `unknown ${scale.name} rating "${cell.trim()}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    `write ${ids.join(', ')}, or leave it empty for none`,
  );
  return undefined;
}

function readDue(row: Row, cell: string): string | undefined {
  const value = cell.trim();
  if (value === '' || parseDue(value)) return value;
  row.report('due', `"${value}" is not a due date the plan can use`, `write it like ${dueExamples}, or leave it empty for none`);
  return undefined;
}

function readUpdate(row: Row): PlannedRow['update'] {
  const dateCell = row.get('last_update_date')!.trim();
  const textCell = row.get('last_update_text')!.trim();
  const byCell = (row.get('last_update_by') ?? '').replace(/\s+/g, ' ').trim();
  const date = dateCell === '' ? undefined : parseCellDate(dateCell);
  if (dateCell !== '' && !date) row.report('last_update_date', `"${dateCell}" is not a date`, 'write it like 2021-09-30 (or 30/09/2021)');
  if (dateCell === '' && (textCell !== '' || byCell !== ''))
    row.report('last_update_date', 'the update has no date', 'give the day it was made, like 2021-09-30');
  if (dateCell !== '' && textCell === '')
    row.report('last_update_text', 'the update has a date but no text', 'say what changed, or clear the date to add no update');
  return date && textCell !== '' ? { date, by: byCell, text: textCell } : undefined;
}
