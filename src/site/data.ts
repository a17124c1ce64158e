/**
 * The site's one read of the content: Astro's collections, turned into the same entries the
 * validator sees and indexed once. Every page awaits `siteIndex()`; the work is done once per build.
 */
import { getCollection } from 'astro:content';
import path from 'node:path';
import { contentTypeNames } from '../../schemas/index.ts';
import type { AnyEntry } from '../model/entries.ts';
import { buildIndex, type PartnershipNode, type PlanIndex } from '../model/plan-index.ts';

let cached: Promise<PlanIndex> | undefined;

async function load(): Promise<PlanIndex> {
  const entries: AnyEntry[] = [];
  for (const type of contentTypeNames) {
    for (const item of await getCollection(type)) {
      const [partnership] = item.id.split('/');
      entries.push({
        type,
        partnership,
        id: type === 'partnership' ? partnership : path.posix.basename(item.id),
        data: item.data,
        body: item.body ?? '',
        file: item.filePath ?? item.id,
      } as AnyEntry);
    }
  }
  const { index, problems } = buildIndex(entries);
  if (problems.length > 0) {
    // The build checks content before Astro runs; reaching this means it was bypassed.
    throw new Error(`content has ${problems.length} problem(s); run npm run check`);
  }
  return index;
}

export function siteIndex(): Promise<PlanIndex> {
  cached ??= load();
  return cached;
}

/** The partnership built alone (`--partnership ID`), or undefined when building every site. */
export function singlePartnership(): string | undefined {
  return process.env.PLAN_PARTNERSHIP || undefined;
}

/** The partnerships this build publishes. */
export async function publishedPartnerships(): Promise<PartnershipNode[]> {
  const index = await siteIndex();
  const only = singlePartnership();
  if (!only) return index.partnerships;
  const one = index.partnership(only);
  if (!one) throw new Error(`no partnership "${only}" in the content`);
  return [one];
}

/** The props every page of a partnership's site gets. */
export interface SiteProps {
  partnership: PartnershipNode;
}

/** getStaticPaths helper: one path per partnership site, with `site` undefined for a site at the root. */
export async function sitePaths<T>(each: (partnership: PartnershipNode) => Array<{ params?: Record<string, string>; props: T }>) {
  const single = singlePartnership();
  const paths = [];
  for (const partnership of await publishedPartnerships()) {
    for (const { params, props } of each(partnership)) {
      paths.push({ params: { site: single ? undefined : partnership.id, ...params }, props: { partnership, ...props } });
    }
  }
  return paths;
}
