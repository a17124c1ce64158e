/**
 * The editor's side of the content folder: what the forms are filled from, and where a save is
 * written. Every request that names a file is read as hostile: the partnership must be one the
 * folder has, the type one of the content types, the id a plain id; the path is built from those
 * and must land inside the content folder, so no spelling of a name writes anywhere else. A save
 * goes through editor-save.ts (only the edited lines change), then the whole content is checked
 * and the saved file's problems are returned, as `npm run check` says them. Before saving, the page
 * asks which of the check's warnings about dates outside the plan the save would add (warningsOf).
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentTypes, contentTypeNames, type ContentType } from '../../schemas/index.ts';
import { checkContent } from '../model/check.ts';
import { loadContent, parseSource } from '../model/load.ts';
import type { PlanIndex } from '../model/graph/nodes.ts';
import { planDateWarnings } from '../model/plan-dates.ts';
import type { Problem } from '../model/problems.ts';
import { editorConfig, type EditorConfig } from './editor-config.ts';
import { newFileText, savedText, type FormData } from './editor-save.ts';
import { EditError } from './frontmatter-edit.ts';
import { temporaryPath } from './write-files.ts';

export interface EditorFile {
  type: ContentType;
  id: string;
  /** The path as the check shows it. */
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export interface EditorPartnership {
  partnership: string;
  config: EditorConfig;
  files: EditorFile[];
}

/** Every partnership in the folder, with its forms' configuration and its files as they are now. */
export function editorContent(contentDir: string): EditorPartnership[] {
  const files = loadContent(contentDir).files;
  const { index } = checkContent(contentDir);
  const partnerships = [...new Set(files.filter((f) => f.type === 'partnership').map((f) => f.partnership))].sort();
  return partnerships.map((partnership) => ({
    partnership,
    config: editorConfig(contentDir, partnership, contentTypes, index),
    files: files
      .filter((f) => f.partnership === partnership)
      .map((f) => ({ type: f.type, id: f.id, file: f.displayPath, data: f.data, body: f.body })),
  }));
}

/** What the form sends: the file it is, and only the fields the user changed. */
export interface SaveRequest {
  partnership: string;
  type: ContentType;
  id: string;
  isNew: boolean;
  changes: FormData;
  /** The Markdown body, when it was edited. */
  body?: string;
}

export type SaveOutcome = { ok: true; file: string; problems: Problem[] } | { ok: false; status: 400 | 409 | 422; message: string };

/** A plain id: lower-case letters and digits joined by single hyphens, as `npm run new` writes. */
const plainId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads a request's JSON into a SaveRequest, or says what is wrong with it. */
export function readSaveRequest(json: unknown): SaveRequest | string {
  if (typeof json !== 'object' || json === null) return 'the request is not a save';
  const r = json as Record<string, unknown>;
  if (typeof r.partnership !== 'string' || !plainId.test(r.partnership)) return 'the partnership is not a plain id';
  if (typeof r.type !== 'string' || !(contentTypeNames as string[]).includes(r.type)) return 'the type is not a content type';
  if (typeof r.id !== 'string' || r.id.length > 100 || !plainId.test(r.id))
    return 'the file name must be lower-case letters and digits joined by hyphens, like "deliver-neglect-training"';
  if (typeof r.changes !== 'object' || r.changes === null || Array.isArray(r.changes)) return 'the request has no fields';
  if (r.body !== undefined && typeof r.body !== 'string') return 'the text must be text';
  return {
    partnership: r.partnership,
    type: r.type as ContentType,
    id: r.id,
    isNew: r.isNew === true,
    changes: r.changes as FormData,
    body: r.body,
  };
}

/** Where the file a request names lives, or undefined when that would be outside the content folder. */
export function filePathOf(contentDir: string, request: SaveRequest): string | undefined {
  const root = realpathSync(contentDir);
  if (!existsSync(path.join(root, request.partnership, 'partnership.md'))) return undefined;
  const file =
    request.type === 'partnership'
      ? path.join(root, request.partnership, 'partnership.md')
      : path.join(root, request.partnership, contentTypes[request.type].folder, `${request.id}.md`);
  if (request.type === 'partnership' && request.id !== request.partnership) return undefined;
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : file;
}

