/**
 * Each action file's edit for `npm run import` (src/authoring/import.ts): which of a row's values
 * change the file, the edit that makes them (src/authoring/frontmatter-edit.ts), and the proof:
 * the edited file, read back by the loader, must say what it said with only those values changed.
 */
import { readFileSync } from 'node:fs';
import type { ProgressUpdate, Rag, Status } from '../../schemas/index.ts';
import { parseDue } from '../../schemas/values/due.ts';
import { parseSource } from '../model/load.ts';
import type { Problem } from '../model/problems.ts';
import { latestUpdate } from '../model/resolve/progress.ts';
import { statusNames } from '../model/resolve/status.ts';
import { listSeparator } from '../open-data/actions-csv.ts';
import { displayPath } from './content.ts';
import { EditError, FrontmatterEditor } from './frontmatter-edit.ts';
import { quoteShort } from './import-check.ts';
import { sameText, type PlannedRow } from './import-rows.ts';

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

/** What a row changes in its file: each undefined when it stays as it is ('' removes the field). */
interface Intended {
  status?: Status;
  rag?: Rag;
  lead?: string;
  due?: string;
  update?: ProgressUpdate;
}

/**
 * The values of a row that differ from its file. The lead the spreadsheet shows is the one the
 * site shows, the action's own or its objective's or priority's: only a lead that differs from
 * that is written, as the action's own.
 */
function differences(plan: PlannedRow): Omit<Intended, 'update'> {
  const data = plan.action.entry.data;
  const oldStatus = plan.action.facts.status.status;
  return {
    status: plan.status !== undefined && plan.status !== oldStatus ? plan.status : undefined,
    rag: plan.rag !== undefined && plan.rag !== (data.rag ?? '') ? plan.rag : undefined,
    lead: plan.lead !== undefined && plan.lead !== plan.action.facts.lead.names.join(listSeparator) ? plan.lead : undefined,
    due:
      plan.due !== undefined && plan.due !== (data.due?.written ?? '') && parseDue(plan.due)?.written !== data.due?.written
        ? plan.due
        : undefined,
  };
}

/** The update a row adds, if the file does not have it yet; notes where it sits oddly beside the file's own. */
function rowUpdate(plan: PlannedRow, changed: Omit<Intended, 'update'>, notes: string[]): ProgressUpdate | undefined {
  const data = plan.action.entry.data;
  const update = plan.update;
  if (!update || data.progress.some((u) => u.date === update.date && sameText(u.text, update.text))) return undefined;
  const added: ProgressUpdate = { date: update.date, text: update.text };
  if (update.by) added.by = update.by;
  if (changed.status) added.status = changed.status;
  if (changed.rag) added.rag = changed.rag;
  const file = displayPath(plan.absolutePath);
  const sameDay = data.progress.find((u) => u.date === update.date);
  if (sameDay)
    notes.push(
      `Row ${plan.row}: ${file} already has an update dated ${sameDay.date} with other text; the row's update is added beside it. To correct the old one instead, edit the file.`,
    );
  const latest = latestUpdate(plan.action);
  if (latest && latest.date > update.date)
    notes.push(
      `Row ${plan.row}: the update dated ${update.date} is older than ${file}'s latest (${latest.date}); it is added, but the latest stays the one shown as "last update".`,
    );
  return added;
}

/**
 * A status changed in the spreadsheet is recorded as a dated update too, so the site can say
 * when it changed (and show each year's status); the row's own update carries it when there is one.
 */
function statusUpdate(plan: PlannedRow, changed: Omit<Intended, 'update'>, today: string): ProgressUpdate | undefined {
  if (!changed.status) return undefined;
  const oldStatus = plan.action.facts.status.status;
  const update: ProgressUpdate = {
    date: today,
    status: changed.status,
    text: `Status changed ${oldStatus ? `from ${statusNames[oldStatus].toLowerCase()} ` : ''}to ${statusNames[changed.status].toLowerCase()} (imported from a spreadsheet).`,
  };
  if (changed.rag) update.rag = changed.rag;
  return update;
}

