/**
 * `npm run bench:site [-- --files N --partnerships P --runs R --budget-kb 14.6 --skip-bundled
 *   --skip-synthetic --skip-charts --skip-floor --skip-rebuild --project DIR]`: how long the build takes, how
 * much memory it needs, and how heavy its pages are, against the floor.
 *
 * Builds the bundled content, then N synthetic files (default 5,000) across P partnerships
 * (default 10), each with `npm run build` (check, Astro in units, Pagefind, publishing) in a
 * process of its own, sampling the peak memory of its whole process tree. In the same run it
 * builds the floor: bare Astro turning the same Markdown files into one page each, then Pagefind
 * (scripts/bench/lib/floor-site.ts), and prints our time and memory per page as a ratio to it, with
 * where the time went. Then it edits one partnership's action and builds again into the same
 * folder: the rebuild that reuses every other partnership's output. R runs (default 1) give
 * medians. --project builds with another checkout of Plan Publisher (for before-and-after
 * figures); the floor and synthetic content are always this one's.
 *
 * Measures every page's HTML (its CSS is inlined) gzipped, against the first-round-trip budget
 * of 14.6 kB, and each site's search index. Then the weight of charts: a measure page with its
 * chart, and a page listing ten measures with a sparkline each (tests/fixtures/measures-plan,
 * plus ten invented measures), each with what its charts cost (the page without them, for
 * comparison). Exits 1 when a page is over the budget.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BuildTimings } from '../../src/builder/build.ts';
import { contentFolder } from '../../src/config.ts';
import { generateContent } from './lib/synthetic-content.ts';
import { measuredRun, type MeasuredRun } from './lib/measured-run.ts';
import { benchOptions } from './lib/options.ts';

const options = benchOptions(
  `Usage: npm run bench:site [-- --files N --partnerships P --runs R --budget-kb 14.6 --skip-bundled
  --skip-synthetic --skip-charts --skip-floor --skip-rebuild --project DIR --content DIR]`,
  {
    files: { type: 'string' },
    partnerships: { type: 'string' },
    runs: { type: 'string' },
    'budget-kb': { type: 'string' },
    'skip-bundled': { type: 'boolean' },
    'skip-synthetic': { type: 'boolean' },
    'skip-charts': { type: 'boolean' },
    'skip-floor': { type: 'boolean' },
    'skip-rebuild': { type: 'boolean' },
    project: { type: 'string' },
    content: { type: 'string' },
  },
);
const files = options.number('files', 5000);
const partnerships = options.number('partnerships', 10);
const runs = Math.max(1, options.number('runs', 1));
const budgetBytes = Math.round(options.number('budget-kb', 14.6) * 1000);
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const project = path.resolve(options.text('project') ?? here);
const buildDate = '2026-11-23';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

interface OurRun {
  run: MeasuredRun;
  pages: number;
  timings?: BuildTimings;
  built: number;
  reused: number;
}

async function buildOurs(content: string, outDir: string, timingsFile: string): Promise<OurRun> {
  rmSync(timingsFile, { force: true });
  const run = await measuredRun(
    process.execPath,
    [path.join(project, 'scripts/build.ts'), '--content', content, '--out', outDir, '--date', buildDate, '--timings', timingsFile],
    { cwd: project },
  );
  if (run.code !== 0) throw new Error(`the build failed:\n${run.lines.map((l) => l.text).join('\n')}`);
  const pages = walk(outDir).filter((f) => f.endsWith('.html')).length;
  const timings = existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as BuildTimings) : undefined;
  return {
    run,
    pages,
    timings,
    built: run.lines.filter((l) => /^Built /.test(l.text)).length,
    reused: run.lines.filter((l) => /^Unchanged /.test(l.text)).length,
  };
}

interface FloorRun {
  run: MeasuredRun;
  stages: { startMs: number; collectionsMs: number; renderMs: number; searchMs: number; htmlFiles: number };
}

async function buildFloor(content: string): Promise<FloorRun> {
  const run = await measuredRun(process.execPath, [path.join(here, 'scripts/bench/lib/floor-build.ts'), content], { cwd: here });
  if (run.code !== 0) throw new Error(`the floor failed:\n${run.lines.map((l) => l.text).join('\n')}`);
  const json = run.lines.find((l) => l.text.startsWith('{'))!.text;
  return { run, stages: JSON.parse(json) as FloorRun['stages'] };
}

/** Wall time of each stage of our build, from when it printed each "n/4" line. */
function ourStages(run: MeasuredRun): string {
  const marks = run.lines.filter((l) => /^\d\/\d /.test(l.text));
  return marks
    .map((mark, i) => {
      const end = marks[i + 1]?.at ?? run.ms;
      const name = mark.text
        .replace(/^\d\/\d /, '')
        .replace(/\.\.\.$/, '')
        .replace(/ \(.*\)$/, '');
      return `${name.length > 40 ? `${name.slice(0, 40)}...` : name} ${s(end - mark.at)}`;
    })
    .join(', ');
}

