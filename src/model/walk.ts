/**
 * The one walk of the content folder. The check, the build and every command find content files
 * here and nowhere else, so what is skipped (drafts, notes, editor files) is skipped everywhere
 * and what is read is read everywhere. A file that looks like content but will not be read is
 * reported rather than dropped; a link out of the folder, a dangling link, a loop, an
 * unreadable folder or a name Windows keeps for a device is an ordinary error that names it.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { contentTypes } from '../../schemas/index.ts';
import type { Problem } from './problems.ts';
import { deviceNameReason, renamedFromDevice, windowsDeviceName } from './reserved-names.ts';

/** A Markdown file the walk found, to be read as content. */
export interface FoundFile {
  /** The partnership folder it is in. */
  partnership: string;
  /** Its path inside the content folder (through any link), as it appears there. */
  absolutePath: string;
  /** Path segments below the partnership folder, like ["actions", "x.md"]. */
  relative: string[];
}

export interface Walk {
  /** The partnership folders, in order, whatever they hold. */
  partnerships: Array<{ id: string; absolutePath: string }>;
  files: FoundFile[];
  problems: Problem[];
  /** Files and folders skipped because their names start with "_": drafts and private notes. */
  drafts: string[];
  /** Pictures in partnership folders: a logo that partnership.md names, or else a file warned about (src/model/branding.ts). */
  pictures: FoundFile[];
}

/** Names that are never content and never worth a word: hidden files and editor or system leftovers. */
function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || /^(thumbs\.db|desktop\.ini)$/i.test(name) || name.startsWith('~$');
}

/** A private draft or note: the guide says a name starting with "_" is never published. */
const isDraft = (name: string) => name.startsWith('_');

const isReadme = (name: string) => /^readme\.(md|markdown|txt)$/i.test(name);

const isPicture = (name: string) => /\.(svg|png|jpe?g|gif|webp)$/i.test(name);

/** The type of the files a partnership's folder holds, by folder name: "actions" -> "action". */
const typeOfFolder = new Map<string, string>(
  Object.entries(contentTypes)
    .filter(([, spec]) => spec.folder !== '')
    .map(([type, spec]) => [spec.folder, type]),
);

/** Names of files meant as Markdown content that the tool will not read, and the name they should have. */
function misnamedMarkdown(name: string): string | undefined {
  const match = /^(.*?)\.(md|markdown|mdown|mkd|mdx)(\.txt)?$/i.exec(name);
  if (!match || name.endsWith('.md')) return undefined;
  return `${match[1]}.md`;
}

export function walkContent(root: string, displayPathOf: (absolutePath: string) => string): Walk {
  const walker = new Walker(displayPathOf);
  walker.walkRoot(root);
  return walker.walk;
}

/** One walk of one content folder: what it found so far, and the folder's real path, which links may not leave. */
class Walker {
  readonly walk: Walk = { partnerships: [], files: [], problems: [], drafts: [], pictures: [] };
  private readonly displayPathOf: (absolutePath: string) => string;
  private realRoot = '';

  constructor(displayPathOf: (absolutePath: string) => string) {
    this.displayPathOf = displayPathOf;
  }

  private error(absolutePath: string, message: string, hint?: string): void {
    this.walk.problems.push({ file: this.displayPathOf(absolutePath), message, ...(hint ? { hint } : {}) });
  }

  private warning(absolutePath: string, message: string, hint?: string): void {
    this.walk.problems.push({ file: this.displayPathOf(absolutePath), message, severity: 'warning', ...(hint ? { hint } : {}) });
  }

  /** The content folder: one folder per partnership, and nothing else worth reading. */
  walkRoot(root: string): void {
    try {
      this.realRoot = realpathSync(root);
      if (!statSync(this.realRoot).isDirectory()) throw new Error('not a folder');
    } catch {
      this.error(root, 'the content folder does not exist', 'create it, or point the tool at your plan with --content DIR');
      return;
    }
    for (const name of this.list(root) ?? []) {
      const absolutePath = path.join(root, name);
      if (this.skipped(name, absolutePath)) continue;
      const kind = this.classify(absolutePath);
      if (kind && this.refusedDeviceName(absolutePath, name, kind === 'folder' ? 'partnership' : 'file')) continue;
      if (kind === 'folder') {
        this.walk.partnerships.push({ id: name, absolutePath });
        this.collect(name, absolutePath, [], new Set([realpathSync(absolutePath)]));
      } else if (kind === 'file' && !isReadme(name)) {
        this.warning(
          absolutePath,
          'this file is not read: the content folder holds one folder per partnership',
          'move it into a partnership folder, or out of the content folder',
        );
      }
    }
  }

