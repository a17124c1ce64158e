/**
 * Stage 2 of the build: every site's pages and search index in the staging folder. Sites whose
 * output is kept under the same key (src/build/incremental.ts) are put in unchanged, each file
 * checked against the hash recorded when it was kept; the others, and any whose kept output has
 * changed since, are rendered in units (src/build/units.ts), in parallel, and each site is
 * indexed for search as soon as its unit is done, while the next units render.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { unitEnvironment, type SiteOptions } from '../config.ts';
import type { AnyEntry } from '../model/entries.ts';
import type { PlanIndex } from '../model/graph/nodes.ts';
import { astroEntry } from '../package-root.ts';
import { fileHistories } from '../site/history.ts';
import { ChangedSinceKept, outputKey, restoreKept, toolVersion, type Kept, type OutputCache, type OutputPlace } from './incremental.ts';
import { placeNotFoundPages } from './not-found.ts';
import { indexSite } from './search-index.ts';
import { snapshotText, writeSnapshot } from './snapshot.ts';
import { batchSites, inParallel, pagesOf, runAstro, siteClosures, type UnitLimits, type UnitTiming } from './units.ts';

export interface RenderRequest extends SiteOptions {
  projectRoot: string;
  contentDir: string;
  staging: string;
  entries: readonly AnyEntry[];
  index: PlanIndex;
  /** One site alone, at the root of the staging folder. */
  partnership?: string;
  /** Where finished output is kept for the next build; undefined renders everything. */
  cache?: OutputCache;
  /** The output folder the last build published: unchanged files of reused sites are taken from it. */
  published?: string;
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
  /** Called as each unit's sites are indexed, before they are kept for the next build. */
  onIndexed?: () => void | Promise<void>;
}

export interface RenderedSite {
  partnership: string;
  dir: string;
  pages: number;
  /** Reused from the last build's output, not rendered. */
  reused: boolean;
}

export interface RenderReport {
  sites: RenderedSite[];
  units: Array<{ sites: string[]; root: boolean; timing: UnitTiming }>;
  /** Time Pagefind spent indexing, summed over sites. */
  searchMs: number;
  /** Time spent putting kept output in and keeping new output. */
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
  // Where a site's output goes, and where the last build published it.
  const places = (id: string | undefined): Pick<Restore, 'into' | 'published'> => {
    const folder = (root: string) => (id === undefined || alone ? root : path.join(root, id));
    const into = { files: folder(staging), assets: alone ? undefined : assetsDir };
    const last = request.published;
    return { into, published: last ? { files: folder(last), assets: alone ? undefined : path.join(last, '_astro') } : undefined };
  };

  const keyed = (name: string, entries: readonly AnyEntry[]) => {
    const snapshot = snapshotText(entries, histories);
    return { snapshot, key: outputKey(tool, options, name, snapshot) };
  };

  // What is kept from the last build is put in (once the units that render the rest are
  // running, so that work overlaps theirs); the rest is rendered.
  const started = performance.now();
  const ids = alone ? [alone] : request.index.sites.map((s) => s.id);
  const toRender: SiteWork[] = [];
  const toRestore: Restore[] = [];
  mkdirSync(staging, { recursive: true });
  for (const id of ids) {
    const entries = closures.sites.get(id) ?? [];
    const { snapshot, key } = keyed(id, entries);
    const site = { id, key, snapshot, entries, pages: pagesOf(request.index.site(id)!) };
    const kept = cache?.find(id, key);
    if (kept) toRestore.push({ kept, ...places(id), site });
    else toRender.push(site);
  }
  let root: RootWork | undefined;
  if (!alone) {
    const work = { key: keyed(rootName, closures.root).key, entries: closures.root };
    const kept = cache?.find(rootName, work.key);
    if (kept) toRestore.push({ kept, ...places(undefined), root: work });
    else root = work;
  }
  report.cacheMs += performance.now() - started;

