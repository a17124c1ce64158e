/**
 * A measure (an indicator): a figure the partnership tracks to judge whether an outcome is being
 * achieved, like "children subject to a child protection plan for a second time". Its file holds
 * what it counts, its unit, which direction is better, its baseline and targets, where the data
 * come from and every dated value. Its body is the full definition, in Markdown. Priorities,
 * objectives and actions name the measures that evidence them under `measures:`.
 */
import { z } from 'astro/zod';
import { figureInRange, figureRangeText } from './values/ranges.ts';
import { isoDate, plainText, reference } from './common.ts';

/** How a measure's figures are written: a count, a percentage, a rate per 10,000 children, or a number of days. */
export const measureUnitValues = ['number', 'percentage', 'rate-per-10000', 'days'] as const;
export type MeasureUnit = (typeof measureUnitValues)[number];

/** How often a new value is expected. */
export const frequencyValues = ['monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof frequencyValues)[number];

/** Which direction is better: `lower` (fewer children on a plan again) or `higher` (more practitioners confident). */
export const betterValues = ['lower', 'higher'] as const;

/** A figure. Written as a number, like 23.1 (no % sign or commas), from -1,000,000,000 to 1,000,000,000. */
const figure = z.number().check((ctx) => {
  if (!figureInRange(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      message: `a figure ${figureRangeText}`,
      input: ctx.value,
      params: {
        hint: 'write the figure itself, like 254 or 23.1: a figure beyond a billion is a typing mistake, and could not be charted',
      },
    });
  }
});

/** One dated figure: a value, the baseline or a target. */
const datedFigure = z.strictObject({
  /** The day the figure is for: the last day of the month, quarter or year it covers, like 2022-03-31. */
  date: isoDate,
  /** The figure, like 254 or 23.1. */
  value: figure,
  /** Anything a reader needs to know about this figure, like "definition changed" or "provisional". */
  note: plainText.optional(),
});
export type DatedFigure = z.infer<typeof datedFigure>;

export const measureSchema = z
  .strictObject({
    /** The measure's name, like "Children subject to a child protection plan for a second time". */
    title: plainText,
    /** What it counts, in one sentence, like "Children who became subject to a plan in the year and had been on one before". */
    counts: plainText,
    /** The unit of its figures: number, percentage, rate-per-10000 (per 10,000 children) or days. */
    unit: z.enum(measureUnitValues),
    /** Which direction is better: lower or higher. Needed when a target is set. */
    better: z.enum(betterValues).optional(),
    /** How often a new value is expected: monthly, quarterly or yearly. */
    frequency: z.enum(frequencyValues),
    /** The plan whose outcomes it evidences (a file in `plans/`); its targets fall within the plan's period. */
    plan: reference,
    /** Where the figures come from, like "Children in need census (DfE)". */
    source: plainText,
    /** The starting point the plan measures change from: a value and its date. */
    baseline: datedFigure.optional(),
    /** The targets the plan sets: each a value and the date it should be reached by. */
    targets: z.array(datedFigure).default([]),
    /** The figures so far, each with its date and an optional note, in any order. */
    values: z.array(datedFigure).default([]),
    /** How its page draws it: `line` (the default) or `bar`. */
    chart: z.enum(['line', 'bar']).default('line'),
  })
  .superRefine((measure, ctx) => {
    const check = (value: number, path: Array<string | number>) => {
      if (measure.unit === 'percentage' && (value < 0 || value > 100)) {
        ctx.addIssue({
          code: 'custom',
          message: 'a percentage from 0 to 100',
          input: value,
          path,
          params: { hint: 'write a percentage as a number like 23.1, without the % sign' },
        });
      } else if (measure.unit !== 'number' && value < 0) {
        ctx.addIssue({ code: 'custom', message: `a value of 0 or more for a ${unitNoun[measure.unit]}`, input: value, path });
      }
    };
    if (measure.baseline) check(measure.baseline.value, ['baseline', 'value']);
    measure.targets.forEach((target, index) => check(target.value, ['targets', index, 'value']));
    const seen = new Map<string, number>();
    measure.values.forEach((entry, index) => {
      check(entry.value, ['values', index, 'value']);
      const first = seen.get(entry.date);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `values[${first}] is for ${entry.date} too: each date can have one value`,
          input: entry.date,
          path: ['values', index, 'date'],
          params: { said: 'as-is', hint: 'remove one of the two, or correct its date' },
        });
      } else seen.set(entry.date, index);
    });
    if (measure.targets.length > 0 && !measure.better) {
      ctx.addIssue({
        code: 'custom',
        message: 'required field is missing: a target is set, so say which direction is better',
        path: ['better'],
        params: { said: 'as-is', hint: 'add "better: lower" (fewer is better) or "better: higher"' },
      });
    }
  });
export type MeasureData = z.infer<typeof measureSchema>;

const unitNoun: Record<MeasureUnit, string> = {
  number: 'number',
  percentage: 'percentage',
  'rate-per-10000': 'rate',
  days: 'number of days',
};
