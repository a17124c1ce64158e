/**
 * Stage 2 of the build: every site's pages and search index in the staging folder. Sites whose
 * output is kept under the same key (src/builder/incremental.ts) are put in unchanged, each file
 * checked against the hash recorded when it was kept; the others, and any whose kept output has
 * changed since, are rendered in units (src/builder/units.ts), in parallel, and each site is
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
import { fileHistories, type FileHistory } from '../site/history.ts';
import { ChangedSinceKept, outputKey, restoreKept, toolVersion, type Kept, type OutputCache, type OutputPlace } from './incremental.ts';
import { placeNotFoundPages } from './not-found.ts';
import { indexSite } from './search-index.ts';
import { snapshotText, writeSnapshot } from '../model/snapshot.ts';
import { batchSites, inParallel, pagesOf, runAstro, siteClosures, type UnitTiming } from './units.ts';

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

interface RootWork {
  key: string;
  entries: readonly AnyEntry[];
}

/** What one Astro process renders: some sites, and the root pages when `root` is given. */
interface Unit {
  sites: SiteWork[];
  root?: RootWork;
}

/** A kept output to put in place: a site's, or the root pages'. */
interface Restore {
  kept: Kept;
  into: OutputPlace;
  published?: OutputPlace;
  site?: SiteWork;
  root?: RootWork;
}

/** The build's work, sorted: what is rendered, what is put in from the last build's output. */
interface Work {
  ids: string[];
  toRender: SiteWork[];
  root?: RootWork;
  toRestore: Restore[];
}

export async function renderSites(request: RenderRequest): Promise<RenderReport> {
  const rendering = new Rendering(request);
  const work = rendering.sortWork();
  const units = rendering.planUnits(work.toRender, work.root);
  request.log(
    `2/4 Rendering ${work.toRender.length} of ${work.ids.length} ${work.ids.length === 1 ? 'site' : 'sites'} in ${units.length} ${units.length === 1 ? 'unit' : 'units'}, ${Math.min(rendering.parallel, units.length)} at a time` +
      (work.ids.length > work.toRender.length ? ` (${work.ids.length - work.toRender.length} unchanged, reused)` : '') +
      '...',
  );
  // Starting the tasks spawns the first units' Astro processes before anything is awaited; the
  // restoring below is synchronous, so it is done before any unit's output is moved into place.
  const running = rendering.runUnits(units);
  const changed = rendering.restoreKept(work.toRestore);
  await running;
  // Output kept but changed since is rendered after the rest: rare, so not worth waiting for.
  if (changed.sites.length > 0 || changed.root) await rendering.runUnits(rendering.planUnits(changed.sites, changed.root));
  return rendering.finish(work.ids);
}

/**
 * One build's rendering: the sites sorted into work, the units that render them (each indexed
 * for search as soon as it is done, one index at a time, while the next units render), and the
 * report of what was done. The first failure stops units not yet started and is thrown at the end.
 */
class Rendering {
  readonly report: RenderReport = { sites: [], units: [], searchMs: 0, cacheMs: 0 };
  readonly parallel: number;
  private readonly request: RenderRequest;
  private readonly alone: string | undefined;
  private readonly histories: Record<string, FileHistory>;
  private readonly tool: string;
  /** Astro's command, and the node_modules holding it (ours here; the user's when the tool is installed). */
  private readonly astro = astroEntry();
  private readonly astroModules = path.resolve(this.astro, '../../..');
  private readonly assetsDir: string;
  private readonly unitsRoot: string;
  private searchQueue: Promise<unknown> = Promise.resolve();
  private failure: Error | undefined;
  private unitCount = 0;

  constructor(request: RenderRequest) {
    this.request = request;
    this.alone = request.partnership;
    this.parallel = Math.max(1, request.parallel ?? availableParallelism());
    this.tool = toolVersion(request.projectRoot);
    this.histories = fileHistories(
      request.contentDir,
      request.entries.map((e) => e.absolutePath),
    );
    this.assetsDir = path.join(request.staging, '_astro');
    this.unitsRoot = path.join(request.staging, '.units');
  }

  /** Every site (and the root pages), as work to render or output kept from the last build to put in. */
  sortWork(): Work {
    const { request, alone } = this;
    const closures = siteClosures(request.index, request.entries);
    const started = performance.now();
    const work: Work = { ids: alone ? [alone] : request.index.sites.map((s) => s.id), toRender: [], toRestore: [] };
    mkdirSync(request.staging, { recursive: true });
    for (const id of work.ids) {
      const entries = closures.sites.get(id) ?? [];
      const site = { id, ...this.keyed(id, entries), entries, pages: pagesOf(request.index.site(id)!) };
      const kept = request.cache?.find(id, site.key);
      if (kept) work.toRestore.push({ kept, ...this.places(id), site });
      else work.toRender.push(site);
    }
    if (!alone) {
      const root = { key: this.keyed(rootName, closures.root).key, entries: closures.root };
      const kept = request.cache?.find(rootName, root.key);
      if (kept) work.toRestore.push({ kept, ...this.places(undefined), root });
      else work.root = root;
    }
    this.report.cacheMs += performance.now() - started;
    return work;
  }

