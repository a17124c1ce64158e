/**
 * `npm run bench:site [-- --files N --budget-kb 14.6 --skip-synthetic]`: how long the build
 * takes and how heavy its pages are.
 *
 * Builds the bundled content, then N synthetic files (default 5,000), each through the real
 * pipeline (check, Astro, Pagefind), timing each stage; then measures every page's HTML
 * (its CSS is inlined) gzipped, against the first-round-trip budget of 14.6 kB, and each
 * site's search index. Then the weight of charts: a measure page with its chart, and a page
 * listing ten measures with a sparkline each (tests/fixtures/measures-plan, plus ten invented
 * measures), each with what its charts cost (the page without them, for comparison). Exits 1
 * when a page is over the budget.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from '../src/build/build.ts';
import { contentDir, flag } from '../src/config.ts';
import { generateContent } from './lib/synthetic-content.ts';

const args = process.argv.slice(2);
const files = Number(flag(args, 'files') ?? 5000);
const budgetBytes = Math.round(Number(flag(args, 'budget-kb') ?? 14.6) * 1000);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

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
  cpSync(path.resolve('tests/fixtures/measures-plan/content'), content, { recursive: true });
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
    const result = await build({ contentDir: measuresContent(root), outDir, buildDate: '2022-09-30' });
    if (!result.ok) {
      console.error('Measures: the build failed', result.problems.slice(0, 3), result.error);
      return false;
    }
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

async function measure(label: string, content: string): Promise<boolean> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-bench-site-'));
  try {
    const outDir = path.join(root, 'dist');
    const marks: Array<[string, number]> = [];
    const start = performance.now();
    const result = await build({ contentDir: content, outDir, log: (line) => marks.push([line, performance.now()]) });
    const total = performance.now() - start;
    if (!result.ok) {
      console.error(`${label}: the build failed`, result.problems.slice(0, 3), result.error);
      return false;
    }
    marks.push(['done', performance.now()]);
    const stages = marks
      .slice(0, -1)
      .map(([line, at], i) => `${line.replace(/^\d\/\d /, '').replace(/\.\.\.$/, '')} ${((marks[i + 1][1] - at) / 1000).toFixed(1)} s`);
    const pages = walk(outDir).filter((f) => f.endsWith('.html'));
    const sizes = pages
      .map((f) => ({ file: path.relative(outDir, f), bytes: gzipSync(readFileSync(f)).length }))
      .sort((a, b) => b.bytes - a.bytes);
    const median = sizes[Math.floor(sizes.length / 2)].bytes;
    const over = sizes.filter((s) => s.bytes > budgetBytes);
    console.log(`\n${label}`);
    console.log(`  build            ${(total / 1000).toFixed(1)} s for ${pages.length} pages (${stages.join(', ')})`);
    console.log(
      `  page HTML+CSS    median ${kb(median)} gzipped, largest ${kb(sizes[0].bytes)} (${sizes[0].file}); budget ${kb(budgetBytes)}: ${over.length === 0 ? 'all within' : `${over.length} OVER`}`,
    );
    for (const site of result.sites) {
      const index = walk(path.join(site.dir, 'pagefind'));
      const bytes = index.reduce((sum, f) => sum + statSync(f).size, 0);
      console.log(`  search index     ${site.partnership}: ${site.pages} pages, ${kb(bytes)} in ${index.length} files`);
    }
    for (const page of over.slice(0, 5)) console.error(`  over budget: ${page.file} ${kb(page.bytes)}`);
    return over.length === 0;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

let ok = await measure('Bundled content', contentDir(args));
ok = (await measureCharts()) && ok;
if (!args.includes('--skip-synthetic')) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-synthetic-'));
  try {
    const counts = generateContent(path.join(root, 'content'), { files, partnerships: 10 });
    ok =
      (await measure(
        `${files.toLocaleString('en-GB')} synthetic files (${counts.action} actions, 10 partnerships)`,
        path.join(root, 'content'),
      )) && ok;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
process.exit(ok ? 0 : 1);
