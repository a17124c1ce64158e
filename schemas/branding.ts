/**
 * How a partnership's site looks, set from its content rather than by changing the tool: its
 * colour, its logo and the links in its footer. Written under `branding:` in partnership.md,
 * from content format 2 on (src/model/content-format.ts).
 */
import { z } from 'astro/zod';
import { hexColour, plainText, visibleText, webAddress } from './common.ts';

/** The partnership's logo: a picture file in its own folder, and what it says for people who cannot see it. */
export const logo = z.strictObject({
  /** The file, in the partnership's folder, like "logo.svg": an SVG or PNG. */
  file: plainText,
  /** What the logo says, for screen readers, like "Isle of Wight Safeguarding Children Partnership". */
  alt: visibleText(z.string().trim().min(1, 'some text that says what the logo shows, for people who cannot see it')),
});

/** A link in the footer of every page, like the partnership's own website or its annual reports. */
export const footerLink = z.strictObject({
  /** The link's words, like "Our annual reports". */
  title: plainText,
  /** Where it goes, like https://www.example.org.uk/reports. */
  url: webAddress,
});

export const branding = z.strictObject({
  /** The brand colour as `#rrggbb`, used for the header; it must be dark enough for white text. */
  colour: hexColour.optional(),
  /** A logo shown in the header of every page. */
  logo: logo.optional(),
  /** Links shown in the footer of every page, in order. */
  footerLinks: z.array(footerLink).max(12).default([]),
});
export type BrandingData = z.infer<typeof branding>;
