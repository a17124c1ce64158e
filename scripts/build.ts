/**
 * `npm run build [-- --content DIR] [--out DIR] [--partnership ID --site URL --base PATH]
 *   [--no-cache] [--parallel N] [--timings FILE]`
 * Builds every partnership into dist/<id>/ (and dist/index.html listing them), or one
 * partnership at the root of its own domain with --partnership. Sites whose content and
 * settings are unchanged since the last build are reused from dist.cache/ unless --no-cache;
 * up to N units of sites render at once (default: the machine's cores). --timings writes
 * where the time went, as JSON, for the site benchmark.
 */
import { writeFileSync } from 'node:fs';
import { build, reportBuild } from '../src/build/build.ts';
import { contentDir, flag } from '../src/config.ts';

const args = process.argv.slice(2);
const result = await build({
  contentDir: contentDir(args),
  outDir: flag(args, 'out') ?? 'dist',
  partnership: flag(args, 'partnership') ?? process.env.PLAN_PARTNERSHIP ?? undefined,
  site: flag(args, 'site') ?? process.env.PLAN_SITE ?? undefined,
  base: flag(args, 'base') ?? process.env.PLAN_BASE ?? undefined,
  buildDate: flag(args, 'date'),
  cache: !args.includes('--no-cache'),
  parallel: flag(args, 'parallel') ? Number(flag(args, 'parallel')) : undefined,
  // Nobody should wait for the old site to be deleted once the new one is published.
  discardInBackground: true,
  log: (line) => console.log(line),
});
const timings = flag(args, 'timings');
if (timings && result.timings) writeFileSync(timings, JSON.stringify(result.timings));
const report = reportBuild(result);
if (result.ok) console.log(report);
else console.error(report);
process.exit(result.ok ? 0 : 1);
