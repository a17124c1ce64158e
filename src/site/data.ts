/**
 * The site's one read of the content. `npm run build` checks the content, then hands Astro the
 * entries that check accepted (a snapshot file), so every page is built
 * from exactly what was checked: no second walker or YAML parser can read it differently, and a
 * file saved during the build cannot slip in unchecked. Run directly (`astro dev`), the site runs
 * the same check itself and refuses to render content that has errors.
 */
import { performance } from 'node:perf_hooks';
import { readSnapshot } from '../model/snapshot.ts';
import { siteSettings } from '../config.ts';
import type { AnyEntry } from '../model/entries.ts';
import { checkContent } from '../model/check.ts';
import type { PartnershipNode, PlanIndex } from '../model/graph/nodes.ts';
import { resolvePlan } from '../model/resolved-plan.ts';
import { buildDate } from './build-date.ts';
import { formatProblem } from '../model/problems.ts';
import { useFileHistories } from './history.ts';

let cached: { index: PlanIndex; entries: AnyEntry[] } | undefined;

function load(): { index: PlanIndex; entries: AnyEntry[] } {
  const { snapshot, contentDir } = siteSettings();
  if (snapshot) {
    const started = performance.now();
    const { entries, histories } = readSnapshot(snapshot);
    useFileHistories(histories);
    const index = resolvePlan(entries, { today: buildDate() }).index;
    // The build reads this line to report where a unit's time goes (src/builder/units.ts).
    console.log(`plan-publisher: content indexed in ${Math.round(performance.now() - started)} ms`);
    return { index, entries };
  }
  const checked = checkContent(contentDir, { today: buildDate() });
  const errors = checked.problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0) {
    throw new Error(
      `The content has ${errors.length} error(s); the site shows only checked content.\n\n${errors.map(formatProblem).join('\n')}`,
    );
  }
  return { index: checked.index, entries: checked.entries };
}

function loaded(): { index: PlanIndex; entries: AnyEntry[] } {
  // While previewing with `astro dev`, every page reads the files afresh, so an edit shows on reload.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

export function siteIndex(): PlanIndex {
  return loaded().index;
}

/** Every checked entry, for what is not part of the plan's graph, like a partnership's own pages. */
export function siteEntries(): AnyEntry[] {
  return loaded().entries;
}

/** The partnership built alone (`--partnership ID`), or undefined when building every site. */
export function singlePartnership(): string | undefined {
  return siteSettings().partnership;
}

/**
 * The sites this Astro process renders: every site, one built alone, or the unit of sites named
 * by the build when it splits the work (src/builder/units.ts), possibly none.
 */
export function publishedPartnerships(): PartnershipNode[] {
  const index = siteIndex();
  const only = singlePartnership();
  const ids = only ? [only] : siteSettings().sites;
  if (!ids) return index.sites;
  return ids.map((id) => {
    const site = index.site(id);
    if (!site) throw new Error(`no site for "${id}" in the content: it owns or shares no plan`);
    return site;
  });
}

/**
 * Every site of the build, for the pages at the root (the listing of sites, its 404 page) when
 * every site is built together; none when one is built alone, or when another unit of the build
 * renders them.
 */
export function rootListing(): PartnershipNode[] | undefined {
  if (singlePartnership() || !siteSettings().root) return undefined;
  return siteIndex().sites;
}

/** The props every page of a partnership's site gets. */
export interface SiteProps {
  partnership: PartnershipNode;
}

/** getStaticPaths helper: one path per partnership site, with `site` undefined for a site at the root. */
export function sitePaths<T>(each: (partnership: PartnershipNode) => Array<{ params?: Record<string, string>; props: T }>) {
  const single = singlePartnership();
  const paths = [];
  for (const partnership of publishedPartnerships()) {
    for (const { params, props } of each(partnership)) {
      paths.push({ params: { site: single ? undefined : partnership.id, ...params }, props: { partnership, ...props } });
    }
  }
  return paths;
}
