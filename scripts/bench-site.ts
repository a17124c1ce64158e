/**
 * `npm run bench:site [-- --files N --budget-kb 14.6 --skip-synthetic]`: how long the build
 * takes and how heavy its pages are.
 *
 * Builds the bundled content, then N synthetic files (default 5,000), each through the real
 * pipeline (check, Astro, Pagefind), timing each stage; then measures every page's HTML
 * (its CSS is inlined) gzipped, against the first-round-trip budget of 14.6 kB, and each
 * site's search index. Exits 1 when a page is over the budget.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
