/**
 * Status roll-up: the ONE rule by which priorities, objectives and plans get a status from
 * their actions, stated on every site and in the README.
 *
 * An item with a status of its own shows that status. Otherwise, from the actions under it
 * (cancelled ones left out):
 * - no actions: no status ("No actions yet");
 * - every action complete: complete;
 * - any action delayed: delayed;
 * - every action not started: not started;
 * - every action ongoing (or ongoing and complete): ongoing;
 * - anything else (some started, some not): in progress.
 */
import type { Status } from '../../schemas/index.ts';
import { statusValues } from '../../schemas/index.ts';

export const statusNames: Record<Status, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  delayed: 'Delayed',
  complete: 'Complete',
  ongoing: 'Ongoing',
  cancelled: 'Cancelled',
};

export const rollUpRule =
  'A priority or objective shows the status its plan gives it. Where the plan gives none, it is worked out from its actions, leaving out cancelled ones: complete when every action is complete; delayed when any action is delayed; not started when no action has started; ongoing when every action is ongoing or complete; otherwise in progress.';

export function rollUp(own: Status | undefined, actionStatuses: readonly Status[]): Status | undefined {
  if (own) return own;
  const counted = actionStatuses.filter((s) => s !== 'cancelled');
  if (counted.length === 0) return actionStatuses.length > 0 ? 'cancelled' : undefined;
  if (counted.every((s) => s === 'complete')) return 'complete';
  if (counted.includes('delayed')) return 'delayed';
  if (counted.every((s) => s === 'not-started')) return 'not-started';
  if (counted.every((s) => s === 'ongoing' || s === 'complete')) return 'ongoing';
  return 'in-progress';
}

/** How many of the given statuses there are of each, in the fixed order. */
export function countByStatus(statuses: readonly Status[]): Array<{ status: Status; count: number }> {
  return statusValues.map((status) => ({ status, count: statuses.filter((s) => s === status).length })).filter((row) => row.count > 0);
}

import type { ItemNode, PlanNode } from './plan-index.ts';

/** An action with no status written is not started. */
export function statusOf(node: ItemNode): Status | undefined {
  if (node.kind === 'action') return node.entry.data.status ?? 'not-started';
  return rollUp(
    node.entry.data.status,
    node.actions.map((a) => statusOf(a)!),
  );
}

/** A plan's status counts: its actions by status. */
export function planCounts(plan: PlanNode) {
  return countByStatus(plan.priorities.flatMap((p) => p.actions).map((a) => statusOf(a)!));
}
