/**
 * A site's glossary: the default one (./default.ts), then the abbreviations a partnership's own
 * data already defines (its short name, its joint partners' and its groups' acronyms), then the
 * entries in its partnership.md, each replacing any earlier entry with the same term. Search
 * (src/search/query.ts), the glossary page and the <abbr> markup (./abbr.ts) all read this one list.
 */
import type { PartnershipNode } from '../model/graph/nodes.ts';
import type { GlossaryEntry } from './entry.ts';
import { defaultGlossary } from './default.ts';

/** An abbreviation the data names in passing (a short name, an acronym) is one only if it looks like one. */
const looksLikeAbbreviation = (text: string | undefined): text is string => !!text && /^[A-Z][A-Za-z0-9&/-]{1,11}$/.test(text);

export function siteGlossary(partnership: PartnershipNode): GlossaryEntry[] {
  const data = partnership.entry.data;
  const named: GlossaryEntry[] = [];
  if (looksLikeAbbreviation(data.shortName)) named.push({ term: data.shortName, meaning: data.name });
  for (const joint of data.jointWith)
    if (looksLikeAbbreviation(joint.shortName)) named.push({ term: joint.shortName, meaning: joint.name });
  for (const group of partnership.groups) {
    const { acronym, name } = group.entry.data;
    if (looksLikeAbbreviation(acronym)) named.push({ term: acronym, meaning: name });
  }
  return mergeGlossaries(defaultGlossary, named, data.glossary);
}

/** Later lists win: an entry replaces any earlier one with the same term, whatever its case. */
export function mergeGlossaries(...lists: ReadonlyArray<readonly GlossaryEntry[]>): GlossaryEntry[] {
  const byTerm = new Map<string, GlossaryEntry>();
  for (const list of lists) for (const entry of list) byTerm.set(entry.term.toLowerCase(), entry);
  return [...byTerm.values()].sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }));
}

/** The meaning as a title: "child sexual exploitation" reads as "Child sexual exploitation". */
export function meaningText(entry: GlossaryEntry): string {
  return entry.meaning.charAt(0).toUpperCase() + entry.meaning.slice(1);
}

export type { GlossaryEntry } from './entry.ts';
