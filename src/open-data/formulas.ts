/**
 * Spreadsheet formulas in CSV cells (OWASP's "CSV injection"). Excel, LibreOffice and Google
 * Sheets run a cell as a formula when it starts with "=", "+", "-" or "@" (some also after a
 * tab, a carriage return or spaces), so text from an action file could open a link or run a
 * command on the computer of whoever opens our actions.csv. Every cell we publish that could
 * start a formula gets an apostrophe in front, which spreadsheets show as text; `npm run
 * import` takes that apostrophe off again, so a file exported and imported unchanged stays
 * byte for byte the same.
 */

/** Cells a spreadsheet may run as a formula, after any apostrophes we added before. */
const neutralised = /^'*(?:[\t\r]|\s*[=+\-@])/;
/** The same, with at least one apostrophe: one is ours. */
const ourApostrophe = /^'+(?:[\t\r]|\s*[=+\-@])/;

/**
 * The cell as published: an apostrophe before anything a spreadsheet could run. A cell that
 * already starts with apostrophes and then such a character gets one more, so reading it back
 * is never ambiguous.
 */
export function neutraliseFormula(value: string): string {
  return neutralised.test(value) ? `'${value}` : value;
}

/** The text a published cell came from: the exact inverse of `neutraliseFormula`. */
export function restoreNeutralised(value: string): string {
  return ourApostrophe.test(value) ? value.slice(1) : value;
}

/**
 * True when a cell someone wants imported is a formula rather than text. A spreadsheet saves
 * a formula's result, not the formula, so a formula in a CSV was typed or planted there; it
 * must not reach the plan, where every reuser of plan.json would get it. What text really
 * starts with is allowed: a number (-5), a dash for "none", and a Markdown list (- done).
 */
export function looksLikeFormula(cell: string): boolean {
  const value = cell.trim();
  if (/^[=@]/.test(value)) return true;
  if (!/^[+-]/.test(value)) return false;
  if (/^[+-]+$/.test(value) || /^[+-]\d[\d,]*(\.\d+)?%?$/.test(value)) return false;
  // A list item, unless its first word calls a function or, like cmd|' /C calc'!A0, a program.
  if (/^[+-]\s/.test(value)) return /^[+-]\s+[A-Za-z_][\w.]*[(|]/.test(value);
  return true;
}
