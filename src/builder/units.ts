/**
 * Splitting a build into units that each fit a small machine. A unit is one `astro build` of a
 * batch of sites (or of the pages at the root: the listing of sites and its 404 page), given a
 * snapshot of only the entries those sites show. Units run in parallel up to the machine's cores,
 * each in its own process with its own memory, so the memory a build needs follows the largest
 * unit, not the country.
 *
 * What a site needs from the content (its closure):
 * - every entry of each body whose nodes the site shows: its own folder, and the folder of each
 *   body that holds a plan it shares (with those plans' groups, years and strands);
 * - for every body those name (joint partners, plan owners), its partnership.md and the plans it
 *   owns, wherever they are held: whether it has a site, and so whether a link to it is shown,
 *   depends on them.
 * Entries keep the check's order, so the index built from a closure orders everything as the
 * index of the whole content does. tests/build/incremental.test.ts proves a site built from its
 * closure is byte for byte the site built with every other.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { AnyEntry } from '../model/entries.ts';
import type { PartnershipNode, PlanIndex } from '../model/graph/nodes.ts';

/** The entries each site needs, by site id, and those the root pages need. */
export interface Closures {
  sites: Map<string, AnyEntry[]>;
  root: AnyEntry[];
}

export function siteClosures(index: PlanIndex, entries: readonly AnyEntry[]): Closures {
  const byBody = new Map<string, AnyEntry[]>();
  for (const entry of entries) {
    let list = byBody.get(entry.partnership);
    if (!list) byBody.set(entry.partnership, (list = []));
    list.push(entry);
  }
  // The plans each body owns, wherever they are held: what gives it a site.
  const plansOwnedBy = new Map<string, AnyEntry[]>();
  for (const body of index.partnerships) {
    for (const plan of body.plans) {
      for (const owner of plan.owners) {
        let list = plansOwnedBy.get(owner.id);
        if (!list) plansOwnedBy.set(owner.id, (list = []));
        list.push(plan.entry, plan.partnership.entry);
      }
    }
  }
  const light = (ids: Iterable<string>, into: Set<AnyEntry>) => {
    for (const id of ids) {
      const body = index.partnership(id);
      if (body) into.add(body.entry);
      for (const entry of plansOwnedBy.get(id) ?? []) into.add(entry);
    }
  };
  const inOrder = (wanted: Set<AnyEntry>) => entries.filter((entry) => wanted.has(entry));

  const sites = new Map<string, AnyEntry[]>();
  for (const site of index.sites) {
    const full = new Set<string>([site.id]);
    for (const node of [...site.plans, ...site.priorities, ...site.objectives, ...site.actions, ...site.groups])
      full.add(node.entry.partnership);
    for (const year of site.years) if (year.entry) full.add(year.entry.partnership);
    for (const strand of site.strands) full.add(strand.home);
    const wanted = new Set<AnyEntry>();
    const named = new Set<string>();
    for (const id of full) {
      for (const entry of byBody.get(id) ?? []) wanted.add(entry);
      const body = index.partnership(id);
      if (body) namedBodies(body, named);
    }
    light(named, wanted);
    sites.set(site.id, inOrder(wanted));
  }
  const root = new Set<AnyEntry>();
  light(
    index.sites.map((s) => s.id),
    root,
  );
  return { sites, root: inOrder(root) };
}

/** Every body a body's own content names: joint partners, owners of its plans. */
function namedBodies(body: PartnershipNode, into: Set<string>): void {
  for (const joint of body.jointWith) into.add(joint.id);
  for (const plan of body.plans) for (const owner of plan.owners) into.add(owner.id);
  for (const item of [...body.priorities, ...body.objectives, ...body.actions]) for (const joint of item.joint) into.add(joint.id);
  for (const group of body.groups) for (const joint of group.joint) into.add(joint.id);
}

/** About how many pages a site has: what its unit's time and memory follow. */
export function pagesOf(site: PartnershipNode): number {
  const fixed = 16; // home, about, search, data, feed and the other pages every site has
  return (
    fixed +
    site.plans.length +
    site.priorities.length +
    site.objectives.length +
    site.actions.length +
    site.groups.length +
    2 * site.years.length +
    site.strands.length
  );
}

export interface UnitLimits {
  /** How many units run at once. */
  parallel: number;
  /** No unit is given more pages than this, unless one site alone has more. */
  maxPages: number;
  /** At most this many sites in a unit (tests set 1, to build each site from its closure alone). */
  maxSites?: number;
}

/**
 * Sites in batches, in the order given: enough batches to keep every core busy, none over the
 * page limit. One Astro process has a start-up cost of a few seconds, so a batch is never made
 * smaller than needed.
 */
export function batchSites<T extends { pages: number }>(sites: readonly T[], limits: UnitLimits): T[][] {
  const total = sites.reduce((sum, s) => sum + s.pages, 0);
  const target = Math.min(limits.maxPages, Math.max(1, Math.ceil(total / limits.parallel)));
  const batches: T[][] = [];
  let current: T[] = [];
  let pages = 0;
  for (const site of sites) {
    const full = current.length > 0 && (pages + site.pages > target || current.length >= (limits.maxSites ?? Infinity));
    if (full) {
      batches.push(current);
      current = [];
      pages = 0;
    }
    current.push(site);
    pages += site.pages;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Where one unit's time went, read from Astro's own output. */
export interface UnitTiming {
  /** Starting Astro and bundling the pages' code. */
  startMs: number;
  /** Reading the snapshot and building the index (src/site/data.ts). */
  contentMs: number;
  /** Rendering every page. */
  renderMs: number;
  totalMs: number;
}

export interface AstroRun {
  ok: boolean;
  output: string;
  timing: UnitTiming;
}

/** Runs one `astro build`, timing its stages by when Astro says it reaches them. */
export function runAstro(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<AstroRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    let routesAt: number | undefined;
    let contentMs = 0;
    const chunks: string[] = [];
    let pending = '';
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      chunks.push(text);
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (routesAt === undefined && line.includes('generating static routes')) routesAt = performance.now();
        const indexed = /plan-publisher: content indexed in (\d+) ms/.exec(line);
        if (indexed) contentMs += Number(indexed[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    const finish = (ok: boolean, extra = '') => {
      const ended = performance.now();
      const at = routesAt ?? ended;
      resolve({
        ok,
        output: chunks.join('') + extra,
        timing: { startMs: at - started, contentMs, renderMs: Math.max(0, ended - at - contentMs), totalMs: ended - started },
      });
    };
    child.on('error', (error) => finish(false, `\n${error.message}`));
    child.on('close', (code) => finish(code === 0));
  });
}

/** Runs tasks with at most `limit` at once, keeping their order in the result; the first failure rejects. */
export async function inParallel<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  return results;
}
