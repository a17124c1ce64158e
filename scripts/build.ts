/**
 * `npm run build [-- --content DIR] [--out DIR] [--partnership ID --site URL --base PATH]`
 * Builds every partnership into dist/<id>/ (and dist/index.html listing them), or one
 * partnership at the root of its own domain with --partnership.
 */
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
  log: (line) => console.log(line),
});
const report = reportBuild(result);
if (result.ok) console.log(report);
else console.error(report);
process.exit(result.ok ? 0 : 1);
