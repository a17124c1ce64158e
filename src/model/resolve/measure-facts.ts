/** A measure's status as of the build date and at the end of each reporting year of its plan, by the one rule. */
import type { MeasureFacts, MeasureNode } from '../graph/nodes.ts';
import { measureStatus, type MeasureStatus } from './measure-status.ts';
import { judgedAsOf, yearStart } from './year-status.ts';

export function measureFacts(measure: MeasureNode, today: string): MeasureFacts {
  const atYearEnd = new Map<string, MeasureStatus>();
  for (const year of measure.plan?.years ?? []) {
    atYearEnd.set(year.id, measureStatus(measure.entry.data, judgedAsOf(year, today), { name: year.id, starts: yearStart(year) }));
  }
  return { status: measureStatus(measure.entry.data, today), atYearEnd };
}