  const units = planUnits(toRender, root, { parallel, maxPages: request.maxPages ?? 2000, maxSites: request.maxSites });
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
  let unitCount = 0;
  const run = (list: Unit[]) =>
    inParallel(
      list.map((unit) => {
        const n = (unitCount += 1);
        return async () => {
          if (failure) return;
          try {
            await renderUnit(unit.sites, unit.root, n);
          } catch (error) {
            failure ??= error instanceof Error ? error : new Error(String(error));
          }
        };
      }),
      parallel,
    );

  async function renderUnit(sites: SiteWork[], withRoot: boolean, n: number): Promise<void> {
    const out = path.join(unitsRoot, `unit-${n}`);
    const temp = path.join(request.tempDir, `unit-${n}`);
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
          ...unitEnvironment({
            snapshot,
            partnership: alone,
            sites: alone ? undefined : { ids: sites.map((s) => s.id), root: withRoot },
            cacheDir: path.join(temp, 'astro'),
          }),
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

      const indexed: number[] = [];
      for (const site of sites) {
        try {
          indexed.push(await index(siteDir(site.id)));
        } catch (error) {
          throw new SearchIndexError(site.id, error);
        }
      }
      await request.onIndexed?.();
      for (const [i, site] of sites.entries()) {
        const dir = siteDir(site.id);
        const pages = indexed[i];
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
  // restoring below is synchronous, so it is done before any unit's output is moved into place.
  const running = run(units);
  const restoring = performance.now();
  const changed = { sites: [] as SiteWork[], root: undefined as RootWork | undefined };
  try {
    for (const item of toRestore) {
      if (restore(item, cache!, request.log)) {
        if (item.site) report.sites.push({ partnership: item.site.id, dir: item.into.files, pages: item.kept.pages, reused: true });
      } else if (item.site) changed.sites.push(item.site);
      else changed.root = item.root;
    }
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
  }
  report.cacheMs += performance.now() - restoring;
  await running;
  // Output kept but changed since is rendered after the rest: rare, so not worth waiting for.
  if (changed.sites.length > 0 || changed.root) {
    root = changed.root ?? root;
    await run(planUnits(changed.sites, changed.root, { parallel, maxPages: request.maxPages ?? 2000, maxSites: request.maxSites }));
  }
  await searchQueue;
  rmSync(unitsRoot, { recursive: true, force: true });
  if (failure) throw failure;
  const order = new Map(ids.map((id, i) => [id, i]));
  report.sites.sort((a, b) => order.get(a.partnership)! - order.get(b.partnership)!);
  return report;
}

interface RootWork {
  key: string;
  entries: readonly AnyEntry[];
}

interface Unit {
  sites: SiteWork[];
  root: boolean;
}

/** A kept output to put in place: a site's, or the root pages'. */
interface Restore {
  kept: Kept;
  into: OutputPlace;
  published?: OutputPlace;
  site?: SiteWork;
  root?: RootWork;
}

/** The units that render these sites; the root pages ride with the first, alone only when no site needs rendering. */
function planUnits(sites: SiteWork[], root: RootWork | undefined, limits: UnitLimits): Unit[] {
  const units = batchSites(sites, limits).map((batch) => ({ sites: batch, root: false }));
  if (root) {
    if (units.length > 0) units[0].root = true;
    else units.push({ sites: [], root: true });
  }
  return units;
}

/**
 * Puts one kept output into the new output, checked file by file. One that changed since it was
 * kept is forgotten, and said so in one line: false, to render it again.
 */
function restore(item: Restore, cache: OutputCache, log: (line: string) => void): boolean {
  try {
    restoreKept(item.kept, item.into, item.published);
    return true;
  } catch (error) {
    if (!(error instanceof ChangedSinceKept)) throw error;
    const what = item.site ? item.site.id : 'The root pages';
    log(`  ${what}: the copy kept in ${path.basename(cache.dir)}/ has changed since it was kept (${error.file}), so it is rendered again.`);
    cache.forget(item.kept.name);
    return false;
  }
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
