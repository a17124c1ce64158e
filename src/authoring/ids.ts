/** Ids from titles: what `npm run new` names a file when it is given only a title. */

/** The longest id derived from a title; longer titles are cut at a whole word. */
export const maxIdLength = 50;

/**
 * "Deliver Neglect Training (2021–22)" -> "deliver-neglect-training-2021-22":
 * lower-case ASCII letters and digits joined by single hyphens. Accents are dropped
 * ("Café" -> "cafe"), "&" reads "and", apostrophes vanish ("children's" -> "childrens"),
 * and a long title is cut at the last whole word within 50 characters.
 */
export function idFromTitle(title: string, maxLength = maxIdLength): string {
  const id = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (id.length <= maxLength) return id;
  const cut = id.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : id.slice(0, maxLength)).replace(/-+$/, '');
}

/** The words a partnership's name ends with, removed to find its area. */
const partnershipSuffix = /\s*\b(?:local\s+)?safeguarding\s+(?:children(?:'s)?\s+)?partnership\b.*$/i;

/** "Isle of Wight Safeguarding Children Partnership" -> "Isle of Wight". */
export function areaFromName(name: string): string {
  return name
    .replace(partnershipSuffix, '')
    .replace(/^the\s+/i, '')
    .trim();
}

/** "Isle of Wight Safeguarding Children Partnership" -> "IOWSCP": the first letter of each word. */
export function shortNameFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word[0].toUpperCase())
    .join('');
}

/** "Business Plan 2023-26" -> "2023-2026"; undefined when the title names no period. */
export function periodFromTitle(title: string): string | undefined {
  const match = /\b((?:19|20)\d{2})\s*(?:-|–|—|to)\s*((?:19|20)?\d{2})\b/.exec(title);
  if (!match) return undefined;
  const from = Number(match[1]);
  let to = Number(match[2]);
  if (match[2].length === 2) to = Math.floor(from / 100) * 100 + to + (to < from % 100 ? 100 : 0);
  return to > from ? `${from}-${to}` : undefined;
}

/** The words an adults' board's name ends with, removed to find its area. */
const boardSuffix = /\s*\bsafeguarding\s+adults?(?:'s?)?\s+(?:partnership\s+)?board\b.*$/i;

/** "Luton Safeguarding Adults Board" -> "Luton"; a name without those words, as it is. */
export function areaFromBoardName(name: string): string {
  return name
    .replace(boardSuffix, '')
    .replace(/^the\s+/i, '')
    .trim();
}
