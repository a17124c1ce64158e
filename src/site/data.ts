/**
 * The site's one read of the content. `npm run build` checks the content, then hands Astro the
 * entries that check accepted (a snapshot file named by PLAN_SNAPSHOT), so every page is built
 * from exactly what was checked: no second walker or YAML parser can read it differently, and a
 * file saved during the build cannot slip in unchecked. Run directly (`astro dev`), the site runs
 * the same check itself and refuses to render content that has errors.
 */
import path from 'node:path';
import { readSnapshot } from '../build/snapshot.ts';
import type { AnyEntry } from '../model/entries.ts';
import { checkContent } from '../model/check.ts';
import { buildIndex, type PartnershipNode, type PlanIndex } from '../model/plan-index.ts';
import { formatProblem } from '../model/problems.ts';

let cached: { index: PlanIndex; entries: AnyEntry[] } | undefined;

function load(): { index: PlanIndex; entries: AnyEntry[] } {
  const snapshot = process.env.PLAN_SNAPSHOT;
  if (snapshot) {
    const entries = readSnapshot(snapshot);
    return { index: buildIndex(entries).index, entries };
  }
  const checked = checkContent(path.resolve(process.env.PLAN_CONTENT || 'content'));
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
  return process.env.PLAN_PARTNERSHIP || undefined;
}

/** The partnerships this build publishes. */
export function publishedPartnerships(): PartnershipNode[] {
  const index = siteIndex();
  const only = singlePartnership();
  if (!only) return index.sites;
  const one = index.site(only);
  if (!one) throw new Error(`no site for "${only}" in the content: it owns or shares no plan`);
  return [one];
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
