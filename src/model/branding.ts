/**
 * The files a partnership's branding names: its logo, an SVG or PNG in its own folder. The check
 * reads it once, refuses what the sites must never carry, and hands the build the bytes to
 * publish: a PNG as it is, an SVG as the copy written from its checked drawing
 * (src/model/svg-logo.ts). Any other picture beside the content is warned about, as any file
 * that is not content is.
 *
 * An SVG that holds anything but drawing (a script, an event handler, animation, a link, HTML,
 * a reference to another file or site) is refused, not cleaned: the sites promise to run no
 * script but their own and to ask nothing of any other site (their Content-Security-Policy says
 * so to browsers), and a logo opened on its own address would otherwise run at the site's
 * origin. A cleaned file could differ from what the author sees; a refusal says what to do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnyEntry, Entry } from './entries.ts';
import type { LoadResult } from './load.ts';
import { locateField } from './locate.ts';
import type { Problem } from './problems.ts';
import { closest } from './suggest.ts';
import { readSvgLogo } from './svg-logo.ts';

/** A file the build copies into a partnership's site, like its logo. */
export interface SiteAsset {
  partnership: string;
  /** Its name in the site's folder, like "logo.svg". */
  name: string;
  bytes: Uint8Array;
}

/** The largest logo accepted: it is on every page, so a big one slows every page. */
export const maxLogoBytes = 512 * 1024;

/** The name a partnership's logo is published under, at the root of its site. */
export function logoName(file: string): string {
  return `logo.${path.extname(file).slice(1).toLowerCase()}`;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function checkBranding(loaded: LoadResult, entries: readonly AnyEntry[]): { problems: Problem[]; assets: SiteAsset[] } {
  const problems: Problem[] = [];
  const assets: SiteAsset[] = [];
  const logos = new Set<string>();
  for (const entry of entries) {
    if (entry.type !== 'partnership' || !entry.data.branding?.logo) continue;
    const checked = checkLogo(entry, entry.data.branding.logo.file, loaded);
    if (checked.found) logos.add(checked.found);
    if ('asset' in checked) assets.push(checked.asset);
    else problems.push(checked.problem);
  }
  problems.push(...unreadPictures(loaded, logos));
  return { problems, assets };
}

/** A partnership's logo, ready to publish, or the one thing wrong with it; and where it was found, if it was. */
type CheckedLogo = { found?: string } & ({ asset: SiteAsset } | { problem: Problem });

function checkLogo(entry: Entry<'partnership'>, written: string, loaded: LoadResult): CheckedLogo {
  const problem = (message: string, hint: string): { problem: Problem } => {
    const line = entry.frontmatterLines ? locateField(entry.frontmatterLines, ['branding', 'logo', 'file']) : undefined;
    return { problem: { file: entry.file, line: line === undefined ? undefined : line + 2, field: 'branding.logo.file', message, hint } };
  };
  const shownFolder = path.posix.dirname(entry.file);
  const file = written.replace(/\\/g, '/');
  const segments = file.split('/');
  if (path.isAbsolute(written) || /^[a-zA-Z]:/.test(file) || segments.includes('..')) {
    return problem(
      `the logo "${written}" is outside the partnership's folder`,
      `copy the logo into ${shownFolder}/ and write its name here, like: file: logo.svg`,
    );
  }
  if (!/\.(svg|png)$/i.test(file)) {
    return problem(
      `the logo "${written}" is not an SVG or PNG file`,
      'save the logo as a PNG (or an SVG) in the same folder and write that name here',
    );
  }
  const absolutePath = path.join(path.dirname(entry.absolutePath), ...segments);
  if (!loaded.pictures.some((p) => p.absolutePath === absolutePath)) {
    const others = loaded.pictures.filter((p) => p.partnership === entry.partnership).map((p) => p.relative.join('/'));
    const suggestion = closest(file, others);
    return problem(
      `there is no logo file "${written}" beside partnership.md`,
      suggestion
        ? `did you mean "${suggestion}"?`
        : `put the logo in ${shownFolder}/ (not in a folder starting with "_" or ".", and not as a link to elsewhere), and write its name here`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return {
      found: absolutePath,
      ...problem(`the logo "${written}" cannot be read: ${(error as Error).message}`, 'check the file is there and can be opened'),
    };
  }
  if (bytes.length > maxLogoBytes) {
    return {
      found: absolutePath,
      ...problem(
        `the logo "${written}" is ${Math.round(bytes.length / 1024)} kB, more than the limit of ${maxLogoBytes / 1024} kB`,
        'save it smaller: a logo shown at header size needs no more than about 400 pixels across',
      ),
    };
  }
  const published = publishedLogo(file, bytes);
  if ('reason' in published) {
    // A problem inside the picture is shown where it is: the logo's own file (and line).
    const at = { file: displayOf(absolutePath), ...(published.line === undefined ? {} : { line: published.line }) };
    return { found: absolutePath, problem: { ...at, message: `the logo "${written}" ${published.reason}`, hint: unsafeHint(file) } };
  }
  return { found: absolutePath, asset: { partnership: entry.partnership, name: logoName(file), bytes: published.bytes } };
}

/** Every picture in a partnership folder that no partnership.md names as its logo: warned about, as any file that is not content. */
function unreadPictures(loaded: LoadResult, logos: ReadonlySet<string>): Problem[] {
  return loaded.pictures
    .filter((picture) => !logos.has(picture.absolutePath))
    .map((picture) => ({
      file: displayOf(picture.absolutePath),
      message: 'this file is not read: only .md files are content',
      hint: 'a picture can be the logo, named under branding: logo: in partnership.md (SVG or PNG); otherwise move it out of the content folder, or start its name with "_"',
      severity: 'warning' as const,
    }));
}

/** The bytes the sites publish for a logo, or why it cannot be published (and the line, in an SVG). */
function publishedLogo(file: string, bytes: Buffer): { bytes: Uint8Array } | { reason: string; line?: number } {
  if (/\.png$/i.test(file)) {
    return pngSignature.every((byte, i) => bytes[i] === byte)
      ? { bytes }
      : { reason: 'is not a PNG picture, though its name ends in .png' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { reason: 'is saved as UTF-16 text: save it as UTF-8 (the usual choice of drawing programs)' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: 'is not an SVG picture (it is not text)' };
  }
  if (!/<svg\b/i.test(text)) return { reason: 'is not an SVG picture (it has no <svg> element)' };
  const svg = readSvgLogo(text);
  if (!svg.ok) return { reason: svg.reason, line: svg.line };
  return { bytes: Buffer.from(svg.svg, 'utf8') };
}

function unsafeHint(file: string): string {
  return /\.png$/i.test(file)
    ? 'save the logo again as a PNG from a picture editor'
    : 'the site publishes an SVG only when it holds nothing but the drawing (shapes, paths, text, gradients, clipping, masks, filters): its pages run no script but their own and load nothing from other sites. Save the logo as a plain SVG (in Inkscape: File > Save As > Plain SVG), or as a PNG';
}

function displayOf(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return (relative.startsWith('..') ? absolutePath : relative).split(path.sep).join('/');
}

/** The logo of a partnership's site, where it has one: the published name and its alt text. */
export function siteLogo(entry: Entry<'partnership'>): { name: string; alt: string } | undefined {
  const logo = entry.data.branding?.logo;
  return logo ? { name: logoName(logo.file), alt: logo.alt } : undefined;
}
