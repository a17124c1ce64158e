/**
 * `plan-publisher build` (`npm run build`): checks the content, then builds every partnership
 * into dist/<id>/ (and dist/index.html listing them), or one partnership at the root of its own
 * domain with --partnership. Invalid content stops it with the check's errors and leaves the
 * previous output as it was.
 */
import { writeFileSync } from 'node:fs';
import { build, reportBuild, type BuildOptions } from '../builder/build.ts';
import { buildSettings } from '../config.ts';
import { UsageError, type Command, type CommandLine, type CommandOutcome } from './command-line.ts';
import { booleanOption, dateOption, stringOption } from './options.ts';

export interface BuildCommandOptions extends BuildOptions {
  /** Where to write where the time went, as JSON (for the site benchmark). */
  timings?: string;
}

const usage = `Usage: npm run build [-- --content DIR] [--out DIR] [--date YYYY-MM-DD]
         [--partnership ID --site URL --base PATH] [--no-cache] [--parallel N] [--unit-pages N]

Checks the content, then builds every partnership into dist/<id>/, with dist/index.html listing
them; or, with --partnership, one partnership at the root of its own domain. Invalid content
stops it with the check's errors, and the previous site stays exactly as it was.

  --content DIR        the content folder (default: content, or $PLAN_CONTENT)
  --out DIR            where to write the site (default: dist)
  --date YYYY-MM-DD    build the site as of this day: overdue, no recent update (default: today)
  --partnership ID     build only this partnership, at the root of the site (or $PLAN_PARTNERSHIP)
  --site URL           the site's address, like https://plan.example.org.uk, for links in the
                       feed and open data (or $PLAN_SITE)
  --base PATH          the path the site is served under, like /plan/ (default: /, or $PLAN_BASE)
  --no-cache           render every site again, instead of reusing those unchanged since the
                       last build (kept in <out>.cache/)
  --parallel N         render at most N units of sites at once (default: the computer's cores;
                       1 uses the least memory)
  --unit-pages N       at most N pages in a unit (default 2000; fewer uses less memory)
  --timings FILE       write where the time went to FILE, as JSON (for npm run bench:site)
  --help               show this`;

export const buildCommand: Command<BuildCommandOptions> = {
  name: 'build',
  usage,
  options: {
    content: { type: 'string' },
    out: { type: 'string' },
    date: { type: 'string' },
    partnership: { type: 'string' },
    site: { type: 'string' },
    base: { type: 'string' },
    'no-cache': { type: 'boolean' },
    parallel: { type: 'string' },
    'unit-pages': { type: 'string' },
    timings: { type: 'string' },
  },
  parse: (line) => ({
    ...buildSettings({
      content: stringOption(line, 'content'),
      out: stringOption(line, 'out'),
      partnership: stringOption(line, 'partnership'),
      site: stringOption(line, 'site'),
      base: stringOption(line, 'base'),
      date: dateOption(line, 'date'),
    }),
    cache: !booleanOption(line, 'no-cache'),
    parallel: countOption(line, 'parallel'),
    maxPagesPerUnit: countOption(line, 'unit-pages'),
    timings: stringOption(line, 'timings'),
  }),
  run: buildSites,
};

/** A whole number of 1 or more, or undefined when not given. */
function countOption(line: CommandLine, name: string): number | undefined {
  const given = stringOption(line, name);
  if (given === undefined) return undefined;
  // Exit 1, as these two have always stopped the build.
  if (!/^[1-9]\d*$/.test(given.trim()))
    throw new UsageError(`--${name} expects a whole number of 1 or more, like --${name} 2, found "${given}"`, { exitCode: 1 });
  return Number(given);
}

export async function buildSites(options: BuildCommandOptions): Promise<CommandOutcome> {
  const { timings, ...buildOptions } = options;
  const result = await build({
    // Nobody should wait for the old site to be deleted once the new one is published.
    discardInBackground: true,
    log: (line) => console.log(line),
    ...buildOptions,
  });
  if (timings && result.timings) writeFileSync(timings, JSON.stringify(result.timings));
  return { exitCode: result.ok ? 0 : 1, report: reportBuild(result) };
}
