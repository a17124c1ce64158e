/**
 * A measure's status: the ONE rule by which the site says whether a measure is improving or on
 * track, stated on every site and in the README. It reads only the figures the content gives,
 * and says less rather than more: one value has no trend, and a measure with no recent value
 * says when its last one was rather than what it might be now.
 *
 * Judged on a day (the build date, or the end of a reporting year), from the values dated on or
 * before it:
 * 1. no values: "No data yet";
 * 2. more than two periods (two months, two quarters or two years, by its frequency) since the
 *    latest value: "No data since <month>";
 * 3. with targets, against the first target dated on or after the latest value (else the last):
 *    met when the latest value reaches it ("Target met"); missed when the latest value is dated on
 *    or after the target's date and does not ("Target missed"); otherwise on track when the latest
 *    value is at or better than the straight line from the starting point to the target, at the
 *    latest value's date ("On track for target"), and not on track when it is worse;
 * 4. without targets, the latest value against the starting point: better, worse or the same
 *    ("Improving", "Getting worse", "No change"); where the content does not say which direction
 *    is better, only "Higher than at the start" or "Lower than at the start".
 * The starting point is the baseline, or with none the first value, when it is dated before the
 * latest value; without one (a single value and no earlier baseline) the status is "Too little
 * data to judge". Judged for a reporting year, a measure with no value dated in that year has
 * "No value in <year>".
 */
import type { DatedFigure, Frequency, MeasureUnit } from '../../../schemas/index.ts';
import { formatMonth } from '../../../schemas/values/dates.ts';
import { figureAt, formatFigure, targetText } from '../figures.ts';

/** The figures the rule reads: a measure file's data satisfies this. */
export interface MeasureFigures {
  unit: MeasureUnit;
  better?: 'lower' | 'higher';
  frequency: Frequency;
  baseline?: Pick<DatedFigure, 'date' | 'value'>;
  targets: ReadonlyArray<Pick<DatedFigure, 'date' | 'value'>>;
  values: ReadonlyArray<Pick<DatedFigure, 'date' | 'value'>>;
}

export const measureStatusKinds = [
  'target-met',
  'on-track',
  'improving',
  'no-change',
  'higher',
  'lower',
  'not-on-track',
  'worse',
  'target-missed',
  'one-value',
  'out-of-date',
  'none-in-year',
  'no-data',
] as const;
export type MeasureStatusKind = (typeof measureStatusKinds)[number];

export interface MeasureStatus {
  kind: MeasureStatusKind;
  /** What the site shows, like "On track for target" or "No data since March 2021". */
  label: string;
  /** Why, in one sentence from the figures: "254 in March 2022 is lower than the baseline of 312 in March 2020; lower is better." */
  reason: string;
  /** The latest value the status was judged from. */
  latest?: Pick<DatedFigure, 'date' | 'value'>;
  /** The target it was judged against. */
  target?: Pick<DatedFigure, 'date' | 'value'>;
}

/** The rule in one paragraph, for the site's pages about statuses and the README. */
export const measureStatusRule =
  'A measure’s status comes from its latest value. With no values it has "No data yet"; when more than two of its periods (months, quarters or years) have passed since the latest value, "No data since" that month. With a target, it has "Target met" when the latest value reaches the next target still ahead of it, "Target missed" when a value at or after the target’s date falls short, and otherwise "On track for target" when the latest value is at or better than a straight line from the starting point to the target, or "Not on track for target" when it is worse. Without a target, the latest value is compared with the starting point: "Improving", "Getting worse" or "No change", or only "Higher" or "Lower than at the start" when the plan does not say which direction is better. The starting point is the baseline, or the first value when there is none; one value alone has no trend, so the status is then "Too little data to judge". Judged for a reporting year (in its annual report), a measure is judged as at the year’s last day, and one with no value dated in that year has "No value in" that year.';

const months: Record<Frequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** How often new figures come, in words. */
export const frequencyNames: Record<Frequency, string> = { monthly: 'Every month', quarterly: 'Every quarter', yearly: 'Every year' };