/** Inside the units: the sum over units, since they overlap. */
function unitStages(timings: BuildTimings | undefined): string {
  const units = timings?.render?.units ?? [];
  if (units.length === 0) return '';
  const sum = (pick: (u: (typeof units)[number]) => number) => units.reduce((total, u) => total + pick(u), 0);
  return (
    `    in ${units.length} ${units.length === 1 ? 'unit' : 'units'}, summed: Astro start and bundling ${s(sum((u) => u.timing.startMs))}, ` +
    `content indexed ${s(sum((u) => u.timing.contentMs))}, pages rendered ${s(sum((u) => u.timing.renderMs))}; ` +
    `Pagefind ${s(timings!.render!.searchMs)}; cache ${s(timings!.render!.cacheMs)}`
  );
}

function pageSizes(outDir: string): boolean {
  const sizes = walk(outDir)
    .filter((f) => f.endsWith('.html') && !f.includes(`${path.sep}pagefind${path.sep}`))
    .map((f) => ({ file: path.relative(outDir, f), bytes: gzipSync(readFileSync(f)).length }))
    .sort((a, b) => b.bytes - a.bytes);
  const over = sizes.filter((x) => x.bytes > budgetBytes);
  console.log(
    `  page HTML+CSS    median ${kb(sizes[Math.floor(sizes.length / 2)].bytes)} gzipped, largest ${kb(sizes[0].bytes)} (${sizes[0].file}); budget ${kb(budgetBytes)}: ${over.length === 0 ? 'all within' : `${over.length} OVER`}`,
  );
  for (const page of over.slice(0, 5)) console.error(`  over budget: ${page.file} ${kb(page.bytes)}`);
  const indexes = readdirSync(outDir)
    .map((name) => path.join(outDir, name, 'pagefind'))
    .filter((dir) => existsSync(dir));
  if (indexes.length > 0) {
    const bytes = indexes.map((dir) => walk(dir).reduce((sum, f) => sum + statSync(f).size, 0));
    console.log(`  search index     ${indexes.length} sites, median ${kb(median(bytes))}, largest ${kb(Math.max(...bytes))}`);
  }
  return over.length === 0;
}

