/**
 * A partnership's own glossary entries (the `glossary` list in partnership.md): abbreviations
 * its plan uses, added to the default glossary that ships with the tool (src/glossary/) or
 * replacing an entry there with the same term. Search finds each term and its meaning in both
 * directions, the site's glossary page lists them, and the first use of a term on a page is
 * explained with <abbr>.
 */
import { z } from 'astro/zod';

/** An abbreviation as it is written: one word, with a capital letter, like "CSE", "ACEs" or "0-19s". */
export const abbreviation = z.string().check((ctx) => {
  const value = ctx.value.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9&/-]{0,11}$/.test(value) || !/[A-Z]/.test(value)) {
    ctx.issues.push({
      code: 'custom',
      message: 'an abbreviation: one word of up to 12 letters, digits, "&", "-" or "/", with a capital letter, like "CSE"',
      input: ctx.value,
      params: { hint: 'write the short form in `term` and what it stands for in `meaning`' },
    });
  }
});

/** One abbreviation and what it stands for. */
export const glossaryEntry = z.strictObject({
  /** The abbreviation as the plan writes it, like "CSE". */
  term: abbreviation.transform((value) => value.trim()),
  /** What it stands for, like "child sexual exploitation". */
  meaning: z.string().trim().min(1),
  /** Other ways of writing the same thing, which search treats as the same words, like "sexual exploitation". */
  also: z.array(z.string().trim().min(1)).default([]),
  /** Wider topics a search for it should also find, after the pages that use the term itself, like "child exploitation". */
  related: z.array(z.string().trim().min(1)).default([]),
});
export type GlossaryEntryData = z.infer<typeof glossaryEntry>;

/** The glossary list: each term once. */
export const glossaryList = z
  .array(glossaryEntry)
  .default([])
  .check((ctx) => {
    const seen = new Map<string, number>();
    ctx.value.forEach((entry, index) => {
      const key = entry.term.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else {
        ctx.issues.push({
          code: 'custom',
          message: `"${entry.term}" is already in the glossary (entry ${first + 1})`,
          input: entry.term,
          path: [index, 'term'],
          params: { said: 'as-is', hint: 'give each term one entry; put other ways of writing it in `also`' },
        });
      }
    });
  });
