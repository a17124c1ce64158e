/**
 * `npm run bench:check [-- --files N --budget-ms MS --runs R --partnerships P --keep]`:
 * how long `npm run check` takes on a large plan.
 *
 * Writes N synthetic content files (default 5,000) into a temporary folder, a realistic mix
 * across P partnerships (default 10): each with partnership.md, a plan, three reporting years,
 * ten groups, priorities, objectives and mostly actions with groups, years, progress updates
 * and a Markdown body. Then times `checkContent` over it (median of R runs, default 5) and
 * the parse / validate / index stages on their own, prints a table, and exits 1 when the
 * median is over the budget (default 5,000 ms) or the generated content does not pass.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkContent } from '../../src/model/check.ts';
import { loadContent } from '../../src/model/load.ts';
import { resolvePlan } from '../../src/model/resolved-plan.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { validateFiles } from '../../src/model/validate.ts';
import { benchOptions } from './lib/options.ts';
import { generateContent } from './lib/synthetic-content.ts';

const options = benchOptions('Usage: npm run bench:check [-- --files N --budget-ms MS --runs R --partnerships P --keep]', {
  files: { type: 'string' },
  'budget-ms': { type: 'string' },
  runs: { type: 'string' },
  partnerships: { type: 'string' },
  keep: { type: 'boolean' },
});
const totalFiles = Math.floor(options.number('files', 5000));
const budgetMs = options.number('budget-ms', 5000);
const runs = Math.floor(options.number('runs', 5));
const partnershipCount = Math.floor(options.number('partnerships', 10));
const keep = options.given('keep');

// --- Timing -------------------------------------------------------------------------------

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const thousands = (value: number) => Math.round(value).toLocaleString('en-GB');
const mb = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;

const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-bench-'));
const contentDir = path.join(root, 'content');
let exitCode = 0;
try {
  const generateStart = performance.now();
  const counts = generateContent(contentDir, { files: totalFiles, partnerships: partnershipCount });
  const generateMs = performance.now() - generateStart;
  const rssBefore = process.resourceUsage().maxRSS;

  // The whole check, as `npm run check` runs it.
  const totals: number[] = [];
  let result = checkContent(contentDir); // warm-up: not counted
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    result = checkContent(contentDir);
    totals.push(performance.now() - start);
  }

  // The same three stages, timed one by one.
  const stages = { parse: [] as number[], validate: [] as number[], index: [] as number[] };
  for (let run = 0; run < runs; run += 1) {
    const t0 = performance.now();
    const loaded = loadContent(contentDir);
    const t1 = performance.now();
    const validated = validateFiles(loaded.files);
    const t2 = performance.now();
    resolvePlan(validated.entries);
    const t3 = performance.now();
    stages.parse.push(t1 - t0);
    stages.validate.push(t2 - t1);
    stages.index.push(t3 - t2);
  }
  const peakRss = process.resourceUsage().maxRSS;

  const typeSummary = Object.entries(counts)
    .map(([type, count]) => `${thousands(count)} ${type}`)
    .join(', ');
  const medianMs = median(totals);
  const rows: Array<[string, string]> = [
    ['files', `${thousands(result.fileCount)} in ${partnershipCount} partnerships (${typeSummary})`],
    ['generated in', ms(generateMs)],
    [`check, median of ${runs}`, `${ms(medianMs)} (min ${ms(Math.min(...totals))}, max ${ms(Math.max(...totals))})`],
    ['  parse (loadContent)', ms(median(stages.parse))],
    ['  validate (validateFiles)', ms(median(stages.validate))],
    ['  link and resolve (resolvePlan)', ms(median(stages.index))],
    ['files/s', thousands(result.fileCount / (medianMs / 1000))],
    ['peak RSS', `${mb(peakRss)} (${mb(rssBefore)} before checking)`],
    ['budget', `${ms(budgetMs)}: ${medianMs <= budgetMs ? 'within' : 'OVER'}`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n'));

  if (result.problems.length > 0) {
    console.error(`\nThe generated content has ${result.problems.length} problems; the first few:`);
    for (const problem of result.problems.slice(0, 5)) console.error(formatProblem(problem));
    exitCode = 1;
  }
  if (result.fileCount !== totalFiles) {
    console.error(`\nExpected ${totalFiles} files, the check read ${result.fileCount}.`);
    exitCode = 1;
  }
  if (medianMs > budgetMs) {
    console.error(`\nThe check took ${ms(medianMs)} (median), over the budget of ${ms(budgetMs)}.`);
    exitCode = 1;
  }
} finally {
  if (keep) console.log(`\nKept the generated content in ${contentDir}`);
  else rmSync(root, { recursive: true, force: true });
}
process.exit(exitCode);