/** Edits one action of the first partnership, as an author would. */
function editOnePartnership(content: string): string {
  const first = readdirSync(content)
    .sort()
    .find((name) => existsSync(path.join(content, name, 'actions')))!;
  const actions = path.join(content, first, 'actions');
  const file = path.join(
    actions,
    readdirSync(actions).find((name) => name.endsWith('.md'))!,
  );
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: "Edited for the rebuild ${Date.now()}"`));
  return first;
}

async function measure(label: string, content: string): Promise<boolean> {
  console.log(`\n${label}  (${availableParallelism()} cores, ${runs} ${runs === 1 ? 'run' : 'runs'}${runs > 1 ? ', medians' : ''})`);
  const ours: OurRun[] = [];
  const floors: FloorRun[] = [];
  const rebuilds: OurRun[] = [];
  let ok = true;
  for (let r = 0; r < runs; r += 1) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-bench-site-'));
    const copy = path.join(root, 'content');
    try {
      // A copy, so the rebuild's edit never touches the content being measured.
      cpSync(content, copy, { recursive: true });
      const outDir = path.join(root, 'dist');
      const first = await buildOurs(copy, outDir, path.join(root, 'timings.json'));
      ours.push(first);
      if (r === 0) ok = pageSizes(outDir);
      if (!options.given('skip-floor')) floors.push(await buildFloor(copy));
      if (!options.given('skip-rebuild')) {
        editOnePartnership(copy);
        rebuilds.push(await buildOurs(copy, outDir, path.join(root, 'timings.json')));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  const row = (name: string, ms: number, pages: number, rss: number, extra: string) =>
    console.log(
      `  ${name.padEnd(16)} ${s(ms).padStart(8)}  ${String(pages).padStart(6)} pages  ${(ms / pages).toFixed(2).padStart(6)} ms/page  peak ${mb(rss).padStart(7)}  ${extra}`,
    );
  const oursMs = median(ours.map((o) => o.run.ms));
  const oursPages = ours[0].pages;
  const oursRss = median(ours.map((o) => o.run.peakRss));
  row('Plan Publisher', oursMs, oursPages, oursRss, `(${ourStages(ours[0].run)})`);
  const units = unitStages(ours[0].timings);
  if (units) console.log(units);
  if (floors.length > 0) {
    const floorMs = median(floors.map((f) => f.run.ms));
    const floorPages = floors[0].stages.htmlFiles;
    const floorRss = median(floors.map((f) => f.run.peakRss));
    const st = floors[0].stages;
    row(
      'floor',
      floorMs,
      floorPages,
      floorRss,
      `(Astro start and bundling ${s(st.startMs)}, collection loading ${s(st.collectionsMs)}, rendering ${s(st.renderMs)}, Pagefind ${s(st.searchMs)})`,
    );
    console.log(
      `  ratio to floor   time per page ${(oursMs / oursPages / (floorMs / floorPages)).toFixed(2)}x, peak memory ${(oursRss / floorRss).toFixed(2)}x (per page ${(oursRss / oursPages / (floorRss / floorPages)).toFixed(2)}x)`,
    );
  }
  if (rebuilds.length > 0) {
    const ms = median(rebuilds.map((o) => o.run.ms));
    const rebuilt = rebuilds[0];
    row(
      'rebuild, 1 edit',
      ms,
      rebuilt.pages,
      median(rebuilds.map((o) => o.run.peakRss)),
      `(${rebuilt.built} ${rebuilt.built === 1 ? 'site' : 'sites'} rendered, ${rebuilt.reused} reused; ${ourStages(rebuilt.run)})`,
    );
  }
  return ok;
}

/** A page's gzipped size, and its size with the matched markup cut out: what that markup costs. */
function costOf(file: string, cut: RegExp): { bytes: number; without: number; count: number } {
  const html = readFileSync(file, 'utf8');
  return {
    bytes: gzipSync(html).length,
    without: gzipSync(html.replace(cut, '')).length,
    count: html.match(cut)?.length ?? 0,
  };
}

/** The measures fixture, plus a priority citing ten measures with a year of monthly values each. */
function measuresContent(root: string): string {
  const content = path.join(root, 'content');
  cpSync(path.join(here, 'tests/fixtures/measures-plan/content'), content, { recursive: true });
  const site = path.join(content, 'riverside');
  const ids = Array.from({ length: 10 }, (_, i) => `dashboard-measure-${i + 1}`);
  writeFileSync(
    path.join(site, 'priorities/dashboard.md'),
    [
      '---',
      'title: Ten measures',
      'order: 3',
      'plan: business-plan',
      'measures:',
      ...ids.map((id) => `  - measure: ${id}`),
      '---',
      '',
    ].join('\n'),
  );
  ids.forEach((id, n) => {
    const values = Array.from({ length: 12 }, (_, m) => {
      const date = new Date(Date.UTC(2021, 4 + m, 0)).toISOString().slice(0, 10);
      return `  - { date: ${date}, value: ${40 + n + Math.round(10 * Math.sin(m + n))} }`;
    });
    writeFileSync(
      path.join(site, `measures/${id}.md`),
      [
        '---',
        `title: Invented measure ${n + 1}`,
        'counts: An invented count',
        'unit: percentage',
        'better: higher',
        'frequency: monthly',
        'plan: business-plan',
        'source: Invented for the benchmark',
        'baseline: { value: 40, date: 2021-03-31 }',
        'targets:',
        '  - { value: 60, date: 2023-03-31 }',
        'values:',
        ...values,
        '---',
        '',
      ].join('\n'),
    );
  });
  return content;
}

async function measureCharts(): Promise<boolean> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-bench-charts-'));
  try {
    const outDir = path.join(root, 'dist');
    await buildOurs(measuresContent(root), outDir, path.join(root, 'timings.json'));
    const file = (urlPath: string) => path.join(outDir, urlPath, 'index.html');
    const rows: Array<[string, ReturnType<typeof costOf>, string]> = [
      [
        'measure page (line chart)',
        costOf(file('riverside/measures/neglect-confidence'), /<figure class="chart">[\s\S]*?<\/figure>/g),
        'chart',
      ],
      [
        'measure page (bar chart)',
        costOf(file('riverside/measures/missing-episodes'), /<figure class="chart">[\s\S]*?<\/figure>/g),
        'chart',
      ],
      ['page with ten sparklines', costOf(file('riverside/priorities/dashboard'), /<svg class="sparkline"[\s\S]*?<\/svg>/g), 'sparklines'],
      ['Measures page (15 sparklines)', costOf(file('riverside/measures'), /<svg class="sparkline"[\s\S]*?<\/svg>/g), 'sparklines'],
      ['home (status breakdown bar)', costOf(file('riverside'), /<svg [^>]*data-chart="breakdown"[\s\S]*?<\/svg>/g), 'bar'],
      [
        'annual report 2021-22 (impact)',
        costOf(file('riverside/years/2021-22/report'), /<figure class="chart">[\s\S]*?<\/figure>/g),
        'charts',
      ],
    ];
    console.log("\nCharts (HTML+CSS gzipped; the charts' own markup cut out for comparison)");
    let ok = true;
    for (const [label, cost, what] of rows) {
      const over = cost.bytes > budgetBytes;
      ok &&= !over;
      console.log(
        `  ${label.padEnd(32)} ${kb(cost.bytes)}; without its ${cost.count} ${what === 'bar' ? 'bar' : what}: ${kb(cost.without)} (+${kb(cost.bytes - cost.without)})${over ? ` OVER the budget of ${kb(budgetBytes)}` : ''}`,
      );
    }
    return ok;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

let ok = true;
if (!options.given('skip-bundled')) ok = (await measure('Bundled content', contentFolder(options.text('content')))) && ok;
if (!options.given('skip-charts')) ok = (await measureCharts()) && ok;
if (!options.given('skip-synthetic')) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-synthetic-'));
  try {
    const counts = generateContent(path.join(root, 'content'), { files, partnerships });
    ok =
      (await measure(
        `${files.toLocaleString('en-GB')} synthetic files (${counts.action.toLocaleString('en-GB')} actions, ${partnerships} partnerships)`,
        path.join(root, 'content'),
      )) && ok;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
process.exit(ok ? 0 : 1);
