/**
 * `npm run build [-- --content DIR] [--out DIR] [--partnership ID --site URL --base PATH]
 *   [--no-cache] [--parallel N] [--unit-pages N] [--timings FILE]`
 * Builds every partnership into dist/<id>/ (and dist/index.html listing them), or one
 * partnership at the root of its own domain with --partnership. Sites whose content and
 * settings are unchanged since the last build are reused from dist.cache/ unless --no-cache;
 * up to N units of sites render at once (default: the machine's cores), each of at most
 * --unit-pages pages (default 2,000; fewer uses less memory, more is a little faster). --timings writes
 * where the time went, as JSON, for the site benchmark.
 */
import { writeFileSync } from 'node:fs';
import { build, reportBuild } from '../src/build/build.ts';
import { contentDir, flag } from '../src/config.ts';

const args = process.argv.slice(2);

/** A whole number of 1 or more given as --name, or undefined when not given. */
function count(name: string): number | undefined {
  const given = flag(args, name);
  if (given === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(given.trim())) {
    console.error(`--${name} expects a whole number of 1 or more, like --${name} 2, found "${given}"`);
    process.exit(1);
  }
  return Number(given);
}

const result = await build({
  contentDir: contentDir(args),
  outDir: flag(args, 'out') ?? 'dist',
  partnership: flag(args, 'partnership') ?? process.env.PLAN_PARTNERSHIP ?? undefined,
  site: flag(args, 'site') ?? process.env.PLAN_SITE ?? undefined,
  base: flag(args, 'base') ?? process.env.PLAN_BASE ?? undefined,
  buildDate: flag(args, 'date'),
  cache: !args.includes('--no-cache'),
  parallel: count('parallel'),
  maxPagesPerUnit: count('unit-pages'),
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