  /** A site's snapshot, and the key its output is kept under: the tool, the build's options, the snapshot. */
  private keyed(name: string, entries: readonly AnyEntry[]): { snapshot: string; key: string } {
    const { site, base, buildDate } = this.request;
    const options = { site, base, buildDate, sites: this.alone ? `alone:${this.alone}` : 'all' };
    const snapshot = snapshotText(entries, this.histories);
    return { snapshot, key: outputKey(this.tool, options, name, snapshot) };
  }

  /** Where a site's output goes (the root pages' for undefined), and where the last build published it. */
  private places(id: string | undefined): Pick<Restore, 'into' | 'published'> {
    const { staging, published: last } = this.request;
    const shared = !this.alone;
    const folder = (root: string) => (id === undefined || !shared ? root : path.join(root, id));
    const into = { files: folder(staging), assets: shared ? this.assetsDir : undefined };
    return { into, published: last ? { files: folder(last), assets: shared ? path.join(last, '_astro') : undefined } : undefined };
  }

  private siteDir(id: string): string {
    return this.alone ? this.request.staging : path.join(this.request.staging, id);
  }

  /** The units that render these sites; the root pages ride with the first, alone only when no site needs rendering. */
  planUnits(sites: SiteWork[], root: RootWork | undefined): Unit[] {
    const limits = { parallel: this.parallel, maxPages: this.request.maxPages ?? 2000, maxSites: this.request.maxSites };
    const units: Unit[] = batchSites(sites, limits).map((batch) => ({ sites: batch }));
    if (root) {
      if (units.length > 0) units[0].root = root;
      else units.push({ sites: [], root });
    }
    return units;
  }

  /** Renders the units, `parallel` at once; after a failure, those not yet started are skipped. */
  runUnits(units: Unit[]): Promise<unknown> {
    return inParallel(
      units.map((unit) => {
        const n = (this.unitCount += 1);
        return async () => {
          if (this.failure) return;
          try {
            await this.renderUnit(unit, n);
          } catch (error) {
            this.failure ??= error instanceof Error ? error : new Error(String(error));
          }
        };
      }),
      this.parallel,
    );
  }

