/**
 * `npm run import -- FILE.csv`: reads the published actions.csv (src/open-data/actions-csv.ts)
 * back into the action files, after a business manager has updated it in a spreadsheet.
 *
 * Only three things are imported: each action's status, its RAG rating, and its latest
 * progress update (appended to `progress:` when the file does not already have one with the
 * same date and text). Every other column is ignored. Files are edited a line at a time, so
 * everything else in them stays byte for byte as it was; each edit is proved by re-reading
 * the file and comparing its data with what was intended, and the content with every edit in
 * place must pass the whole check (src/authoring/import-check.ts). Any problem with any row
 * means nothing at all is written; a file that cannot be written part-way through means every
 * file already written is put back, and an import stopped part-way is undone by the next one
 * (src/authoring/write-files.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isoDate, statusValues, type ProgressUpdate, type Rag, type Status } from '../../schemas/index.ts';
import { parseSource } from '../model/load.ts';
import type { ActionNode, PartnershipNode } from '../model/graph/nodes.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { visible } from '../model/terminal-text.ts';
import { statusNames } from '../model/resolve/status.ts';
import { todayIso } from '../model/resolved-plan.ts';
import { closest, didYouMean } from '../model/suggest.ts';
import { latestUpdate } from '../model/resolve/progress.ts';
import { actionColumns, actionRow, listSeparator, type ActionColumn } from '../open-data/actions-csv.ts';
import { dueExamples, parseDue } from '../model/due.ts';
import { parseCsv } from '../open-data/csv.ts';
import { restoreNeutralised } from '../open-data/formulas.ts';
import { displayPath, readContent } from './content.ts';
import { readCsvFile } from './csv-encoding.ts';
import { checkAfterImport, listProblems, quoteShort, refuseCell } from './import-check.ts';
import { journalLeftNote, settleEarlierImport } from './import-recovery.ts';
import { writeAllOrNothing, type FileWriter, type WriteOutcome } from './write-files.ts';
import { EditError, FrontmatterEditor } from './frontmatter-edit.ts';

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

export interface FieldChange {
  field: 'status' | 'rag' | 'lead' | 'due' | 'progress';
  from: string;
  to: string;
}

export interface FileChange {
  file: string;
  absolutePath: string;
  /** The CSV row the change comes from. */
  row: number;
  changes: FieldChange[];
  before: string;
  after: string;
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

/** The columns whose values are written back; the others are for reading only. */
const importedColumns = ['status', 'rag', 'lead', 'due', 'last_update_date', 'last_update_by', 'last_update_text'] as const;
const ignoredColumns = actionColumns.filter((c) => c !== 'id' && c !== 'url' && !(importedColumns as readonly string[]).includes(c));

