/** The date the site is built "as of": set by the build (PLAN_BUILD_DATE), today in `astro dev`. */
export function buildDate(): string {
  return (process.env.PLAN_BUILD_DATE || new Date().toISOString()).slice(0, 10);
}
