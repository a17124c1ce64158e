/**
 * Stage 3, link: every reference resolved once into a graph of partnerships (and other bodies),
 * plans, levels, groups, years, strands and measures, with links both ways, in steps that each
 * link one kind of thing. Every page reads this graph (after stage 4 has added its facts), and
 * the check reports every reference these steps cannot follow, so a link the site renders is a
 * link the check has proved.
 *
 * Each node lives in the folder of the body that wrote it (its home). A body that owns or shares
 * a plan gets a site; what each site shows is a view of this graph (site-views.ts).
 */
import type { AnyEntry } from '../entries.ts';
import type { Problem } from '../problems.ts';
import { GraphContext, type LinkOptions } from './context.ts';
import { createNodes, createPartnerships, createStrands, withoutDuplicates } from './create-nodes.ts';
import { linkActions, linkObjectives, linkPriorities, linkStatements } from './link-items.ts';
import { linkGroups } from './link-groups.ts';
import { linkMeasures } from './link-measures.ts';
import { linkOwners, linkSuccessors } from './link-plans.ts';
import { linkReviews } from './link-reviews.ts';
import { linkYears } from './link-years.ts';
import type { PartnershipNode, PlanIndex } from './nodes.ts';
import { sortGraph } from './order.ts';
import { siteViews } from './site-views.ts';

export type { LinkOptions };

/**
 * A joint partner declared under jointWith that has a folder in the content is what its folder
 * says it is (its kind, names and website), and links to its site when it has one.
 */
function linkJointPartners(partnerships: ReadonlyMap<string, PartnershipNode>): void {
  for (const partnership of partnerships.values()) {
    for (const joint of partnership.jointWith) {
      const folder = partnerships.get(joint.id);
      if (!folder || folder === partnership) continue;
      const data = folder.entry.data;
      Object.assign(joint, { name: data.name, kind: data.kind }, data.shortName ? { shortName: data.shortName } : {});
      if (data.website) joint.url = data.website;
      if (folder.hasSite) joint.site = folder;
    }
  }
}

/** Builds the graph and returns, beside it, every reference it could not follow. */
export function buildGraph(entries: readonly AnyEntry[], options: LinkOptions = {}): { index: PlanIndex; problems: Problem[] } {
  const context = new GraphContext(options);
  const unique = withoutDuplicates(context, entries);
  createPartnerships(context, unique);
  createNodes(context, unique);
  createStrands(context);
  linkOwners(context);
  linkJointPartners(context.partnerships);
  linkSuccessors(context);
  linkYears(context);
  linkMeasures(context);
  linkGroups(context);
  linkPriorities(context);
  linkStatements(context);
  linkObjectives(context);
  linkActions(context);
  linkReviews(context);
  const bodies = [...context.partnerships.values()];
  sortGraph(bodies);
  const list = bodies.sort((a, b) => a.entry.data.name.localeCompare(b.entry.data.name));
  const sites = siteViews(list, options.today ?? new Date().toISOString().slice(0, 10));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  return {
    index: { partnerships: list, partnership: (id) => context.partnerships.get(id), sites, site: (id) => siteById.get(id) },
    problems: context.problems,
  };
}