/** "In progress", "IN-PROGRESS", "in_progress" -> "in-progress". */
function normaliseWord(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** The same text for comparison: line endings and runs of spaces do not make a new update. */
function sameText(a: string, b: string): boolean {
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

/** Data as YAML read it, made comparable: dates as YYYY-MM-DD text, keys in order. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, comparable((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
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

interface PlannedRow {
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

/** The column of actions.csv a field of an action file is imported from, for a check's error in it. */
function columnOfField(field: string | undefined): ActionColumn | undefined {
  const inUpdate = /^progress\[\d+\]\.(date|by|text|status|rag)$/.exec(field ?? '')?.[1];
  if (inUpdate) return inUpdate === 'status' || inUpdate === 'rag' ? inUpdate : (`last_update_${inUpdate}` as ActionColumn);
  return /^(status|rag|lead|due)\b/.exec(field ?? '')?.[1] as ActionColumn | undefined;
}

export function importActions(options: ImportOptions): ImportResult {
  const csvName = displayPath(path.resolve(options.csvPath));
  const problems: Problem[] = [];
  const notes: string[] = [];
  const fail = (extra: string[] = []): ImportResult => ({
    exitCode: 1,
    problems,
    changes: [],
    notes,
    written: false,
    report: [
      ...earlier.notes.map(visible),
      ...listProblems(problems, formatProblem),
      ...extra,
      `\n${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found. Nothing was written; fix ${problems.some((p) => p.file.startsWith(csvName)) ? 'the spreadsheet' : 'the files above'} and run the import again.`,
    ].join('\n'),
  });
  const at = (row: number, line?: number) => `${csvName} row ${row}${line !== undefined && line !== row ? ` (line ${line})` : ''}`;

  // An earlier import stopped part-way is undone before anything else is read.
  const earlier = settleEarlierImport(options.contentDir, { dryRun: options.dryRun, fs: options.writer });
  if (earlier.problems.length > 0) {
    problems.push(...earlier.problems);
    return fail();
  }
  const decoded = readCsvFile(options.csvPath);
  if ('problem' in decoded) {
    problems.push({ file: csvName, ...decoded.problem });
    return fail();
  }
  const text = decoded.text;

  const content = readContent(options.contentDir);
  const contentErrors = content.problems.filter((p) => p.severity !== 'warning');
  if (contentErrors.length > 0) {
    problems.push(...contentErrors);
    return fail(['\nThe content must pass `npm run check` before anything is imported into it.']);
  }
  const index = content.index;

  let fixedPartnership: PartnershipNode | undefined;
  if (options.partnership) {
    fixedPartnership = index.partnership(options.partnership);
    if (!fixedPartnership) {
      const suggestion = didYouMean(
        options.partnership,
        index.partnerships.map((p) => p.id),
      );
      problems.push({
        file: '--partnership',
        message: `unknown partnership "${options.partnership}"${suggestion ? `; ${suggestion}` : ''}`,
        hint: `the partnerships are ${index.partnerships.map((p) => p.id).join(', ')}`,
      });
      return fail();
    }
  }

  // The header: the published columns, in any order, matched without regard to case.
  const csv = parseCsv(text);
  if (csv.rows.length === 0) {
    problems.push({ file: csvName, message: 'the file is empty', hint: `it should start with the header row: ${actionColumns.join(',')}` });
    return fail();
  }
  const header = csv.rows[0].map((name) => name.trim().toLowerCase());
  const column = new Map<ActionColumn, number>();
  const blankHeaders: number[] = [];
  header.forEach((name, i) => {
    if (name === '') {
      blankHeaders.push(i);
      return;
    }
    if (!(actionColumns as readonly string[]).includes(name)) {
      const suggestion = didYouMean(name, actionColumns);
      problems.push({
        file: at(1),
        message: `unknown column "${csv.rows[0][i].trim()}"${suggestion ? `; ${suggestion}` : ''}`,
        hint: `the columns are those of the published actions.csv: ${actionColumns.join(', ')}`,
      });
    } else if (column.has(name as ActionColumn)) {
      problems.push({ file: at(1), message: `the column "${name}" appears twice` });
    } else column.set(name as ActionColumn, i);
  });
  if (!column.has('id')) {
    problems.push({
      file: at(1),
      message: 'there is no "id" column, so no row can be matched to an action',
      hint: `the first row must be the header of the published actions.csv: ${actionColumns.join(',')}`,
    });
  }
  if (!importedColumns.some((c) => column.has(c))) {
    problems.push({ file: at(1), message: `there is nothing to import: none of the columns ${importedColumns.join(', ')} is there` });
  }
  const hasUpdateColumns = column.has('last_update_date') || column.has('last_update_text');
  if (hasUpdateColumns && !(column.has('last_update_date') && column.has('last_update_text'))) {
    problems.push({ file: at(1), message: 'a progress update needs both the "last_update_date" and the "last_update_text" columns' });
  }
  if (problems.length > 0) return fail();

  const planned: PlannedRow[] = [];
  const seen = new Map<string, { row: number; values: string }>();
  const differing = new Map<string, number[]>();

  for (let r = 1; r < csv.rows.length; r += 1) {
    const cells = csv.rows[r];
    const row = r + 1;
    const where = at(row, csv.lines[r]);
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (cells.length !== header.length) {
      problems.push({
        file: where,
        message: `this row has ${cells.length} ${cells.length === 1 ? 'column' : 'columns'}, but the header has ${header.length}`,
        hint: 'a comma or quote inside a cell may have lost the quotes around it: open the file in a spreadsheet and save it as CSV again',
      });
      continue;
    }
    if (blankHeaders.some((i) => cells[i].trim() !== '')) {
      problems.push({
        file: where,
        message: 'this row has a value in a column with no name in the header',
        hint: 'remove that value, or delete the extra column',
      });
      continue;
    }
    const get = (name: ActionColumn) => {
      const i = column.get(name);
      return i === undefined ? undefined : restoreNeutralised(cells[i]).replace(/\r\n?/g, '\n');
    };
    const rowProblems: Problem[] = [];
    const report = (field: string, message: string, hint?: string) => rowProblems.push({ file: where, field, message, hint });

    const id = get('id')!.trim();
    if (id === '') {
      report(
        'id',
        'the id is empty, so the row cannot be matched to an action',
        'copy the id from the published actions.csv, or delete the row',
      );
      problems.push(...rowProblems);
      continue;
    }

    // Which partnership: --partnership, else the url column, else the only one there is.
    let partnership = fixedPartnership;
    const urlPartnership = /\/([a-z0-9]+(?:-[a-z0-9]+)*)\/actions\/[^/]+\/?$/.exec(get('url')?.trim() ?? '')?.[1];
    const fromUrl = urlPartnership ? index.partnership(urlPartnership) : undefined;
    if (partnership && fromUrl && fromUrl !== partnership) {
      report(
        'url',
        `the url is an action of ${fromUrl.id}, but --partnership says ${partnership.id}`,
        "import each partnership's actions.csv with its own --partnership, or leave --partnership out",
      );
    }
    partnership ??= fromUrl ?? (index.partnerships.length === 1 ? index.partnerships[0] : undefined);
    if (!partnership) {
      report(
        'url',
        'cannot tell which partnership this row belongs to',
        `add --partnership with one of ${index.partnerships.map((p) => p.id).join(', ')}`,
      );
      problems.push(...rowProblems);
      continue;
    }

    // The site's actions, which take in a plan it shares with another partnership; ids as on the site.
    const siteActions = index.site(partnership.id)?.actions ?? partnership.actions;
    const action = siteActions.find((a) => a.slug === id);
    if (!action) {
      const suggestion = didYouMean(
        id,
        siteActions.map((a) => a.slug),
      );
      report(
        'id',
        `unknown action "${id}" in ${partnership.id}${suggestion ? `; ${suggestion}` : ''}`,
        suggestion ? undefined : `there is no file ${partnership.id}/actions/${id}.md; to add an action, use npm run new`,
      );
    }
    // Every value the row would write must be text, not a formula, and within the length limit.
    const refused = new Set<ActionColumn>();
    for (const name of importedColumns) {
      const i = column.get(name);
      const refusal = i === undefined || !wouldWrite(action, name, get) ? undefined : refuseCell(cells[i]);
      if (!refusal) continue;
      refused.add(name);
      report(name, refusal.message, refusal.hint);
    }

    const plannedRow: Partial<PlannedRow> = { row };
    const statusCell = get('status');
    if (statusCell !== undefined && !refused.has('status')) {
      const value = normaliseWord(statusCell);
      // An empty cell is "no status reported", as the site publishes it: it changes nothing.
      if (value === '') {
        // nothing to import
      } else if (!(statusValues as readonly string[]).includes(value)) {
        const suggestion = closest(value, statusValues);
        report(
          'status',
          `unknown status "${statusCell.trim()}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
          `the statuses are ${statusValues.join(', ')}`,
        );
      } else plannedRow.status = value as Status;
    }
    const ragCell = get('rag');
    if (ragCell !== undefined && !refused.has('rag') && action) {
      const value = normaliseWord(ragCell);
      const scale = (action.plan ?? action).partnership.ratingScale;
      const ids = scale.levels.map((l) => l.id);
      if (value !== '' && !ids.includes(value)) {
        const suggestion = closest(value, ids);
        report(
          'rag',
          `unknown ${scale.name} rating "${ragCell.trim()}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
          `write ${ids.join(', ')}, or leave it empty for none`,
        );
      } else plannedRow.rag = value;
    }
    const leadCell = get('lead');
    if (leadCell !== undefined && !refused.has('lead')) plannedRow.lead = leadCell.replace(/\s+/g, ' ').trim();
    const dueCell = get('due');
    if (dueCell !== undefined && !refused.has('due')) {
      const value = dueCell.trim();
      if (value !== '' && !parseDue(value)) {
        report('due', `"${value}" is not a due date the plan can use`, `write it like ${dueExamples}, or leave it empty for none`);
      } else plannedRow.due = value;
    }
    if (hasUpdateColumns && !refused.has('last_update_date') && !refused.has('last_update_by') && !refused.has('last_update_text')) {
      const dateCell = get('last_update_date')!.trim();
      const textCell = get('last_update_text')!.trim();
      const byCell = (get('last_update_by') ?? '').replace(/\s+/g, ' ').trim();
      const date = dateCell === '' ? undefined : parseCellDate(dateCell);
      if (dateCell !== '' && !date) report('last_update_date', `"${dateCell}" is not a date`, 'write it like 2021-09-30 (or 30/09/2021)');
      if (dateCell === '' && (textCell !== '' || byCell !== ''))
        report('last_update_date', 'the update has no date', 'give the day it was made, like 2021-09-30');
      if (dateCell !== '' && textCell === '')
        report('last_update_text', 'the update has a date but no text', 'say what changed, or clear the date to add no update');
      if (date && textCell !== '') plannedRow.update = { date, by: byCell, text: textCell };
    }

    // One row per action: a second is a mistake, and a conflicting one is ambiguous.
    const key = `${partnership.id}/${id}`;
    const values = JSON.stringify([plannedRow.status, plannedRow.rag, plannedRow.lead, plannedRow.due, plannedRow.update]);
    const first = seen.get(key);
    if (first) {
      report(
        'id',
        first.values === values
          ? `the action "${id}" is already in row ${first.row}`
          : `the action "${id}" is also in row ${first.row}, with a different status, rating, lead, due date or update`,
        'keep one row per action',
      );
    } else seen.set(key, { row, values });

    if (rowProblems.length > 0 || !action) {
      problems.push(...rowProblems);
      continue;
    }
    // Columns that are shown but not imported: say so, so nobody expects a title change to land.
    const published = actionRow(action, get('url') ?? '');
    const changedColumns = ignoredColumns.filter((c) => {
      const cell = get(c);
      return cell !== undefined && !sameText(cell, published[c]);
    });
    for (const c of changedColumns) differing.set(c, [...(differing.get(c) ?? []), row]);

    // The file in its own folder, even for an action of a plan another partnership shares.
    const absolutePath = action.entry.absolutePath;
    planned.push({ ...plannedRow, row, action, absolutePath });
  }
  if (problems.length > 0) return fail();
  for (const [c, rows] of differing) {
    notes.push(
      `The ${c} column differs from the content in row${rows.length === 1 ? '' : 's'} ${rows.slice(0, 8).join(', ')}${rows.length > 8 ? ', ...' : ''}: it is not imported (edit the action's file to change it).`,
    );
  }

  // Plan each file's edit, and prove it.
  const changes: FileChange[] = [];
  for (const plan of planned) {
    const data = plan.action.entry.data;
    const file = displayPath(plan.absolutePath);
    const fieldChanges: FieldChange[] = [];
    const oldStatus = plan.action.facts.status.status;
    const newStatus = plan.status !== undefined && plan.status !== oldStatus ? plan.status : undefined;
    const newRag = plan.rag !== undefined && plan.rag !== (data.rag ?? '') ? plan.rag : undefined;
    // The lead the spreadsheet shows is the one the site shows, the action's own or its objective's or
    // priority's: only a lead that differs from that is written, as the action's own.
    const newLead = plan.lead !== undefined && plan.lead !== plan.action.facts.lead.names.join(listSeparator) ? plan.lead : undefined;
    const newDue =
      plan.due !== undefined && plan.due !== (data.due?.written ?? '') && parseDue(plan.due)?.written !== data.due?.written
        ? plan.due
        : undefined;
    if (newLead?.includes(listSeparator)) {
      problems.push({
        file: displayPath(plan.absolutePath),
        field: 'lead',
        message: `row ${plan.row} names several leads ("${newLead}"), which the import does not write`,
        hint: 'write them in the file as a list (lead: [First lead, Second lead]), or give one lead in the spreadsheet',
      });
      continue;
    }
    let newUpdate: ProgressUpdate | undefined;
    if (plan.update && !data.progress.some((u) => u.date === plan.update!.date && sameText(u.text, plan.update!.text))) {
      newUpdate = { date: plan.update.date, text: plan.update.text };
      if (plan.update.by) newUpdate.by = plan.update.by;
      if (newStatus) newUpdate.status = newStatus;
      if (newRag) newUpdate.rag = newRag;
      const sameDay = data.progress.find((u) => u.date === plan.update!.date);
      if (sameDay)
        notes.push(
          `Row ${plan.row}: ${file} already has an update dated ${sameDay.date} with other text; the row's update is added beside it. To correct the old one instead, edit the file.`,
        );
      const latest = latestUpdate(plan.action);
      if (latest && latest.date > plan.update.date)
        notes.push(
          `Row ${plan.row}: the update dated ${plan.update.date} is older than ${file}'s latest (${latest.date}); it is added, but the latest stays the one shown as "last update".`,
        );
    }
    // A status changed in the spreadsheet is recorded as a dated update too, so the site can say
    // when it changed (and show each year's status); the row's own update carries it when there is one.
    if (newStatus && !newUpdate) {
      newUpdate = {
        date: options.today ?? todayIso(),
        status: newStatus,
        text: `Status changed ${oldStatus ? `from ${statusNames[oldStatus].toLowerCase()} ` : ''}to ${statusNames[newStatus].toLowerCase()} (imported from a spreadsheet).`,
      };
      if (newRag) newUpdate.rag = newRag;
    }
    if (!newStatus && newRag === undefined && newLead === undefined && newDue === undefined && !newUpdate) continue;

    const before = readFileSync(plan.absolutePath, 'utf8');
    try {
      const doc = new FrontmatterEditor(before);
      if (newStatus) {
        doc.setField('status', newStatus, { before: ['rag', 'progress'] });
        fieldChanges.push({ field: 'status', from: data.status ?? '(none reported)', to: newStatus });
      }
      if (newRag !== undefined) {
        if (newRag === '') doc.removeField('rag');
        else doc.setField('rag', newRag, { after: ['status'], before: ['progress'] });
        fieldChanges.push({ field: 'rag', from: data.rag ?? '(none)', to: newRag || '(none)' });
      }
      if (newLead !== undefined) {
        if (newLead === '') doc.removeField('lead');
        else doc.setField('lead', newLead, { after: ['groups'], before: ['years', 'status', 'progress'] });
        fieldChanges.push({ field: 'lead', from: data.lead.join(listSeparator) || '(none)', to: newLead || '(none)' });
      }
      if (newDue !== undefined) {
        if (newDue === '') doc.removeField('due');
        else doc.setField('due', newDue, { after: ['lead', 'groups'], before: ['years', 'status', 'progress'] });
        fieldChanges.push({ field: 'due', from: data.due?.written ?? '(none)', to: newDue || '(none)' });
      }
      if (newUpdate) {
        const entries: Array<[string, string]> = [['date', newUpdate.date]];
        if (newUpdate.by) entries.push(['by', newUpdate.by]);
        if (newUpdate.status) entries.push(['status', newUpdate.status]);
        if (newUpdate.rag) entries.push(['rag', newUpdate.rag]);
        entries.push(['text', newUpdate.text]);
        doc.appendListItem('progress', entries, { after: ['rag', 'status'] });
        fieldChanges.push({
          field: 'progress',
          from: '',
          to: `${newUpdate.date}${newUpdate.by ? ` by ${newUpdate.by}` : ''}: ${quoteShort(newUpdate.text)}`,
        });
      }
      const after = doc.text;
      verify(before, after, { status: newStatus, rag: newRag, lead: newLead, due: newDue, update: newUpdate });
      changes.push({ file, absolutePath: plan.absolutePath, row: plan.row, changes: fieldChanges, before, after });
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      problems.push({
        file,
        message: `cannot update this file safely for row ${plan.row}: ${error.message}`,
        hint: 'make this change by hand in the file, or rewrite the field in the usual form and import again',
      });
    }
  }
  if (problems.length > 0) return fail();
  // The content as it would be, checked whole: nothing is written that `npm run check` would then refuse.
  if (changes.length > 0) {
    const toCheck = changes.map((change) => ({
      ...change,
      source: (field: string | undefined) => ({ where: at(change.row, csv.lines[change.row - 1]), column: columnOfField(field) }),
    }));
    problems.push(...checkAfterImport(options.contentDir, toCheck));
    if (problems.length > 0) return fail();
  }

  // File names and cell values can hold terminal escape sequences: the report shows them escaped.
  const describe = changes.flatMap((change) => [
    visible(change.file),
    ...change.changes.map((c) => visible(c.field === 'progress' ? `    progress: + ${c.to}` : `    ${c.field}: ${c.from} → ${c.to}`)),
  ]);
  const shownNotes = notes.map(visible);
  // What was done about an earlier import that stopped part-way comes first, before this one's changes.
  const undone = earlier.notes.map(visible);
  const unchanged = planned.length - changes.length;
  const tail = `${unchanged} ${unchanged === 1 ? 'action' : 'actions'} already up to date.`;
  const filesWord = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

  if (changes.length === 0) {
    return {
      exitCode: 0,
      problems,
      changes,
      notes,
      written: false,
      report: [
        ...undone,
        ...shownNotes,
        `No changes: every action in ${visible(csvName)} already matches its file (${planned.length} checked).`,
      ].join('\n'),
    };
  }
  if (options.dryRun) {
    return {
      exitCode: 0,
      problems,
      changes,
      notes,
      written: false,
      report: [
        ...describe,
        ...shownNotes,
        `\nDry run: ${filesWord(changes.length)} would change; ${tail} Nothing was written.`,
        'Run the same command without --dry-run to make these changes.',
      ].join('\n'),
    };
  }

  const outcome = writeAllOrNothing(changes, options.contentDir, options.writer);
  if (!outcome.ok) return writeFailed(outcome, earlier.notes);
  return {
    exitCode: outcome.journalLeft ? 1 : 0,
    problems,
    changes,
    notes,
    written: true,
    report: [
      ...undone,
      ...describe,
      ...shownNotes,
      `\nUpdated ${filesWord(changes.length)}; ${tail}`,
      outcome.journalLeft
        ? visible(journalLeftNote(options.contentDir, outcome.journalLeft))
        : 'Run `npm run check`, then preview with `npm run dev`.',
    ].join('\n'),
  };
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

/**
 * Proves an edit: the edited file must read as the old data with only the intended fields
 * changed, and its body must be untouched. Whether it is still valid is the whole check's to
 * say (checkAfterImport), which names what is wrong.
 */
function verify(
  before: string,
  after: string,
  intended: { status?: Status; rag?: Rag; lead?: string; due?: string; update?: ProgressUpdate },
): void {
  const old = parseSource(before);
  const now = parseSource(after);
  if (!old.data || !now.data || now.error) throw new EditError('the edited frontmatter could not be read back');
  if (now.body !== old.body) throw new EditError('the edit would have changed the text below the frontmatter');
  const expected: Record<string, unknown> = structuredClone(old.data);
  if (intended.status) expected.status = intended.status;
  if (intended.rag === '') delete expected.rag;
  else if (intended.rag) expected.rag = intended.rag;
  for (const key of ['lead', 'due'] as const) {
    if (intended[key] === '') delete expected[key];
    else if (intended[key]) expected[key] = intended[key];
  }
  if (intended.update) expected.progress = [...((old.data.progress as unknown[] | undefined) ?? []), intended.update];
  if (JSON.stringify(comparable(now.data)) !== JSON.stringify(comparable(expected))) {
    throw new EditError('the edited file did not read back as intended');
  }
}