/** The text a save would give its file, or why it would be refused. */
function textOf(file: string, request: SaveRequest): { text: string } | { status: 422; message: string } {
  try {
    return { text: request.isNew ? newText(file, request) : editedText(file, request) };
  } catch (error) {
    if (error instanceof EditError || error instanceof SaveRefused) return { status: 422, message: error.message };
    throw error;
  }
}

/**
 * Writes the save and checks the content; the saved file's problems, or why nothing was written.
 * A date outside the plan is the check's warning, not a refusal: the page asks first (warningsOf).
 */
export function saveFile(contentDir: string, request: SaveRequest): SaveOutcome {
  const file = filePathOf(contentDir, request);
  if (!file) return { ok: false, status: 400, message: 'That file is not in the content folder.' };
  const saved = textOf(file, request);
  if (!('text' in saved)) return { ok: false, ...saved };
  if (existsSync(file) && readFileSync(file, 'utf8') === saved.text) return checked(contentDir, file);
  ensureInside(contentDir, path.dirname(file));
  const temporary = temporaryPath(file);
  writeFileSync(temporary, saved.text, { flag: 'wx' });
  renameSync(temporary, file);
  return checked(contentDir, file);
}

/**
 * The check's warnings about dates outside the plan (src/model/plan-dates.ts) that a save would
 * add to its file, asked before saving: the check run over the content with the file as the save
 * would write it, less what the file already has (those are the check's to report, as they are).
 */
export function warningsOf(contentDir: string, request: SaveRequest): Problem[] {
  const file = filePathOf(contentDir, request);
  const saved = file ? textOf(file, request) : undefined;
  if (!file || !saved || !('text' in saved)) return [];
  // The path as the check's walk spells it (the content folder as given, not its real path).
  const asWalked = path.join(path.resolve(contentDir), path.relative(realpathSync(contentDir), file));
  const isThis = (shown: string) => path.resolve(shown) === asWalked || sameFile(shown, file);
  const inFile = (index: PlanIndex) => planDateWarnings(index).filter((p) => isThis(p.file));
  const before = request.isNew ? [] : inFile(checkContent(contentDir).index);
  const after = inFile(checkContent(contentDir, { replaced: new Map([[asWalked, saved.text]]) }).index);
  return after.filter((warning) => !before.some((had) => had.field === warning.field && had.message === warning.message));
}

class SaveRefused extends Error {}

function newText(file: string, request: SaveRequest): string {
  if (existsSync(file)) throw new SaveRefused(`There is already a file called ${request.id}.md: choose another name.`);
  return newFileText(request.changes, request.body ?? '');
}

function editedText(file: string, request: SaveRequest): string {
  if (!existsSync(file)) throw new SaveRefused(`There is no file called ${request.id}.md any more: reload the page.`);
  const written = readFileSync(file, 'utf8');
  // A year with no frontmatter (as the editor on GitHub saves one with no fields) gets an empty one to edit.
  const text = parseSource(written).noFrontmatter ? `---\n---\n${written}` : written;
  const before = parseSource(text).data;
  if (!before) throw new SaveRefused('The file cannot be read as it is: fix it in the file itself, then reload.');
  const saved = savedText(text, before, { ...before, ...request.changes });
  return request.body === undefined ? saved : withBody(saved, request.body);
}

/** The file's text with its Markdown body replaced, its frontmatter as it is. */
function withBody(text: string, body: string): string {
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!frontmatter) throw new SaveRefused('The file has no frontmatter to keep: fix it in the file itself.');
  const trimmed = body.replace(/\r\n/g, '\n').replace(/\s+$/, '');
  return `${frontmatter[0].endsWith('\n') ? frontmatter[0] : `${frontmatter[0]}\n`}${trimmed === '' ? '' : `${trimmed}\n`}`;
}

/** Creates the type's folder (like objectives/) when it is the first of its kind, never outside the content. */
function ensureInside(contentDir: string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  const relative = path.relative(realpathSync(contentDir), realpathSync(folder));
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`${folder} is outside the content folder`);
}

/** Whether a path as the check shows it is this file. */
function sameFile(shown: string, file: string): boolean {
  return existsSync(path.resolve(shown)) && realpathSync(path.resolve(shown)) === file;
}

function checked(contentDir: string, file: string): SaveOutcome {
  const problems = checkContent(contentDir).problems.filter((p) => sameFile(p.file, file));
  return { ok: true, file: path.relative(process.cwd(), file).split(path.sep).join('/'), problems };
}
