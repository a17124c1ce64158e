/**
 * Stages 3 and 4 together: the checked entries linked into a graph (src/model/graph/), then every
 * fact worked out once (src/model/resolve/). What the check, the authoring tools and the site
 * all read.
 */
import type { AnyEntry } from './entries.ts';
import { buildGraph, type LinkOptions } from './graph/build-graph.ts';
import type { PlanIndex } from './graph/nodes.ts';
import type { Problem } from './problems.ts';
import { resolveIndex } from './resolve/resolve.ts';

export interface ResolvePlanOptions extends LinkOptions {
  /** The day facts are judged as of (overdue, no recent update, measures), YYYY-MM-DD; default today. */
  today?: string;
}

/** Today's date as YYYY-MM-DD, in UTC like the rest of the site's dates. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function resolvePlan(entries: readonly AnyEntry[], options: ResolvePlanOptions = {}): { index: PlanIndex; problems: Problem[] } {
  const today = options.today ?? todayIso();
  const { index, problems } = buildGraph(entries, { ...options, today });
  return { index: resolveIndex(index, { today }), problems };
}
