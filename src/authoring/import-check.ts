/**
 * What `npm run import` refuses to write, for actions and measures alike: a cell that would put
 * a spreadsheet formula or an over-long text into the plan, and any change after which the
 * content would not pass `npm run check`. The second is the check itself (checkContent), run over
 * the content with the new texts in place of the files they would replace, so whatever the check
 * would refuse once written (a text or a file over its limit, a link the site will not carry)
 * is refused before anything is written, and told against the CSV row and column it came from.
 */
import { checkContent } from '../model/check.ts';
import { limits } from '../model/limits.ts';
import type { Problem } from '../model/problems.ts';
import { isFormula, restoreNeutralised } from '../open-data/formulas.ts';

export const formulaHint =
  'the import never copies a formula into the plan: start the text with a letter or a digit, not with "=", "+", "-", "@", a tab or a line break (for a list, put a sentence first, like "Done:", and the list on the lines after it)';

/** A cell's text, shortened for a message. */
export const quoteShort = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}"`;
};

const count = (n: number) => n.toLocaleString('en-GB');

/** Why a cell's value may not be written into the plan, or undefined when it may. */
export function refuseCell(cell: string): { message: string; hint: string } | undefined {
  if (isFormula(cell)) return { message: `${quoteShort(cell)} is a spreadsheet formula, not text`, hint: formulaHint };
  const value = restoreNeutralised(cell);
  if (value.length > limits.fieldCharacters) {
    return {
      message: `the text is ${count(value.length)} characters long, more than the limit of ${count(limits.fieldCharacters)} for one value`,
      hint: 'shorten it: give a summary here, and a link to the full report',
    };
  }
  return undefined;
}

/** A file the import would write, and how to name the CSV row and column a problem in it comes from. */
export interface PlannedFile {
  absolutePath: string;
  /** The path as messages show it. */
  file: string;
  after: string;
  /** The CSV row (as messages show it, like "actions.csv row 4") and column a field's change came from, where it can be told. */
  source(field: string | undefined): { where: string; column?: string };
}

/**
 * The errors `npm run check` would report once these files were written. An error in one of
 * them is told against its CSV row and column; any other error is reported as the check says it.
 */
export function checkAfterImport(contentDir: string, planned: readonly PlannedFile[]): Problem[] {
  const result = checkContent(contentDir, { replaced: new Map(planned.map((p) => [p.absolutePath, p.after])) });
  const byFile = new Map(planned.map((p) => [p.file, p]));
  return result.problems
    .filter((problem) => problem.severity !== 'warning')
    .map((problem) => {
      const change = byFile.get(problem.file);
      if (!change) return problem;
      const { where, column } = change.source(problem.field);
      return {
        file: where,
        ...(column ? { field: column } : {}),
        message: `${problem.message}; written into ${problem.file}${problem.field ? ` (${problem.field})` : ''}, it would fail \`npm run check\``,
        ...(problem.hint ? { hint: problem.hint } : {}),
      };
    });
}

/** How many problems a failed import prints: the first are enough to start on, and a file of bad rows would otherwise print a line for each. */
export const problemsShown = 50;

/** The problems as printed, the first `problemsShown` of them and a count of the rest. */
export function listProblems(problems: readonly Problem[], format: (problem: Problem) => string): string[] {
  const shown = problems.slice(0, problemsShown).map(format);
  const more = problems.length - shown.length;
  if (more > 0)
    shown.push(
      `\n... and ${count(more)} more ${more === 1 ? 'problem' : 'problems'}, not shown: fix these first, then import again to see the rest.`,
    );
  return shown;
}
