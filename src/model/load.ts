/**
 * Stage 1, parse: find every content file (through the one walker, src/model/walk.ts), read it
 * as UTF-8 and split it into frontmatter and body. Nothing here judges the data; it only records
 * what each file says and where, so the next stage can report every problem with a file and a line.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { contentTypes, partnershipFile, type ContentType } from '../../schemas/index.ts';
import { FrontmatterYamlError, parseYaml } from './frontmatter-yaml.ts';
import { interruptedImport } from './interrupted-import.ts';
import { limits } from './limits.ts';
import type { Problem } from './problems.ts';
import { renamedFromDevice, siteRootNames, windowsDeviceName } from './reserved-names.ts';
import { fileSystemReason, walkContent, type FoundFile } from './walk.ts';

/** One content file after parsing, before validation. */
export interface SourceFile {
  /** The content type its place in the tree gives it. */
  type: ContentType;
  /** The partnership folder it lives in. */
  partnership: string;
  /** Its id: the file name without `.md` (for a partnership, the folder name). */
  id: string;
  /** Absolute path. */
  absolutePath: string;
  /** Path relative to the working directory, as shown in messages. */
  displayPath: string;
  /** The parsed frontmatter, unvalidated. */
  data: Record<string, unknown>;
  /** The Markdown after the frontmatter. */
  body: string;
  /** The frontmatter's own lines, to find the line a field is on. */
  frontmatterLines: string[];
  /** Line number (1-based) of the first frontmatter line inside the file. */
  frontmatterStart: number;
  /** Line number (1-based) of the body's first line inside the file. */
  bodyStart: number;
}

export interface LoadResult {
  files: SourceFile[];
  problems: Problem[];
  /** Every Markdown file read, including ones that failed to parse. */
  fileCount: number;
  /** Files and folders skipped as drafts (names starting with "_"). */
  drafts: string[];
  /** Picture files found beside the content, for the logo check (src/model/branding.ts). */
  pictures: FoundFile[];
}

const folderTypes = new Map<string, ContentType>(
  Object.entries(contentTypes)
    .filter(([, spec]) => spec.folder !== '')
    .map(([type, spec]) => [spec.folder, type as ContentType]),
);

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The id a name would have if written the way ids are: "Safeguarding Board" -> "safeguarding-board". */
export function suggestId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A suggested id that is not itself refused: "404" or "con" get a word for what they name. */
function usableId(suggested: string, type: string): string {
  if (windowsDeviceName(suggested)) return renamedFromDevice(suggested, type);
  return type === 'partnership' && Object.hasOwn(siteRootNames, suggested) ? `${suggested}-partnership` : suggested;
}

function displayPathOf(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return (relative.startsWith('..') ? absolutePath : relative).split(path.sep).join('/');
}

/**
 * Splits one file's text. Accepts a byte-order mark and Windows line endings, which
 * editors on work PCs add silently, and reports what cannot be read as content.
 */
export function parseSource(text: string): {
  data?: Record<string, unknown>;
  body: string;
  frontmatterLines: string[];
  error?: { message: string; line?: number; hint?: string };
  /** The text has no frontmatter at all (no "---" first line): all of it is the body. */
  noFrontmatter?: boolean;
} {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') {
    return {
      body: '',
      frontmatterLines: [],
      error: { message: 'the file is empty', hint: 'start it with frontmatter between two "---" lines; `npm run new` writes a valid file' },
    };
  }
  if (!clean.startsWith('---\n')) {
    return {
      body: clean,
      frontmatterLines: [],
      noFrontmatter: true,
      error: { message: 'the file has no frontmatter', line: 1, hint: 'the first line must be "---", then the fields, then another "---"' },
    };
  }
  const close = clean.indexOf('\n---', 3);
  const frontmatterText = close === -1 ? clean.slice(4) : clean.slice(4, close + 1);
  const frontmatterLines = frontmatterText.split('\n');
  if (close === -1) {
    return {
      body: '',
      frontmatterLines,
      error: { message: 'the frontmatter is never closed', line: 1, hint: 'add a line "---" after the last field' },
    };
  }
  try {
    // An options object stops gray-matter caching every file it has parsed (it keys
    // its cache on the text alone), which would grow without bound in watch mode. Its own
    // YAML reader (js-yaml 3) is never used: it would turn an impossible date like 2021-02-30
    // into 2 March, and the schema must see what was written (src/model/frontmatter-yaml.ts).
    const parsed = matter(clean, { excerpt: false, engines: { yaml: (yaml: string) => parseYaml(yaml) as object } });
    const data: unknown = parsed.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return {
        body: parsed.content,
        frontmatterLines,
        error: { message: 'the frontmatter is not a list of "field: value" lines', line: 2 },
      };
    }
    return { data: data as Record<string, unknown>, body: parsed.content, frontmatterLines };
  } catch (error) {
    if (error instanceof FrontmatterYamlError) {
      return { body: '', frontmatterLines, error: { message: error.message, line: error.line, hint: error.hint } };
    }
    // Whatever else stops the reader (frontmatter nested too deep to follow) is said the same way.
    return {
      body: '',
      frontmatterLines,
      error: {
        message: `the frontmatter is not valid YAML: ${error instanceof Error ? error.message : 'unreadable'}`,
        hint: 'check indentation and quote any value that contains ": " or starts with a special character',
      },
    };
  }
}

