/**
 * Overdue: the work is reported as still open (not started, in progress or delayed) and the
 * last day it was due by is before the build date. Work with no status reported is never
 * called overdue: nobody has said it is still open.
 */
import type { Status } from '../../../schemas/index.ts';
import type { Due } from '../../../schemas/values/due.ts';

/** Statuses of work that is still to be done: the ones a passed due date makes overdue. */
const openStatuses: ReadonlySet<Status> = new Set(['not-started', 'in-progress', 'delayed']);

export function isOverdue(due: Due | undefined, status: Status | undefined, buildDate: string): boolean {
  return Boolean(due?.by && status && openStatuses.has(status) && due.by < buildDate);
}