  private async renderUnit(unit: Unit, n: number): Promise<void> {
    const out = path.join(this.unitsRoot, `unit-${n}`);
    const temp = path.join(this.request.tempDir, `unit-${n}`);
    mkdirSync(temp, { recursive: true });
    try {
      await this.runAstro(unit, out, temp);
      const assets = this.moveIntoPlace(out);
      for (const site of unit.sites) placeNotFoundPages([this.siteDir(site.id)]);
      if (unit.root) placeNotFoundPages([this.request.staging]);
      await this.request.onRendered?.();
      const pages = await this.indexSites(unit.sites);
      await this.request.onIndexed?.();
      this.keep(unit, pages, assets);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }

  /** One `astro build` of the unit's sites, into `out`, in a folder of its own. */
  private async runAstro(unit: Unit, out: string, temp: string): Promise<void> {
    // Astro's intermediate build, in the folder each unit runs in, imports Astro's own packages.
    symlinkSync(this.astroModules, path.join(temp, 'node_modules'), 'junction');
    const snapshot = path.join(temp, 'content.json');
    writeSnapshot(snapshot, this.snapshotOf(unit));
    const { request, alone } = this;
    const run = await runAstro(process.execPath, [this.astro, 'build', '--root', request.projectRoot, '--outDir', out], {
      // Astro writes its intermediate server build under the folder it runs in: each unit its own.
      cwd: temp,
      env: {
        ...request.env,
        ...unitEnvironment({
          snapshot,
          partnership: alone,
          sites: alone ? undefined : { ids: unit.sites.map((s) => s.id), root: unit.root !== undefined },
          cacheDir: path.join(temp, 'astro'),
        }),
      },
    });
    this.report.units.push({ sites: unit.sites.map((s) => s.id), root: unit.root !== undefined, timing: run.timing });
    if (!run.ok) throw new RenderError(`Astro could not build the site:\n${run.output}`);
    request.log(`  rendered ${describe(unit)} in ${(run.timing.totalMs / 1000).toFixed(1)} s`);
  }

  /** The entries the unit's pages show: one site's own snapshot, or the union of its sites' and the root's. */
  private snapshotOf(unit: Unit): string {
    if (unit.sites.length === 1 && !unit.root) return unit.sites[0].snapshot;
    const lists = [...unit.sites.map((s) => s.entries), ...(unit.root ? [unit.root.entries] : [])];
    return snapshotText(union(this.request.entries, lists), this.histories);
  }

  /** Each site's folder, the root pages and the shared assets, out of the unit into place: the assets' paths. */
  private moveIntoPlace(out: string): string[] {
    const { staging } = this.request;
    const assets: string[] = [];
    for (const name of readdirSync(out)) {
      const from = path.join(out, name);
      if (name === '_astro' && !this.alone) {
        mkdirSync(this.assetsDir, { recursive: true });
        for (const asset of readdirSync(from)) {
          const target = path.join(this.assetsDir, asset);
          if (!existsSync(target)) renameSync(path.join(from, asset), target);
          assets.push(target);
        }
      } else renameSync(from, path.join(staging, name));
    }
    rmSync(out, { recursive: true, force: true });
    return assets;
  }

  /** Indexes each site for search, in turn: the pages of each. */
  private async indexSites(sites: readonly SiteWork[]): Promise<number[]> {
    const indexed: number[] = [];
    for (const site of sites) {
      try {
        indexed.push(await this.index(this.siteDir(site.id)));
      } catch (error) {
        throw new SearchIndexError(site.id, error);
      }
    }
    return indexed;
  }

  /** Pagefind runs one index at a time, in its own process, while Astro renders the next units. */
  private index(dir: string): Promise<number> {
    const done = this.searchQueue.then(async () => {
      const at = performance.now();
      const pages = await indexSite(dir);
      this.report.searchMs += performance.now() - at;
      return pages;
    });
    this.searchQueue = done.catch(() => undefined);
    return done;
  }

  /** Reports the unit's sites, and keeps their output (and the root pages') for the next build. */
  private keep(unit: Unit, pages: number[], assets: string[]): void {
    const { cache, staging } = this.request;
    for (const [i, site] of unit.sites.entries()) {
      const dir = this.siteDir(site.id);
      this.report.sites.push({ partnership: site.id, dir, pages: pages[i], reused: false });
      if (cache) {
        const at = performance.now();
        const names = readdirSync(dir).filter((name) => !this.alone || (name !== '.units' && name !== '_headers'));
        cache.keep(site.id, site.key, { from: dir, names, assets, pages: pages[i] });
        this.report.cacheMs += performance.now() - at;
      }
    }
    if (unit.root && cache) {
      const names = rootFiles.filter((f) => existsSync(path.join(staging, f)));
      cache.keep(rootName, unit.root.key, { from: staging, names, assets, pages: 0 });
    }
  }

  /** Puts in what is kept from the last build; what has changed since it was kept is returned, to render. */
  restoreKept(toRestore: readonly Restore[]): { sites: SiteWork[]; root?: RootWork } {
    const restoring = performance.now();
    const changed: { sites: SiteWork[]; root?: RootWork } = { sites: [] };
    try {
      for (const item of toRestore) {
        if (restore(item, this.request.cache!, this.request.log)) {
          if (item.site) this.report.sites.push({ partnership: item.site.id, dir: item.into.files, pages: item.kept.pages, reused: true });
        } else if (item.site) changed.sites.push(item.site);
        else changed.root = item.root;
      }
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    }
    this.report.cacheMs += performance.now() - restoring;
    return changed;
  }

  /** Once every unit is done: the search indexes finished, the units' folder gone, the sites in the build's order. */
  async finish(ids: readonly string[]): Promise<RenderReport> {
    await this.searchQueue;
    rmSync(this.unitsRoot, { recursive: true, force: true });
    if (this.failure) throw this.failure;
    const order = new Map(ids.map((id, i) => [id, i]));
    this.report.sites.sort((a, b) => order.get(a.partnership)! - order.get(b.partnership)!);
    return this.report;
  }
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

function describe(unit: Unit): string {
  const { sites } = unit;
  const names = sites.length <= 3 ? sites.map((s) => s.id).join(', ') : `${sites[0].id} and ${sites.length - 1} other sites`;
  return [names, unit.root ? 'the root pages' : ''].filter(Boolean).join(' and ');
}

/** The entries of several closures, once each, in the check's order. */
function union(all: readonly AnyEntry[], lists: ReadonlyArray<readonly AnyEntry[]>): AnyEntry[] {
  const wanted = new Set(lists.flat());
  return all.filter((entry) => wanted.has(entry));
}
