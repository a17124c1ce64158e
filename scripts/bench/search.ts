/**
 * `npm run bench:search [-- --verbose]`: how good the search's answers are, and how much a
 * first search downloads.
 *
 * Builds the bundled content through the real pipeline, serves it on 127.0.0.1 and runs every
 * query of scripts/bench/lib/search-queries.ts in Debian's Chromium through the real search page,
 * reading the result list as a reader sees it (pressing "Show more" until the end). Prints, for
 * the queries in the plans' own words and for those in readers' everyday words apart, the mean
 * reciprocal rank of each query's best page, the share of queries whose best page is in the
 * top 3, and how many nonsense queries returned anything. Then loads the search page with an
 * empty cache and counts the bytes (gzipped, as a server would send them) of everything the
 * first search fetched. Exits 1 when either half's top-3 share is under 95%, a nonsense query
 * has results, or the first search is over --budget-kb (default 148.4: 20 kB over the 128.4 kB
 * of the search as it was before relevance work).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, reportBuild } from '../../src/builder/build.ts';
import { serveStatic } from '../../src/builder/serve.ts';
import { flag } from './lib/options.ts';
import { queries, type BenchQuery, type Wording } from './lib/search-queries.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const budgetBytes = Math.round(Number(flag(args, 'budget-kb') ?? 148.4) * 1000);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Every result's link on the search page, in order, once the search has announced itself. */
async function resultList(page: Page): Promise<string[]> {
  await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '', undefined, { timeout: 20_000 });
  for (let i = 0; i < 20; i += 1) {
    const more = page.locator('#search-more');
    if (!(await more.isVisible())) break;
    const count = await page.locator('#search-results > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, count);
  }
  return page.$$eval('#search-results > li h2 a, #search-results > li .result__title a', (links) => [
    ...new Set(links.map((a) => a.getAttribute('href') ?? '')),
  ]);
}

interface Scored {
  query: BenchQuery;
  hrefs: string[];
  /** 1-based rank of the first best page; undefined when none is listed. */
  rank?: number;
}

function score(query: BenchQuery, hrefs: string[]): Scored {
  const best = new Set(query.best.map((p) => `/${query.site}/${p}`));
  const index = hrefs.findIndex((href) => best.has(href));
  return { query, hrefs, rank: index === -1 ? undefined : index + 1 };
}

/** Bytes a reader's browser receives for the search page and its first search, with an empty cache. */
async function firstSearchBytes(browser: Browser, origin: string, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files: Array<{ path: string; bytes: number }> = [];
  const pending: Array<Promise<void>> = [];
  page.on('response', (response) => {
    pending.push(
      response
        .body()
        .then((body) => {
          // Pagefind's index files are gzipped already; a server sends them as they are.
          const gzipped = body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body).length;
          files.push({ path: new URL(response.url()).pathname, bytes: gzipped });
        })
        .catch(() => undefined),
    );
  });
  await page.goto(origin + url);
  await resultList(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  return files.sort((a, b) => b.bytes - a.bytes);
}

/** Top-3 share needed of each half, plan-worded and everyday-worded. */
const target = 0.95;

/** MRR, top-3 share and nonsense with results over some of the queries; prints them and says whether they pass. */
function summarise(label: string, scored: Scored[]): boolean {
  const relevant = scored.filter((s) => s.query.best.length > 0);
  const nonsense = scored.filter((s) => s.query.best.length === 0);
  const mrr = relevant.reduce((sum, s) => sum + (s.rank ? 1 / s.rank : 0), 0) / relevant.length;
  const top3 = relevant.filter((s) => s.rank !== undefined && s.rank <= 3).length;
  const noisy = nonsense.filter((s) => s.hrefs.length > 0);
  const share = top3 / relevant.length;
  const missed = relevant.filter((s) => s.rank === undefined || s.rank > 3);
  console.log(`\n${label}: ${scored.length} queries (${relevant.length} with a best page, ${nonsense.length} nonsense)`);
  console.log(`  mean reciprocal rank      ${mrr.toFixed(3)}`);
  console.log(
    `  best page in the top 3    ${top3}/${relevant.length} (${(share * 100).toFixed(1)}%; target ${target * 100}%)${missed.length ? ` missed: ${missed.map((s) => `${s.query.site}: ${s.query.q}`).join('; ')}` : ''}`,
  );
  console.log(
    `  nonsense with results     ${noisy.length}/${nonsense.length}${noisy.length ? ` (${noisy.map((s) => `${s.query.site}: ${s.query.q}`).join(', ')})` : ''}`,
  );
  return share >= target && noisy.length === 0;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-bench-search-'));
let ok = true;
try {
  const outDir = path.join(root, 'dist');
  const built = await build({ contentDir: 'content', outDir, buildDate: '2026-11-23' });
  if (!built.ok) throw new Error(reportBuild(built));
  for (const q of queries) {
    for (const best of q.best) {
      if (!existsSync(path.join(outDir, q.site, best, 'index.html'))) throw new Error(`${q.site} has no page ${best} (query "${q.q}")`);
    }
  }
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const { server, url: origin } = await serveStatic(outDir);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en-GB' });
    await context.route(
      (u) => u.hostname !== '127.0.0.1',
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    const scored: Scored[] = [];
    for (const query of queries) {
      await page.goto(`${origin}/${query.site}/search/?q=${encodeURIComponent(query.q)}`);
      scored.push(score(query, await resultList(page)));
    }
    await context.close();

    console.log(`\n${'query'.padEnd(48)} ${'words'.padEnd(8)} ${'kind'.padEnd(12)} rank  results  first three`);
    for (const s of scored) {
      const rank = s.query.best.length === 0 ? (s.hrefs.length === 0 ? 'none' : 'NOISE') : (s.rank?.toString() ?? '-');
      const first = s.hrefs.slice(0, verbose ? 10 : 3).map((h) => h.replace(`/${s.query.site}/`, ''));
      console.log(
        `${`${s.query.site}: ${s.query.q}`.padEnd(48)} ${s.query.words.padEnd(8)} ${s.query.kind.padEnd(12)} ${rank.padStart(5)} ${String(s.hrefs.length).padStart(8)}  ${first.join(', ')}`,
      );
    }
    const halves: Array<[Wording, string]> = [
      ['plan', "In the plans' own words"],
      ['everyday', "In readers' everyday words"],
    ];
    for (const [words, label] of halves) {
      const half = scored.filter((s) => s.query.words === words);
      if (!summarise(label, half)) ok = false;
    }

    const files = await firstSearchBytes(browser, origin, '/hampshire/search/?q=neglect');
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    const search = files.filter((f) => !f.path.endsWith('/search/'));
    console.log(
      `\nFirst search (Hampshire, "neglect", empty cache): ${kb(total)} gzipped in ${files.length} files (the page itself ${kb(total - search.reduce((s, f) => s + f.bytes, 0))}); budget ${kb(budgetBytes)}`,
    );
    for (const f of files.slice(0, verbose ? files.length : 8)) console.log(`  ${kb(f.bytes).padStart(9)}  ${f.path}`);
    if (total > budgetBytes) ok = false;
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  ok = false;
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