/** A file's bytes as text, or why they cannot be: content files must be UTF-8. */
export function decodeContent(bytes: Uint8Array): { text?: string; error?: { message: string; line?: number; hint: string } } {
  const hint = 'open it in your editor and save it with the encoding "UTF-8"';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: { message: 'the file is saved as UTF-16, not UTF-8 text', hint } };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    // Find the first line that is not UTF-8, and show it as Windows-1252 (what Notepad and Excel
    // save on many work PCs) reads it, so the author can find it.
    let start = 0;
    for (let line = 1; start <= bytes.length; line += 1) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      const slice = bytes.subarray(start, end);
      try {
        utf8.decode(slice);
      } catch {
        const shown = new TextDecoder('windows-1252').decode(slice).replace(/\r$/, '').trim();
        return {
          error: {
            message: `the file is not saved as UTF-8 text: line ${line} looks like Windows-1252 ("${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}")`,
            line,
            hint,
          },
        };
      }
      start = end + 1;
    }
    return { error: { message: 'the file is not saved as UTF-8 text', hint } };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads every content file under `contentDir`. `replaced` gives the text some files would have
 * (by absolute path, as the walk finds them), so `npm run import` can check its changes exactly as
 * the check will read them once written, limits and all, before it writes anything. A path the walk
 * does not find, in a partnership's folder, is read as a new file there (the editor's new files).
 */
export function loadContent(contentDir: string, replaced?: ReadonlyMap<string, string>): LoadResult {
  const root = path.resolve(contentDir);
  const walk = walkContent(root, displayPathOf);
  const problems: Problem[] = [...walk.problems, ...interruptedImport(root, displayPathOf)];
  const valid = validPartnerships(walk.partnerships, problems);
  const files: SourceFile[] = [];
  let fileCount = 0;
  for (const found of [...walk.files, ...newFiles(root, walk.files, replaced)]) {
    if (!valid.has(found.partnership)) continue;
    fileCount += 1;
    const read = readSourceFile(found, root, replaced);
    if ('message' in read) problems.push(read);
    else files.push(read);
  }
  problems.push(...missingPartnershipFiles(valid, root, files, problems));
  return { files, problems, fileCount, drafts: walk.drafts, pictures: walk.pictures };
}

/** The files `replaced` adds: those the walk did not find, each inside a partnership's folder. */
function newFiles(root: string, found: readonly FoundFile[], replaced: ReadonlyMap<string, string> | undefined): FoundFile[] {
  const known = new Set(found.map((f) => f.absolutePath));
  const added: FoundFile[] = [];
  for (const absolutePath of replaced?.keys() ?? []) {
    const relative = path.relative(root, absolutePath);
    const [partnership, ...below] = relative.split(path.sep);
    if (known.has(absolutePath) || path.isAbsolute(relative) || partnership === '..' || below.length === 0) continue;
    added.push({ partnership, absolutePath, relative: below });
  }
  return added;
}

/** The partnership folders whose names can be ids; a problem for each that cannot. */
function validPartnerships(partnerships: ReturnType<typeof walkContent>['partnerships'], problems: Problem[]): Set<string> {
  const valid = new Set<string>();
  for (const { id: partnership, absolutePath: folder } of partnerships) {
    const reserved = Object.hasOwn(siteRootNames, partnership);
    if (idPattern.test(partnership) && !reserved) valid.add(partnership);
    else {
      problems.push({
        file: displayPathOf(folder),
        message: `the folder name "${partnership}" cannot be used as a partnership id${reserved ? `: ${siteRootNames[partnership]}, so a site named "${partnership}" would be lost` : ''}`,
        hint: `a partnership's folder name is its id and its site's address: rename it to "${usableId(suggestId(partnership), 'partnership')}"`,
      });
    }
  }
  return valid;
}