/** Makes the intended changes in the file's text; what each changed, for the report. */
function edit(before: string, intended: Intended, plan: PlannedRow): { after: string; changes: FieldChange[] } {
  const data = plan.action.entry.data;
  const file = new FrontmatterEditor(before);
  const changes: FieldChange[] = [];
  const { status, rag, lead, due, update } = intended;
  if (status) {
    file.setField('status', status, { before: ['rag', 'progress'] });
    changes.push({ field: 'status', from: data.status ?? '(none reported)', to: status });
  }
  if (rag !== undefined) {
    if (rag === '') file.removeField('rag');
    else file.setField('rag', rag, { after: ['status'], before: ['progress'] });
    changes.push({ field: 'rag', from: data.rag ?? '(none)', to: rag || '(none)' });
  }
  if (lead !== undefined) {
    if (lead === '') file.removeField('lead');
    else file.setField('lead', lead, { after: ['groups'], before: ['years', 'status', 'progress'] });
    changes.push({ field: 'lead', from: data.lead.join(listSeparator) || '(none)', to: lead || '(none)' });
  }
  if (due !== undefined) {
    if (due === '') file.removeField('due');
    else file.setField('due', due, { after: ['lead', 'groups'], before: ['years', 'status', 'progress'] });
    changes.push({ field: 'due', from: data.due?.written ?? '(none)', to: due || '(none)' });
  }
  if (update) {
    const entries: Array<[string, string]> = [['date', update.date]];
    if (update.by) entries.push(['by', update.by]);
    if (update.status) entries.push(['status', update.status]);
    if (update.rag) entries.push(['rag', update.rag]);
    entries.push(['text', update.text]);
    file.appendListItem('progress', entries, { after: ['rag', 'status'] });
    changes.push({ field: 'progress', from: '', to: `${update.date}${update.by ? ` by ${update.by}` : ''}: ${quoteShort(update.text)}` });
  }
  return { after: file.text, changes };
}

/**
 * A row's change to its file, proved; undefined when the file already says what the row says.
 * Notes go in `notes`; a change that cannot be made safely is a problem in `problems`.
 */
export function planFileChange(plan: PlannedRow, today: string, notes: string[], problems: Problem[]): FileChange | undefined {
  const file = displayPath(plan.absolutePath);
  const changed = differences(plan);
  if (changed.lead?.includes(listSeparator)) {
    problems.push({
      file,
      field: 'lead',
      message: `row ${plan.row} names several leads ("${changed.lead}"), which the import does not write`,
      hint: 'write them in the file as a list (lead: [First lead, Second lead]), or give one lead in the spreadsheet',
    });
    return undefined;
  }
  const intended: Intended = { ...changed, update: rowUpdate(plan, changed, notes) ?? statusUpdate(plan, changed, today) };
  if (!intended.status && intended.rag === undefined && intended.lead === undefined && intended.due === undefined && !intended.update)
    return undefined;
  const before = readFileSync(plan.absolutePath, 'utf8');
  try {
    const { after, changes } = edit(before, intended, plan);
    verify(before, after, intended);
    return { file, absolutePath: plan.absolutePath, row: plan.row, changes, before, after };
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    problems.push({
      file,
      message: `cannot update this file safely for row ${plan.row}: ${error.message}`,
      hint: 'make this change by hand in the file, or rewrite the field in the usual form and import again',
    });
    return undefined;
  }
}

/** Data made comparable: the fields of every group in order. */
function comparable(value: unknown): unknown {
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
 * Proves an edit: the edited file must read as the old data with only the intended fields
 * changed, and its body must be untouched. Whether it is still valid is the whole check's to
 * say (checkAfterImport), which names what is wrong.
 */
function verify(before: string, after: string, intended: Intended): void {
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
