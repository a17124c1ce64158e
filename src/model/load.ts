/**
 * Stage 1, parse: find every content file and split it into frontmatter and body.
 * Nothing here judges the data; it only records what each file says and where,
 * so the next stage can report every problem with a file and a line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { contentTypes, partnershipFile, type ContentType } from '../../schemas/index.ts';
import type { Problem } from './problems.ts';

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
}

export interface LoadResult {
  files: SourceFile[];
  problems: Problem[];
  /** Every Markdown file read, including ones that failed to parse. */
  fileCount: number;
}

const folderTypes = new Map<string, ContentType>(
  Object.entries(contentTypes)
    .filter(([, spec]) => spec.folder !== '')
    .map(([type, spec]) => [spec.folder, type as ContentType]),
);

/** Folders and files inside content/ that are not content: docs and editor leftovers. */
function isIgnored(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'README.md' || name === 'node_modules';
}

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

function displayPathOf(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return (relative.startsWith('..') ? absolutePath : relative).split(path.sep).join('/');
}

/** Lists every Markdown file under a folder, sorted so output is stable. */
function markdownFilesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (isIgnored(name)) continue;
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) found.push(...markdownFilesUnder(full));
    else if (name.endsWith('.md')) found.push(full);
  }
  return found;
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
    // its cache on the text alone), which would grow without bound in watch mode.
    // YAML's core schema keeps dates as text: gray-matter's own js-yaml 3 silently turns
    // an impossible date like 2021-02-30 into 2 March, and the schema must see what was written.
    const parsed = matter(clean, {
      excerpt: false,
      engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object },
    });
    const data = parsed.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return {
        body: parsed.content,
        frontmatterLines,
        error: { message: 'the frontmatter is not a list of "field: value" lines', line: 2 },
      };
    }
    return { data, body: parsed.content, frontmatterLines };
  } catch (error) {
    const yamlError = error as { reason?: string; message?: string; mark?: { line?: number } };
    // js-yaml counts from 0 at the opening "---" line, which is line 1 of the file.
    const line = typeof yamlError.mark?.line === 'number' ? yamlError.mark.line + 1 : undefined;
    return {
      body: '',
      frontmatterLines,
      error: {
        message: `the frontmatter is not valid YAML: ${yamlError.reason ?? yamlError.message ?? 'unreadable'}`,
        line,
        hint: 'check indentation and quote any value that contains ": " or starts with a special character',
      },
    };
  }
}

/** Reads every content file under `contentDir`. */
export function loadContent(contentDir: string): LoadResult {
  const root = path.resolve(contentDir);
  const files: SourceFile[] = [];
  const problems: Problem[] = [];
  let fileCount = 0;

  let partnerships: string[];
  try {
    partnerships = readdirSync(root)
      .filter((name) => !isIgnored(name) && statSync(path.join(root, name)).isDirectory())
      .sort();
  } catch {
    problems.push({
      file: displayPathOf(root),
      message: 'the content folder does not exist',
      hint: 'create it, or point the tool at your plan with --content DIR',
    });
    return { files, problems, fileCount };
  }

  for (const partnership of partnerships) {
    const folder = path.join(root, partnership);
    if (!idPattern.test(partnership)) {
      problems.push({
        file: displayPathOf(folder),
        message: `the folder name "${partnership}" cannot be used as a partnership id`,
        hint: `a partnership's folder name is its id and its site's address: rename it to "${suggestId(partnership)}"`,
      });
      continue;
    }
    for (const absolutePath of markdownFilesUnder(folder)) {
      fileCount += 1;
      const displayPath = displayPathOf(absolutePath);
      const relative = path.relative(folder, absolutePath).split(path.sep);
      let type: ContentType | undefined;
      let id: string;
      if (relative.length === 1 && relative[0] === partnershipFile) {
        type = 'partnership';
        id = partnership;
      } else {
        type = relative.length >= 2 ? folderTypes.get(relative[0]) : undefined;
        id = path.basename(absolutePath, '.md');
      }
      if (!type) {
        problems.push({
          file: displayPath,
          message: 'this file is not in a folder the tool knows',
          hint: `put it in one of ${[...folderTypes.keys()].map((f) => `${displayPathOf(folder)}/${f}/`).join(', ')}, or name it ${displayPathOf(folder)}/${partnershipFile}`,
        });
        continue;
      }
      if (!idPattern.test(id)) {
        problems.push({
          file: displayPath,
          message: `the file name "${path.basename(absolutePath)}" cannot be used as an id`,
          hint: `ids come from file names, which must be lower-case words joined by hyphens: rename it to "${suggestId(id)}${type === 'partnership' ? '' : '.md'}"`,
        });
        continue;
      }
      const parsed = parseSource(readFileSync(absolutePath, 'utf8'));
      if (parsed.error || !parsed.data) {
        problems.push({
          file: displayPath,
          line: parsed.error?.line,
          message: parsed.error?.message ?? 'unreadable',
          hint: parsed.error?.hint,
        });
        continue;
      }
      files.push({
        type,
        partnership,
        id,
        absolutePath,
        displayPath,
        data: parsed.data,
        body: parsed.body,
        frontmatterLines: parsed.frontmatterLines,
        frontmatterStart: 2,
      });
    }
    if (
      !files.some((file) => file.partnership === partnership && file.type === 'partnership') &&
      !problems.some((p) => p.file === displayPathOf(path.join(folder, partnershipFile)))
    ) {
      problems.push({
        file: displayPathOf(folder),
        message: `the partnership folder "${partnership}" has no ${partnershipFile}`,
        hint: `add ${displayPathOf(folder)}/${partnershipFile} with the partnership's name, short name and area`,
      });
    }
  }
  return { files, problems, fileCount };
}
