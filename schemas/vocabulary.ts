/**
 * A partnership's own search vocabulary (the `vocabulary` list in partnership.md): the words
 * its readers type, each with the words its plan uses for the same thing, added to the default
 * vocabulary that ships with the tool (src/vocabulary/) or replacing a default entry for the
 * same words. A search for any of an entry's `words` also finds the pages with any of its `finds`.
 */
import { z } from 'astro/zod';
import { normalisePhrase } from './values/phrase.ts';
import { plainText } from './common.ts';

/** A word or a phrase, as a reader types it or a plan writes it: search compares its letters and digits. */
export const searchPhrase = plainText.check((ctx) => {
  if (!normalisePhrase(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      message: 'a word or a phrase with letters or digits, like "county lines"',
      input: ctx.value,
      params: { hint: 'write each way of saying it as its own item of the list' },
    });
  }
});

/** Everyday words and the plan's words for the same thing. */
export const vocabularyEntry = z.strictObject({
  /** What readers type, like "gangs" or "county lines". */
  words: z.array(searchPhrase).min(1),
  /** The words the plan uses for it, which a search for any of `words` also finds, like "criminal exploitation". */
  finds: z.array(searchPhrase).min(1),
});
export type VocabularyEntryData = z.infer<typeof vocabularyEntry>;

/** The vocabulary list: each word in one entry only. */
export const vocabularyList = z
  .array(vocabularyEntry)
  .default([])
  .check((ctx) => {
    const seen = new Map<string, number>();
    ctx.value.forEach((entry, index) => {
      entry.words.forEach((word, position) => {
        const key = normalisePhrase(word);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index);
        else if (first !== index) {
          ctx.issues.push({
            code: 'custom',
            message: `"${word}" is already in the vocabulary (entry ${first + 1})`,
            input: word,
            path: [index, 'words', position],
            params: { said: 'as-is', hint: "give each word one entry, and list there all the plan's words it should find" },
          });
        }
      });
    });
  });
