/**
 * A site's search vocabulary: the default one (./default.ts), then the entries in its
 * partnership.md (`vocabulary:`, schemas/vocabulary.ts). A partnership's entry takes its words
 * from any default entry that lists them, so a partnership can change what "gangs" finds on its
 * site without repeating the rest of the default entry. The search page (src/search/query.ts)
 * reads this one list.
 */
import { normalisePhrase } from '../../schemas/values/phrase.ts';
import type { PartnershipNode } from '../model/graph/nodes.ts';
import type { VocabularyEntry } from './entry.ts';
import { defaultVocabulary } from './default.ts';

export function siteVocabulary(partnership: PartnershipNode): VocabularyEntry[] {
  return mergeVocabularies(defaultVocabulary, partnership.entry.data.vocabulary);
}

/** Later lists win: a word a later entry lists is taken out of every earlier entry, and an entry left with no words goes. */
export function mergeVocabularies(...lists: ReadonlyArray<readonly VocabularyEntry[]>): VocabularyEntry[] {
  const merged: VocabularyEntry[] = [];
  for (const list of lists) {
    const taken = new Set(list.flatMap((entry) => entry.words.map(normalisePhrase)));
    for (let i = 0; i < merged.length; i += 1) {
      merged[i] = { ...merged[i], words: merged[i].words.filter((word) => !taken.has(normalisePhrase(word))) };
    }
    merged.push(...list.map(({ words, finds }) => ({ words, finds })));
  }
  return merged.filter((entry) => entry.words.length > 0);
}

export type { VocabularyEntry } from './entry.ts';
