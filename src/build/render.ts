/**
 * Stage 2 of the build: every site's pages and search index in the staging folder. Sites whose
 * output is kept under the same key (src/build/incremental.ts) are linked in unchanged; the others
 * are rendered in units (src/build/units.ts), in parallel, and each site is indexed for search as
 * soon as its unit is done, while the next units render.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AnyEntry } from '../model/entries.ts';
import type { PlanIndex } from '../model/graph/nodes.ts';
import { astroEntry } from '../package-root.ts';
import { fileHistories } from '../site/history.ts';
import { linkTree, outputKey, toolVersion, type Kept, type OutputCache } from './incremental.ts';
import { placeNotFoundPages } from './not-found.ts';
import { indexSite } from './search-index.ts';
import { snapshotText, writeSnapshot } from './snapshot.ts';
import { batchSites, inParallel, pagesOf, runAstro, siteClosures, type UnitTiming } from './units.ts';

export interface RenderRequest {
  projectRoot: string;
  contentDir: string;
  staging: string;
  entries: readonly AnyEntry[];
  index: PlanIndex;
  /** One site alone, at the root of the staging folder. */
  partnership?: string;
  site: string;
  base: string;
  buildDate: string;
  /** Where finished output is kept for the next build; undefined renders everything. */
  cache?: OutputCache;
  /** Units at once; defaults to the machine's cores. */
  parallel?: number;
  /**
   * Pages per unit at most (one site alone may have more); bounds each Astro process's memory.
   * The default, 2,000, keeps 30,000 files across 150 partnerships under 2 GB on 2 cores
   * (3,000 took 2.05 GB); larger units start Astro fewer times, so are a little faster.
   */
  maxPages?: number;
  /** Sites per unit at most. */
  maxSites?: number;
  /** The environment Astro runs in. */
  env: NodeJS.ProcessEnv;
  /** A temporary folder of the build's own, for snapshots and Astro's caches. */
  tempDir: string;
  log: (line: string) => void;
  /** Called as each unit's pages are in place, before they are indexed for search. */
  onRendered?: () => void | Promise<void>;
}

export interface RenderedSite {
  partnership: string;
  dir: string;
  pages: number;
  /** Linked in from the last build's output, not rendered. */
  reused: boolean;
}

export interface RenderReport {
  sites: RenderedSite[];
  units: Array<{ sites: string[]; root: boolean; timing: UnitTiming }>;
  /** Time Pagefind spent indexing, summed over sites. */
  searchMs: number;
  /** Time spent linking kept output in and keeping new output. */
  cacheMs: number;
}

/** A failure to render, with Astro's own words. */
export class RenderError extends Error {}

/** A failure to write a site's search index (a full or read-only disk, say). */
export class SearchIndexError extends Error {
  readonly reason: unknown;
  constructor(site: string, reason: unknown) {
    super(`Could not write the search index for ${site}`);
    this.reason = reason;
  }
}

/** The files the pages at the root are: the listing of sites, its 404 page and its icon. */
const rootFiles = ['index.html', '404.html', 'favicon.svg'];
const rootName = '/';

interface SiteWork {
  id: string;
  key: string;
  snapshot: string;
  entries: readonly AnyEntry[];
  pages: number;
}

