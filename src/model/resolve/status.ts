/**
 * Status: the ONE rule by which every item gets a status, stated on every site and in the
 * README. Nothing is claimed that the content does not say.
 *
 * An action's status is its own `status:`; without one, the status of its latest dated progress
 * update that gives one; without either, none ("No status reported").
 *
 * Roll-up: the rule by which priorities, objectives and plans get a status from their actions.
 * A roll-up over actions some of which report nothing claims only what holds whatever they are.
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
import type { Status } from '../../../schemas/index.ts';
import { statusValues } from '../../../schemas/index.ts';
import type { ProgressUpdate } from '../../../schemas/index.ts';
import type { ActionNode, StatusFact } from '../graph/nodes.ts';

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
  'An action shows the status it gives, or, where it gives none, the status of its latest progress update that gives one. A priority or objective shows the status its plan or its latest progress update gives it. Where neither gives one, it is worked out from its actions, leaving out cancelled ones: delayed when any action is delayed; otherwise, only when every action reports a status, complete when every action is complete, not started when no action has started, ongoing when every action is ongoing or complete, and in progress in any other case. When some actions report no status, no status is claimed for the item above them.';

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

/** The latest of the updates that give a status (the last written among equal dates), up to a day if given. */
export function latestStatusUpdate(updates: readonly ProgressUpdate[], upTo?: string): (ProgressUpdate & { status: Status }) | undefined {
  let latest: (ProgressUpdate & { status: Status }) | undefined;
  for (const update of updates) {
    if (!update.status || (upTo !== undefined && update.date > upTo)) continue;
    if (!latest || update.date >= latest.date) latest = update as ProgressUpdate & { status: Status };
  }
  return latest;
}

/**
 * Where an action stands as of the build: its own `status:` when it gives one (with the latest
 * update that gave the same status, which dates it); otherwise the status of its latest update
 * that gives one; otherwise none is reported.
 */
export function actionStatus(action: ActionNode): StatusFact {
  return ownOrLatestStatus(action.entry.data.status, action.entry.data.progress);
}

/** The rule above for anything with its own `status:` and dated updates (an action, a review's recommendation). */
export function ownOrLatestStatus(status: Status | undefined, progress: readonly ProgressUpdate[]): StatusFact {
  if (status) {
    const dated = latestStatusUpdate(progress.filter((u) => u.status === status));
    return { status, source: 'own', ...(dated ? { update: dated } : {}) };
  }
  const latest = latestStatusUpdate(progress);
  return latest ? { status: latest.status, source: 'update', update: latest } : { none: 'not-reported' };
}

/**
 * A priority's or objective's status: its own `status:`; else that of its latest dated update that
 * gives one (up to a day, if given); else rolled up from the facts of the actions given.
 */
export function aboveStatus(
  own: Status | undefined,
  updates: readonly ProgressUpdate[],
  actions: readonly StatusFact[],
  upTo?: string,
): StatusFact {
  if (own) return { status: own, source: 'own' };
  const update = latestStatusUpdate(updates, upTo);
  return update ? { status: update.status, source: 'update', update } : rolledUpStatus(undefined, actions);
}

/**
 * A roll-up: its own `status:`, or worked out from the facts of the actions given (cancelled ones
 * left out) by the rule above.
 */
export function rolledUpStatus(own: Status | undefined, actions: readonly StatusFact[]): StatusFact {
  if (own) return { status: own, source: 'own' };
  if (actions.length === 0) return { none: 'no-actions' };
  const status = rollUp(
    undefined,
    actions.map((a) => a.status),
  );
  return status ? { status, source: 'actions' } : { none: 'not-reported' };
}

/** What to show for a status fact with no status: nothing to roll up from (never "yet" once the plan has ended), or nothing reported. */
export function noStatusText(fact: StatusFact, planEnded = false): string {
  if (fact.none !== 'no-actions') return noStatusName;
  return planEnded ? 'No actions' : 'No actions yet';
}
