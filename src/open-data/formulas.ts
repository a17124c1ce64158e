/**
 * Spreadsheet formulas in CSV cells (OWASP's "CSV injection"). Excel, LibreOffice and Google
 * Sheets run a cell as a formula when it starts with "=", "+", "-" or "@" (some also after a
 * tab, a carriage return or spaces), so text from an action file could open a link or run a
 * command on the computer of whoever opens our actions.csv. Every cell we publish that could
 * start a formula gets an apostrophe in front, which spreadsheets show as text; `npm run
 * import` takes that apostrophe off again, so a file exported and imported unchanged stays
 * byte for byte the same.
 *
 * The import has one rule, the same for every column of every CSV it reads: with our
 * apostrophe taken off, a value it would write into the plan must not start a formula. The
 * apostrophe says only that the cell came from our export; it does not make what follows safe,
 * because plan.json and the feed republish the text to people who open it in spreadsheets of
 * their own. The one exception is a cell that holds a number and is read as one (a measure's
 * value): "-3", or "'-3" as the export writes it, is the number -3 and is written as a number.
 */

/** What a spreadsheet may run as a formula: a tab, a carriage return, or =, +, - or @ after any spaces. */
const formulaStart = /^(?:[\t\r]|\s*[=+\-@])/;
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
 * True when a cell someone wants imported would put a formula into the plan: when, with our
 * apostrophe taken off, it starts the way `neutraliseFormula` guards against. No exception is
 * made for text that merely looks harmless ("- a list", "-5 referrals"): a rule with exceptions
 * is one an attacker can find a way through, and a spreadsheet reads "- 1+cmd|..." as a formula.
 */
export function isFormula(cell: string): boolean {
  return formulaStart.test(restoreNeutralised(cell));
}