/** The day `count` months after an ISO date, the day clamped to the month's end: 2021-02-28 + 2 = 2021-04-28. */
export function addMonths(iso: string, count: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + count, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Positive when `a` is better than `b` in the measure's direction, negative when worse, 0 when equal. */
const compare = (a: number, b: number, better: 'lower' | 'higher') => (better === 'lower' ? b - a : a - b);

/** A reporting year a measure is judged for: its name and first day. */
export interface JudgedYear {
  name: string;
  starts: string;
}

type Figure = Pick<DatedFigure, 'date' | 'value'>;

/** What the rule judges from: the latest value, and the starting point with its words. */
interface Judged {
  measure: MeasureFigures;
  latest: Figure;
  start?: Figure;
  startText: string;
  at: (figure: Figure) => string;
}

/**
 * The measure's status on a day: the build date, or (with `year`) the last day of a reporting
 * year, when a measure with no value dated in that year has "No value in" it.
 */
export function measureStatus(measure: MeasureFigures, asOf: string, year?: JudgedYear): MeasureStatus {
  const values = measure.values.filter((v) => v.date <= asOf).sort((a, b) => a.date.localeCompare(b.date));
  const latest = values.at(-1);
  if (!latest) return { kind: 'no-data', label: 'No data yet', reason: 'No values have been published for this measure yet.' };
  const at = (figure: Figure) => figureAt(figure, measure.unit);
  if (year && latest.date < year.starts) {
    const reason = `No value is dated in ${year.name}; the latest before it is ${at(latest)}.`;
    return { kind: 'none-in-year', label: `No value in ${year.name}`, reason, latest };
  }
  if (addMonths(latest.date, 2 * months[measure.frequency]) < asOf) {
    const reason = `The latest value is ${at(latest)}; a ${measure.frequency} measure should have had a newer one by now.`;
    return { kind: 'out-of-date', label: `No data since ${formatMonth(latest.date)}`, reason, latest };
  }
  const baseline = measure.baseline && measure.baseline.date < latest.date ? measure.baseline : undefined;
  const first = values[0] !== latest ? values[0] : undefined;
  const startText = baseline ? `the baseline of ${at(baseline)}` : first ? `the first value, ${at(first)}` : '';
  const judged: Judged = { measure, latest, start: baseline ?? first, startText, at };
  const targets = [...measure.targets].sort((a, b) => a.date.localeCompare(b.date));
  const target = targets.find((t) => t.date >= latest.date) ?? targets.at(-1);
  return target && measure.better ? againstTarget(judged, target, measure.better) : againstStart(judged);
}

function tooLittle({ latest, at }: Judged): MeasureStatus {
  const reason = `There is one value so far (${at(latest)}) and no earlier baseline, so there is no trend yet.`;
  return { kind: 'one-value', label: 'Too little data to judge', reason, latest };
}

/** With a target: met, missed, or on or off a steady path to it from the starting point. */
function againstTarget(judged: Judged, target: Figure, better: 'lower' | 'higher'): MeasureStatus {
  const { latest, start, startText, at } = judged;
  const aimed = targetText(target, judged.measure.unit);
  if (compare(latest.value, target.value, better) >= 0) {
    return { kind: 'target-met', label: 'Target met', reason: `${at(latest)} meets the target of ${aimed}.`, latest, target };
  }
  if (latest.date >= target.date) {
    return {
      kind: 'target-missed',
      label: 'Target missed',
      reason: `${at(latest)} falls short of the target of ${aimed}.`,
      latest,
      target,
    };
  }
  if (!start) return { ...tooLittle(judged), target };
  // Where a steady path from the starting point would have reached by the latest value's date.
  const share = (days(latest.date) - days(start.date)) / (days(target.date) - days(start.date));
  const path = start.value + (target.value - start.value) * share;
  const onTrack = compare(latest.value, path, better) >= 0;
  return {
    kind: onTrack ? 'on-track' : 'not-on-track',
    label: onTrack ? 'On track for target' : 'Not on track for target',
    reason: `${at(latest)} is ${onTrack ? 'at or better than' : 'worse than'} a steady path from ${startText} to the target of ${aimed}, which would be at ${formatFigure(round(path), judged.measure.unit)} by then.`,
    latest,
    target,
  };
}

/** Without a target: better, worse or the same as the starting point, or only higher or lower where no direction is better. */
function againstStart(judged: Judged): MeasureStatus {
  const { latest, start, startText, at } = judged;
  const better = judged.measure.better;
  if (!start) return tooLittle(judged);
  if (latest.value === start.value) {
    return { kind: 'no-change', label: 'No change', reason: `${at(latest)} is the same as ${startText}.`, latest };
  }
  const direction = latest.value < start.value ? 'lower' : 'higher';
  if (!better) {
    return {
      kind: direction,
      label: direction === 'lower' ? 'Lower than at the start' : 'Higher than at the start',
      reason: `${at(latest)} is ${direction} than ${startText}; the plan does not say which direction is better.`,
      latest,
    };
  }
  const improving = direction === better;
  return {
    kind: improving ? 'improving' : 'worse',
    label: improving ? 'Improving' : 'Getting worse',
    reason: `${at(latest)} is ${direction} than ${startText}; ${better} is better.`,
    latest,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
