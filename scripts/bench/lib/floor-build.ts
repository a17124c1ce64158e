/**
 * `node scripts/bench/lib/floor-build.ts CONTENT`: builds the floor (scripts/bench/lib/floor-site.ts) for a
 * content folder: bare Astro, then Pagefind over its output. Run as its own process by the site
 * benchmark, which measures its time and memory; prints its stages as one JSON line.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeSearchIndexer, indexSite } from '../../../src/builder/search-index.ts';
import { floorProject } from './floor-site.ts';
import { measuredRun } from './measured-run.ts';

const [contentDir] = process.argv.slice(2);
const project = floorProject(contentDir);
try {
  const astro = await measuredRun(project.command[0], project.command.slice(1), { cwd: project.root, env: project.env });
  if (astro.code !== 0) throw new Error(`the floor's Astro build failed:\n${astro.lines.map((l) => l.text).join('\n')}`);
  // Stages by when Astro says it reaches them.
  const at = (text: string) => astro.lines.find((line) => line.text.includes(text))?.at;
  const routes = at('generating static routes') ?? astro.ms;
  const collections = (at('Synced content') ?? 0) - (at('Syncing content') ?? 0);
  const stages = { startMs: routes - collections, collectionsMs: collections, renderMs: astro.ms - routes };
  const indexed = performance.now();
  const pages = await indexSite(project.outDir);
  await closeSearchIndexer();
  const searchMs = performance.now() - indexed;
  const count = (dir: string): number =>
    readdirSync(dir).reduce((n, name) => {
      const full = path.join(dir, name);
      return n + (statSync(full).isDirectory() ? count(full) : name.endsWith('.html') ? 1 : 0);
    }, 0);
  console.log(JSON.stringify({ ...stages, astroMs: astro.ms, searchMs, pages, htmlFiles: count(project.outDir) }));
} finally {
  project.remove();
}
