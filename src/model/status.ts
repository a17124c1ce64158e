/**
 * Status roll-up: the ONE rule by which priorities, objectives and plans get a status from
 * their actions, stated on every site and in the README. Nothing is claimed that the content
 * does not say: an action with no status written has none ("No status reported"), and a
 * roll-up over actions some of which report nothing claims only what holds whatever they are.
 *
 * An item with a status of its own shows that status. Otherwise, from the actions under it
 * (cancelled ones left out):
 * - no actions: no status ("No actions yet");
 * - any action delayed: delayed;
 * - any action reporting no status: no status ("No status reported");
 * - every action complete: complete;
 * - every action not started: not started;
 * - every action ongoing (or ongoing and complete): ongoing;
 * - anything else (some started, some not): in progress.
 */
import type { Status } from '../../schemas/index.ts';
import { statusValues } from '../../schemas/index.ts';
import type { ItemNode } from './plan-index.ts';

export const statusNames: Record<Status, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  delayed: 'Delayed',
  complete: 'Complete',
  ongoing: 'Ongoing',
  cancelled: 'Cancelled',
};

/** What the site says where no status is reported: never "Not started", which would be a claim. */
export const noStatusName = 'No status reported';

export const rollUpRule =
  'A priority or objective shows the status its plan gives it. Where the plan gives none, it is worked out from its actions, leaving out cancelled ones: delayed when any action is delayed; otherwise, only when every action reports a status, complete when every action is complete, not started when no action has started, ongoing when every action is ongoing or complete, and in progress in any other case. When some actions report no status, no status is claimed for the item above them.';

export const noStatusExplained =
  '"No status reported" means the plan, and every progress update since, says nothing about where this work stands. It does not mean the work has not started.';

export function rollUp(own: Status | undefined, actionStatuses: ReadonlyArray<Status | undefined>): Status | undefined {
  if (own) return own;
  const counted = actionStatuses.filter((s) => s !== 'cancelled');
  if (counted.length === 0) return actionStatuses.length > 0 ? 'cancelled' : undefined;
  if (counted.includes('delayed')) return 'delayed';
  if (counted.includes(undefined)) return undefined;
  if (counted.every((s) => s === 'complete')) return 'complete';
  if (counted.every((s) => s === 'not-started')) return 'not-started';
  if (counted.every((s) => s === 'ongoing' || s === 'complete')) return 'ongoing';
  return 'in-progress';
}

/**
 * How many of the given statuses there are of each, for "11 actions: 6 Complete, 5 No status
 * reported": in the fixed order of the statuses, then the items with none (so a count never hides
 * work nobody has reported on); statuses with no items are left out.
 */
export function countByStatus(statuses: ReadonlyArray<Status | undefined>): Array<{ status: Status | undefined; count: number }> {
  return [...statusValues, undefined]
    .map((status) => ({ status, count: statuses.filter((s) => s === status).length }))
    .filter((row) => row.count > 0);
}

/**
 * Roll-ups already worked out: every list a priority appears in asks for its status, and a
 * priority may have thousands of actions. The graph is complete before any page asks.
 */
const rolledUp = new WeakMap<ItemNode, { status: Status | undefined }>();

/** An item's status: its own, or for a priority or objective, rolled up from its actions. */
export function statusOf(node: ItemNode): Status | undefined {
  if (node.kind === 'action') return node.entry.data.status;
  let known = rolledUp.get(node);
  if (!known) {
    known = {
      status: rollUp(
        node.entry.data.status,
        node.actions.map((a) => statusOf(a)),
      ),
    };
    rolledUp.set(node, known);
  }
  return known.status;
}

/** What to show for an item without a status: nothing to roll up from, or nothing reported. */
export function noStatusText(node: ItemNode): string {
  return node.kind !== 'action' && node.actions.length === 0 ? 'No actions yet' : noStatusName;
}
