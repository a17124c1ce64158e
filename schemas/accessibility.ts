/**
 * A partnership's accessibility statement for its site, in its own words: the public sector
 * accessibility regulations (2018) ask the body that publishes a site to declare how far it
 * meets WCAG 2.2 AA, what is not accessible, and how to ask for another format. The tool tests
 * its pages, but only the partnership can make the declaration, so nothing is claimed until it does.
 */
import { z } from 'astro/zod';
import { isoDate, markdown, plainText } from './common.ts';

export const complianceValues = ['fully', 'partially', 'not'] as const;

export const accessibilityStatement = z.strictObject({
  /**
   * How far the site meets WCAG 2.2 AA, as the partnership declares it once it has checked:
   * `fully`, `partially` or `not` compliant. Left out, the site says no statement has been published.
   */
  compliance: z.enum(complianceValues).optional(),
  /** What is not accessible, and why, in Markdown: needed when the site is partially or not compliant. */
  nonAccessible: markdown.optional(),
  /** How soon the partnership replies to a request for information in another format, like "10 working days". */
  respondsWithin: plainText.optional(),
  /** The day the statement was prepared. */
  preparedOn: isoDate.optional(),
});
export type AccessibilityStatement = z.infer<typeof accessibilityStatement>;