/** One file found in a partnership's folder, read and split; or the problem that stops it being read. */
function readSourceFile(found: FoundFile, root: string, replaced: ReadonlyMap<string, string> | undefined): SourceFile | Problem {
  const { partnership, absolutePath, relative } = found;
  const folder = path.join(root, partnership);
  const displayPath = displayPathOf(absolutePath);
  const isPartnership = relative.length === 1 && relative[0] === partnershipFile;
  const type: ContentType | undefined = isPartnership ? 'partnership' : relative.length >= 2 ? folderTypes.get(relative[0]) : undefined;
  const id = isPartnership ? partnership : path.basename(absolutePath, '.md');
  if (!type) {
    return {
      file: displayPath,
      message: 'this file is not in a folder the tool knows',
      hint: `put it in one of ${[...folderTypes.keys()].map((f) => `${displayPathOf(folder)}/${f}/`).join(', ')}, or name it ${displayPathOf(folder)}/${partnershipFile}`,
    };
  }
  if (!idPattern.test(id)) {
    return {
      file: displayPath,
      message: `the file name "${path.basename(absolutePath)}" cannot be used as an id`,
      hint: `ids come from file names, which must be lower-case words joined by hyphens: rename it to "${usableId(suggestId(id), type)}${type === 'partnership' ? '' : '.md'}"`,
    };
  }
  const replacement = replaced?.get(absolutePath);
  const read = replacement === undefined ? readContentFile(absolutePath) : checkedText(Buffer.from(replacement, 'utf8'));
  const parsed = read.text === undefined ? undefined : withoutFrontmatter(type, parseSource(read.text));
  const failure = read.error ?? parsed?.error;
  if (failure || !parsed?.data)
    return { file: displayPath, line: failure?.line, message: failure?.message ?? 'unreadable', hint: failure?.hint };
  return {
    type,
    partnership,
    id,
    absolutePath,
    displayPath,
    data: parsed.data,
    body: parsed.body,
    frontmatterLines: parsed.frontmatterLines,
    frontmatterStart: 2,
    bodyStart: parsed.noFrontmatter ? 1 : parsed.frontmatterLines.length + 2,
  };
}

/**
 * A file of a type that needs no field (a reporting year named by its file) may have no
 * frontmatter at all: its whole text is the body. The editor on GitHub saves such a file so once
 * its last field is emptied. Any other type still needs its frontmatter, and hears so.
 */
function withoutFrontmatter(type: ContentType, parsed: ReturnType<typeof parseSource>): ReturnType<typeof parseSource> {
  if (!parsed.noFrontmatter || !contentTypes[type].schema.safeParse({}).success) return parsed;
  return { data: {}, body: parsed.body, frontmatterLines: [], noFrontmatter: true };
}

/** A problem for each partnership folder without a partnership.md (one that cannot be read is already reported). */
function missingPartnershipFiles(valid: Set<string>, root: string, files: readonly SourceFile[], problems: readonly Problem[]): Problem[] {
  const missing: Problem[] = [];
  for (const partnership of valid) {
    const folder = path.join(root, partnership);
    if (
      !files.some((file) => file.partnership === partnership && file.type === 'partnership') &&
      !problems.some((p) => p.file === displayPathOf(path.join(folder, partnershipFile)))
    ) {
      missing.push({
        file: displayPathOf(folder),
        message: `the partnership folder "${partnership}" has no ${partnershipFile}`,
        hint: `add ${displayPathOf(folder)}/${partnershipFile} with the partnership's name, short name and area`,
      });
    }
  }
  return missing;
}

const splitHint = 'split it into several items, or move long documents elsewhere and link to them';

type ReadFile = { text?: string; error?: { message: string; line?: number; hint?: string } };

/** One file's text, refusing what is too big or not UTF-8 before any parsing. */
function readContentFile(absolutePath: string): ReadFile {
  let bytes: Buffer;
  try {
    const size = statSync(absolutePath).size;
    if (size > limits.fileBytes) return tooBig(size);
    bytes = readFileSync(absolutePath);
  } catch (cause) {
    return { error: { message: `the file cannot be read: ${fileSystemReason(cause)}` } };
  }
  return decodeContent(bytes);
}

/** Text a file would have, held to the same limit as a file read from the disk. */
function checkedText(bytes: Buffer): ReadFile {
  return bytes.length > limits.fileBytes ? tooBig(bytes.length) : decodeContent(bytes);
}

function tooBig(size: number): ReadFile {
  return {
    error: {
      message: `the file is ${Math.round(size / 1024)} kB, more than the limit of ${limits.fileBytes / 1024} kB for one file`,
      hint: splitHint,
    },
  };
}