  /** Every file under a partnership folder; `seen` holds the real folders walked, so a linked folder cannot loop. */
  private collect(partnership: string, folder: string, relative: string[], seen: Set<string>): void {
    for (const name of this.list(folder) ?? []) {
      const absolutePath = path.join(folder, name);
      if (this.skipped(name, absolutePath)) continue;
      const kind = this.classify(absolutePath);
      const what = kind === 'folder' ? 'folder' : isPicture(name) ? 'picture' : (typeOfFolder.get(relative[0]) ?? 'file');
      if (kind && this.refusedDeviceName(absolutePath, name, what)) continue;
      if (kind === 'folder') {
        const real = realpathSync(absolutePath);
        if (seen.has(real)) this.error(absolutePath, 'this link leads round in a loop back to a folder already read');
        else this.collect(partnership, absolutePath, [...relative, name], new Set([...seen, real]));
      } else if (kind === 'file') {
        this.foundFile({ partnership, absolutePath, relative: [...relative, name] }, name);
      }
    }
  }

  /** A file in a partnership folder: content, a picture, or a word on why it is not read. */
  private foundFile(file: FoundFile, name: string): void {
    const renamed = misnamedMarkdown(name);
    if (isReadme(name)) {
      this.warning(
        file.absolutePath,
        'README files are never published',
        'keep notes for the team in content/README.md or outside content/, or start the name with "_" to mark it private',
      );
    } else if (name.endsWith('.md')) {
      this.walk.files.push(file);
    } else if (isPicture(name)) {
      this.walk.pictures.push(file);
    } else if (renamed) {
      this.error(file.absolutePath, 'this file is not read: content files must end in ".md", in lower case', `rename it to "${renamed}"`);
    } else {
      this.warning(
        file.absolutePath,
        'this file is not read: only .md files are content',
        'move it out of the content folder, or start its name with "_"',
      );
    }
  }

  /** Hidden files pass without a word; drafts are noted, so the check can say how many it skipped. */
  private skipped(name: string, absolutePath: string): boolean {
    if (isHidden(name)) return true;
    if (!isDraft(name)) return false;
    this.walk.drafts.push(this.displayPathOf(absolutePath));
    return true;
  }

  private list(folder: string): string[] | undefined {
    try {
      return readdirSync(folder).sort();
    } catch (cause) {
      this.error(folder, `the folder cannot be read: ${reason(cause)}`);
      return undefined;
    }
  }

  /** What a name in a folder is, following a link only when it stays inside the content folder. */
  private classify(absolutePath: string): 'file' | 'folder' | undefined {
    let stats;
    try {
      stats = lstatSync(absolutePath);
    } catch (cause) {
      this.error(absolutePath, `it cannot be read: ${reason(cause)}`);
      return undefined;
    }
    if (!stats.isSymbolicLink()) return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : undefined;
    return this.followLink(absolutePath);
  }

  private followLink(absolutePath: string): 'file' | 'folder' | undefined {
    let real: string;
    try {
      real = realpathSync(absolutePath);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') this.error(absolutePath, 'this link leads round in a loop and never reaches a file');
      else if (code === 'ENOENT')
        this.error(absolutePath, 'this is a link to a file that does not exist', 'remove the link, or copy the file it meant here');
      else this.error(absolutePath, `this link cannot be followed: ${reason(cause)}`);
      return undefined;
    }
    const kind = statSync(real).isDirectory() ? 'folder' : 'file';
    if (real === this.realRoot || real.startsWith(this.realRoot + path.sep)) return kind;
    this.error(
      absolutePath,
      `this is a link to a ${kind} outside the content folder, which is never read`,
      `copy the ${kind} into the content folder instead of linking to it`,
    );
    return undefined;
  }

  /** A name Windows keeps for a device is refused wherever it is: nothing under it is read. */
  private refusedDeviceName(absolutePath: string, name: string, what: string): boolean {
    const device = windowsDeviceName(name);
    if (device) this.error(absolutePath, deviceNameReason(`the name "${name}"`, device), `rename it to "${renamedFromDevice(name, what)}"`);
    return device !== undefined;
  }
}

/** A file system error, said in words. */
function reason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? 'permission denied'
    : code === 'ENOENT'
      ? 'it does not exist'
      : code === 'ENOTDIR'
        ? 'it is not a folder'
        : code === 'EISDIR'
          ? 'it is a folder'
          : ((cause as Error).message ?? String(cause));
}

/** Exported for the loader, which reads each file and says why one cannot be read in the same words. */
export { reason as fileSystemReason };
