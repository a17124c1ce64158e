/** One entry of a search vocabulary, in its own module so the default list (./default.ts) and the merging (./vocabulary.ts) both read it without importing each other. */
export interface VocabularyEntry {
  /** What readers type, like "gangs" or "county lines". */
  words: readonly string[];
  /** The words plans use for it, which a search for any of `words` also finds. */
  finds: readonly string[];
}
