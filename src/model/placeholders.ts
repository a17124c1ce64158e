/**
 * Placeholder text: words an author writes while the real ones are not known yet ("TBC", "To be
 * confirmed", "[insert date]", "Lorem ipsum"). The check accepts them, as they are text like any
 * other, and would publish them for every reader; so it warns (src/model/warnings.ts), naming the
 * field, and never refuses the file.
 *
 * The abbreviations count only in capitals and as whole words, so that ordinary words containing
 * them, and an id or a web address, are left alone; the phrases count in any case.
 */
const placeholderPatterns: ReadonlyArray<RegExp> = [
  /\b(?:TBC|TBA|TBD|TODO|FIXME)\b/,
  /\bX{3,}\b/,
  /\bto be (?:confirmed|decided|determined|advised)\b/i,
  /\blorem ipsum\b/i,
  /\[\s*insert\b[^\]]*\]/i,
];

/** The placeholder `text` holds, as written (like "TBC" or "[insert date]"), or undefined. */
export function placeholderIn(text: string): string | undefined {
  for (const pattern of placeholderPatterns) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return undefined;
}
