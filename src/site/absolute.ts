/**
 * Absolute URLs for open data and feeds: with the site's URL when the build has one
 * (--site), else the path from the site root.
 */
import { siteSettings } from '../config.ts';

export function absolute(path: string, site: string | undefined = siteSettings().site): string {
  return site ? new URL(path, site).href : path;
}
