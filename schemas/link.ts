/** A document or web page related to an item: a strategy, a toolkit, a training page, a learning review. */
import { z } from 'astro/zod';
import { plainText, webAddress } from './common.ts';

export const relatedLink = z.strictObject({
  /** What it is, as a reader would name it, like "Neglect Strategy 2021-23". */
  title: plainText,
  /** Its web address, starting https:// (or http://). */
  url: webAddress,
});
export type RelatedLink = z.infer<typeof relatedLink>;
