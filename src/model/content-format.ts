/**
 * The content format: which way of writing the content a partnership's files follow. The tool
 * is a dependency that partnerships upgrade, so a newer tool must read older content, or say
 * exactly what to change; `plan-publisher migrate` (src/authoring/migrate.ts) makes the change.
 *
 * A partnership.md says `format: N` for its whole folder; with no `format:` line it is format 1,
 * the way content was written before the tool was a package. The formats so far:
 *   1. `colour:` at the top level of partnership.md.
 *   2. `format: 2`; the site's look under `branding:` (colour, logo, footer links).
 * Both are read: the site's colour is `branding.colour` in format 2 and `colour` in format 1.
 */
import type { PartnershipData } from '../../schemas/index.ts';
import type { SourceFile } from './load.ts';
import { locateField } from './locate.ts';
import type { Problem } from './problems.ts';

/** The newest format this version of the tool reads and writes. */
export const currentFormat = 2;

/** The format a partnership file's frontmatter says it is written in. */
export function formatOf(data: Record<string, unknown>): number | undefined {
  if (data.format === undefined) return 1;
  return typeof data.format === 'number' && Number.isInteger(data.format) && data.format > 0 ? data.format : undefined;
}

const migrateHint = 'run `npm run migrate` (or `npx plan-publisher migrate`), which shows the change and then makes it';

/** What a partnership file says that its format does not allow: each with the line, and what to change. */
export function formatProblems(files: readonly SourceFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    if (file.type !== 'partnership') continue;
    const at = (field: string) => {
      const line = locateField(file.frontmatterLines, [field]);
      return { file: file.displayPath, field, ...(line === undefined ? {} : { line: line + file.frontmatterStart }) };
    };
    const format = formatOf(file.data);
    if (format === undefined) continue; // not a whole number: the schema says so
    if (format > currentFormat) {
      problems.push({
        ...at('format'),
        message: `this content is written in content format ${format}, which is newer than this version of Plan Publisher reads (format ${currentFormat} and older)`,
        hint: 'upgrade the tool: npm install plan-publisher@latest',
      });
    } else if (format < 2 && file.data.branding !== undefined) {
      problems.push({
        ...at('branding'),
        message: `branding: is part of content format 2, and this file is written in format ${format} (it has no "format: 2" line)`,
        hint: `${migrateHint}: it adds "format: 2" and moves colour: under branding:`,
      });
    } else if (format >= 2 && file.data.colour !== undefined) {
      problems.push({
        ...at('colour'),
        message: `in content format ${format} the colour is written under branding:, as "branding:" and then "  colour: ..." on the next line`,
        hint: migrateHint,
      });
    }
  }
  return problems;
}

/** The site's brand colour, from whichever format the partnership is written in. */
export function brandColour(data: PartnershipData): string | undefined {
  return data.branding?.colour ?? data.colour;
}
