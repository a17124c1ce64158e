/**
 * Absolute URLs for open data and feeds: with the site's URL when the build has one
 * (--site), else the path from the site root.
 */
export function absolute(path: string, site: string | undefined = process.env.PLAN_SITE || undefined): string {
  return site ? new URL(path, site).href : path;
}
