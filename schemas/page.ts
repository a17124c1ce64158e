/**
 * A page of the partnership's own, like "Contact us" or "How we work": a Markdown file in its
 * pages/ folder, published at /pages/<id>/ on its site and linked from the footer of every page.
 */
import { z } from 'astro/zod';
import { plainText } from './common.ts';

export const pageSchema = z.strictObject({
  /** The page's title, its heading and the words of its footer link, like "Contact us". */
  title: plainText,
  /** Its place among the partnership's pages in the footer; by title when left out. */
  order: z.number().int().positive().optional(),
  /** One sentence on what it holds, for search engines and link previews. */
  description: plainText.optional(),
});
export type PageData = z.infer<typeof pageSchema>;
