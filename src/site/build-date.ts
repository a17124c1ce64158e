import { siteSettings } from '../config.ts';

/** The date the site is built "as of": set by the build (--date), today in `astro dev`. */
export function buildDate(): string {
  return siteSettings().buildDate;
}