export async function renderSites(request: RenderRequest): Promise<RenderReport> {
  const { staging, cache, partnership: alone } = request;
  const report: RenderReport = { sites: [], units: [], searchMs: 0, cacheMs: 0 };
  const parallel = Math.max(1, request.parallel ?? availableParallelism());
  const tool = toolVersion(request.projectRoot);
  const options = { site: request.site, base: request.base, buildDate: request.buildDate, sites: alone ? `alone:${alone}` : 'all' };
  const histories = fileHistories(
    request.contentDir,
    request.entries.map((e) => e.absolutePath),
  );
  const closures = siteClosures(request.index, request.entries);
  // Astro's command, and the node_modules holding it (ours here; the user's when the tool is installed).
  const astro = astroEntry();
  const astroModules = path.resolve(astro, '../../..');
  const siteDir = (id: string) => (alone ? staging : path.join(staging, id));
  const assetsDir = path.join(staging, '_astro');

  const keyed = (name: string, entries: readonly AnyEntry[]) => {
    const snapshot = snapshotText(entries, histories);
    return { snapshot, key: outputKey(tool, options, name, snapshot) };
  };
  const linkKept = (kept: { files: string; assets: string }, to: string) => {
    linkTree(kept.files, to);
    if (!alone && existsSync(kept.assets) && readdirSync(kept.assets).length > 0) linkTree(kept.assets, assetsDir);
  };

  // What is kept from the last build is linked in (once the units that render the rest are
  // running, so the linking overlaps their work); the rest is rendered.
  const started = performance.now();
  const ids = alone ? [alone] : request.index.sites.map((s) => s.id);
  const toRender: SiteWork[] = [];
  const toLink: Array<{ kept: Kept; to: string }> = [];
  mkdirSync(staging, { recursive: true });
  for (const id of ids) {
    const entries = closures.sites.get(id) ?? [];
    const { snapshot, key } = keyed(id, entries);
    const kept = cache?.find(id, key);
    if (kept) {
      toLink.push({ kept, to: siteDir(id) });
      report.sites.push({ partnership: id, dir: siteDir(id), pages: kept.pages, reused: true });
    } else toRender.push({ id, key, snapshot, entries, pages: pagesOf(request.index.site(id)!) });
  }
  let root: { key: string; entries: readonly AnyEntry[] } | undefined;
  if (!alone) {
    const { key } = keyed(rootName, closures.root);
    const kept = cache?.find(rootName, key);
    if (kept) toLink.push({ kept, to: staging });
    else root = { key, entries: closures.root };
  }
  report.cacheMs += performance.now() - started;

  const batches = batchSites(toRender, { parallel, maxPages: request.maxPages ?? 2000, maxSites: request.maxSites });
  const units = batches.map((sites) => ({ sites, root: false }));
  // The root pages ride with the first unit; alone only when no site needs rendering.
  if (root) {
    if (units.length > 0) units[0].root = true;
    else units.push({ sites: [], root: true });
  }
  request.log(
    `2/4 Rendering ${toRender.length} of ${ids.length} ${ids.length === 1 ? 'site' : 'sites'} in ${units.length} ${units.length === 1 ? 'unit' : 'units'}, ${Math.min(parallel, units.length)} at a time` +
      (ids.length > toRender.length ? ` (${ids.length - toRender.length} unchanged, reused)` : '') +
      '...',
  );

  // Pagefind runs one index at a time, in its own process, while Astro renders the next units.
  let searchQueue: Promise<unknown> = Promise.resolve();
  const index = (dir: string) => {
    const done = searchQueue.then(async () => {
      const at = performance.now();
      const pages = await indexSite(dir);
      report.searchMs += performance.now() - at;
      return pages;
    });
    searchQueue = done.catch(() => undefined);
    return done;
  };

  let failure: Error | undefined;
  const unitsRoot = path.join(staging, '.units');
  const tasks = units.map((unit, n) => async () => {
    if (failure) return;
    try {
      await renderUnit(unit.sites, unit.root, n);
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
  });

  async function renderUnit(sites: SiteWork[], withRoot: boolean, n: number): Promise<void> {
    const out = path.join(unitsRoot, `unit-${n + 1}`);
    const temp = path.join(request.tempDir, `unit-${n + 1}`);
    mkdirSync(temp, { recursive: true });
    try {
      // Astro's intermediate build, in the folder each unit runs in, imports Astro's own packages.
      symlinkSync(astroModules, path.join(temp, 'node_modules'), 'junction');
      const snapshot = path.join(temp, 'content.json');
      const lists = [...sites.map((s) => s.entries), ...(withRoot ? [root!.entries] : [])];
      writeSnapshot(snapshot, sites.length === 1 && !withRoot ? sites[0].snapshot : snapshotText(union(request.entries, lists), histories));
      const run = await runAstro(process.execPath, [astro, 'build', '--root', request.projectRoot, '--outDir', out], {
        // Astro writes its intermediate server build under the folder it runs in: each unit its own.
        cwd: temp,
        env: {
          ...request.env,
          PLAN_SNAPSHOT: snapshot,
          PLAN_PARTNERSHIP: alone ?? '',
          ...(alone ? {} : { PLAN_SITES: sites.map((s) => s.id).join(','), PLAN_ROOT: withRoot ? '1' : '0' }),
          PLAN_CACHE_DIR: path.join(temp, 'astro'),
        },
      });
      report.units.push({ sites: sites.map((s) => s.id), root: withRoot, timing: run.timing });
      if (!run.ok) throw new RenderError(`Astro could not build the site:\n${run.output}`);
      request.log(`  rendered ${describe(sites, withRoot)} in ${(run.timing.totalMs / 1000).toFixed(1)} s`);

      // Each site's folder, the root pages and the shared assets, out of the unit into place.
      const assets: string[] = [];
      for (const name of readdirSync(out)) {
        const from = path.join(out, name);
        if (name === '_astro' && !alone) {
          mkdirSync(assetsDir, { recursive: true });
          for (const asset of readdirSync(from)) {
            const target = path.join(assetsDir, asset);
            if (!existsSync(target)) renameSync(path.join(from, asset), target);
            assets.push(target);
          }
        } else renameSync(from, path.join(staging, name));
      }
      rmSync(out, { recursive: true, force: true });

      for (const site of sites) placeNotFoundPages([siteDir(site.id)]);
      if (withRoot) placeNotFoundPages([staging]);
      await request.onRendered?.();

      for (const site of sites) {
        const dir = siteDir(site.id);
        let pages: number;
        try {
          pages = await index(dir);
        } catch (error) {
          throw new SearchIndexError(site.id, error);
        }
        report.sites.push({ partnership: site.id, dir, pages, reused: false });
        if (cache) {
          const at = performance.now();
          const names = readdirSync(dir).filter((name) => !alone || (name !== '.units' && name !== '_headers'));
          cache.keep(site.id, site.key, { from: dir, names, assets, pages });
          report.cacheMs += performance.now() - at;
        }
      }
      if (withRoot) {
        if (cache)
          cache.keep(rootName, root!.key, {
            from: staging,
            names: rootFiles.filter((f) => existsSync(path.join(staging, f))),
            assets,
            pages: 0,
          });
      }
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }

  // Starting the tasks spawns the first units' Astro processes before anything is awaited; the
  // linking below is synchronous, so it is done before any unit's output is moved into place.
  const running = inParallel(tasks, parallel);
  const linking = performance.now();
  for (const { kept, to } of toLink) linkKept(kept, to);
  report.cacheMs += performance.now() - linking;
  await running;
  await searchQueue;
  rmSync(unitsRoot, { recursive: true, force: true });
  if (failure) throw failure;
  const order = new Map(ids.map((id, i) => [id, i]));
  report.sites.sort((a, b) => order.get(a.partnership)! - order.get(b.partnership)!);
  return report;
}

function describe(sites: readonly SiteWork[], withRoot: boolean): string {
  const names = sites.length <= 3 ? sites.map((s) => s.id).join(', ') : `${sites[0].id} and ${sites.length - 1} other sites`;
  return [names, withRoot ? 'the root pages' : ''].filter(Boolean).join(' and ');
}

/** The entries of several closures, once each, in the check's order. */
function union(all: readonly AnyEntry[], lists: ReadonlyArray<readonly AnyEntry[]>): AnyEntry[] {
  const wanted = new Set(lists.flat());
  return all.filter((entry) => wanted.has(entry));
}
