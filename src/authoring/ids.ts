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

/** The words other bodies' names end with, by kind: "Luton Safeguarding Adults Board" covers Luton. */
const bodySuffixes: Readonly<Record<string, RegExp>> = {
  'safeguarding-adults-board': /\s*\b(?:local\s+)?safeguarding\s+adults?\s+(?:board|partnership)\b.*$/i,
  'community-safety-partnership': /\s*\bcommunity\s+safety\s+partnership\b.*$/i,
  'health-and-wellbeing-board': /\s*\bhealth\s+(?:and|&)\s+well-?being\s+board\b.*$/i,
};

/**
 * "Isle of Wight Safeguarding Children Partnership" -> "Isle of Wight"; for another kind of body,
 * its own words: "Luton Safeguarding Adults Board" -> "Luton". "" when the name does not end in
 * the words of its kind, so the area is asked for rather than guessed.
 */
export function areaFromName(name: string, kind = 'safeguarding-children-partnership'): string {
  const suffix = kind === 'safeguarding-children-partnership' ? partnershipSuffix : bodySuffixes[kind];
  if (!suffix || !suffix.test(name)) return kind === 'safeguarding-children-partnership' ? areaOf(name, partnershipSuffix) : '';
  return areaOf(name, suffix);
}

function areaOf(name: string, suffix: RegExp): string {
  return name
    .replace(suffix, '')
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

/** The words a year range is written in: "2023-26", "2023 - 2026", "2023 to 2026". */
const yearRange = /\b((?:19|20)\d{2})\s*(?:-|–|—|to)\s*((?:19|20)?\d{2})\b/;
/** The words an open-ended period is written in: "2024-", "2024 onwards", "from 2024". */
const yearOnwards =
  /(?:\bfrom\s+((?:19|20)\d{2})\b(?!\s*(?:-|–|—|to)\s*\d))|(?:\b((?:19|20)\d{2})\s*(?:(?:-|–|—)\s*(?:onwards?\b|$)|(?:and\s+)?(?:onwards?|beyond)\b))/i;

/**
 * "Business Plan 2023-26" -> "2023-2026"; "Exploitation Strategy 2024 onwards" -> "2024-onwards"
 * (the schema's word for a plan with no end date, schemas/plan.ts); undefined when the title
 * names no period.
 */
export function periodFromTitle(title: string): string | undefined {
  const match = yearRange.exec(title);
  if (match) {
    const from = Number(match[1]);
    let to = Number(match[2]);
    if (match[2].length === 2) to = Math.floor(from / 100) * 100 + to + (to < from % 100 ? 100 : 0);
    return to > from ? `${from}-${to}` : undefined;
  }
  const onwards = yearOnwards.exec(title.trim());
  return onwards ? `${onwards[1] ?? onwards[2]}-onwards` : undefined;
}

/**
 * A plan's id: from its title without the owner's name in front ("Luton Safeguarding Children
 * Partnership Business Plan 2024-27" -> "business-plan-2024-27"), since the plan's address is
 * already under its partnership's. A long title is cut at a whole word, but keeps its years, so
 * the cut never leaves an id that reads like the partnership's own.
 */
export function planIdFromTitle(title: string, ownerNames: readonly string[]): string {
  let own = title.trim();
  for (const name of [...ownerNames].sort((a, b) => b.length - a.length)) {
    const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!escaped) continue;
    const front = new RegExp(`^(?:the\\s+)?${escaped}(?:['’]s)?(?:\\s*[:,–—-]\\s*|\\s+)`, 'i');
    const rest = own.replace(front, '');
    if (rest !== own && idFromTitle(rest) !== '') {
      own = rest;
      break;
    }
  }
  const id = idFromTitle(own);
  const years = (yearRange.exec(own) ?? yearOnwards.exec(own))?.[0];
  const yearsId = years ? idFromTitle(years) : '';
  if (!yearsId || id.endsWith(yearsId) || id.includes(`-${yearsId}-`)) return id;
  // Cut short, the id lost its years: keep as many words as fit beside them.
  const words = idFromTitle(own.replace(years!, ' '), maxIdLength - yearsId.length - 1);
  return words ? `${words}-${yearsId}` : yearsId;
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
