/**
 * Chart geometry and text alternatives (src/charts/): the points sit where the data say, on
 * scales that start at zero, the line breaks where values are missing, and the sentence a
 * screen reader hears states the first, latest and target values.
 */
import { describe, expect, it } from 'vitest';
import { breakdownBar, measureChart, sparkline, withGaps } from '../../src/charts/measure-chart.ts';
import { chartSummary } from '../../src/charts/summary.ts';

const measure = {
  unit: 'number' as const,
  frequency: 'yearly' as const,
  chart: 'line' as const,
  baseline: { date: '2020-03-31', value: 312 },
  targets: [{ date: '2023-03-31', value: 200 }],
  values: [
    { date: '2022-03-31', value: 254 },
    { date: '2021-03-31', value: 290 },
  ],
};

/*
 * Expected coordinates are worked out by hand from what a reader sees, not from the code's scales.
 * A chart is 640 x 300 with its plot inside margins of 64 (left), 24 (right), 24 (top) and 40
 * (bottom): the value axis runs from y = 260 (zero) up to y = 24, 236 pixels; a line chart's date
 * axis runs from x = 72 to x = 608 (8 pixels inside the plot). Coordinates are rounded to 0.1.
 *
 * For `measure` the largest figure is the baseline, 312, so the value axis is labelled in steps
 * of 50 up to 350: a value v sits at y = 260 - v * 236 / 350. Its dates are 31 March of 2020
 * (baseline) to 2023 (target), three years of 365 days each, so each year is 536 / 3 = 178.67
 * pixels to the right of the last:
 *   baseline 312 (2020): x = 72,                y = 260 - 210.38 = 49.6
 *   290 (2021):          x = 72 + 178.67 = 250.7, y = 260 - 195.54 = 64.5
 *   254 (2022):          x = 72 + 357.33 = 429.3, y = 260 - 171.27 = 88.7
 *   target 200 (2023):   x = 608,               y = 260 - 134.86 = 125.1
 */
describe('a measure chart', () => {
  it('places every value on linear scales, oldest first, with zero at the bottom of the plot', () => {
    const chart = measureChart(measure);
    expect(chart.plot).toEqual({ left: 64, right: 616, top: 24, bottom: 260 });
    expect(chart.yTicks).toEqual([
      { y: 260, label: '0' },
      { y: 226.3, label: '50' },
      { y: 192.6, label: '100' },
      { y: 158.9, label: '150' },
      { y: 125.1, label: '200' },
      { y: 91.4, label: '250' },
      { y: 57.7, label: '300' },
      { y: 24, label: '350' },
    ]);
    expect(chart.points.map(({ value, x, y }) => ({ value, x, y }))).toEqual([
      { value: 290, x: 250.7, y: 64.5 },
      { value: 254, x: 429.3, y: 88.7 },
    ]);
    // The line goes through the points, in order.
    expect(chart.path).toBe('M250.7,64.5L429.3,88.7');
  });

  it('marks the baseline and each target, and the steady path between them', () => {
    const chart = measureChart(measure);
    expect(chart.baseline).toEqual({ date: '2020-03-31', value: 312, x: 72, y: 49.6 });
    expect(chart.targets).toEqual([{ date: '2023-03-31', value: 200, x: 608, y: 125.1 }]);
    expect(chart.targetPaths).toEqual(['M72,49.6L608,125.1']);
  });

  it('breaks the line where a period or more is missing', () => {
    const values = [
      { date: '2019-03-31', value: 10 },
      { date: '2020-03-31', value: 12 },
      { date: '2022-03-31', value: 9 },
    ];
    expect(withGaps(values, 'yearly')).toEqual([values[0], values[1], null, values[2]]);
    const chart = measureChart({ ...measure, baseline: undefined, targets: [], values });
    expect(chart.gaps).toBe(1);
    // Values up to 12: the axis is labelled 0 to 12 in steps of 2, y = 260 - v * 236 / 12. The
    // dates span 1,096 days (2020 has 29 February), 31 March 2020 is day 366: x = 72 + 536 * 366 / 1096 = 251.
    // After the gap the line starts again, at a point of its own (closed, so that it shows).
    expect(chart.path).toBe('M72,63.3L251,24M608,83Z');
  });

  it('keeps an empty place among the bars where a period is missing', () => {
    const values = [
      { date: '2019-03-31', value: 10 },
      { date: '2020-03-31', value: 12 },
      { date: '2022-03-31', value: 9 },
    ];
    const chart = measureChart({ ...measure, chart: 'bar', baseline: undefined, targets: [], values });
    // Four places across the 552 pixels of the plot, with 30% of a place between bars and at each
    // end: a place is 552 / 4.3 = 128.37 wide, a bar 70% of it, 89.9; the first starts at
    // 64 + 0.3 * 128.37 = 102.5; each label is under the middle of its place.
    expect(chart.xTicks).toEqual([
      { x: 147.4, label: 'Mar 2019' },
      { x: 275.8, label: 'Mar 2020' },
      { x: 404.2, label: 'no value' },
      { x: 532.6, label: 'Mar 2022' },
    ]);
    expect(chart.bars.map(({ value, x, y, width, height }) => ({ value, x, y, width, height }))).toEqual([
      { value: 10, x: 102.5, y: 63.3, width: 89.9, height: 196.7 },
      { value: 12, x: 230.9, y: 24, width: 89.9, height: 236 },
      { value: 9, x: 487.6, y: 83, width: 89.9, height: 177 },
    ]);
  });

  it('draws bars from zero, one per value', () => {
    const chart = measureChart({ ...measure, chart: 'bar' });
    // Two places: 552 / 2.3 = 240 each, bars 168 wide, the first starting at 64 + 0.3 * 240 = 136.
    // Heights on the same axis as the line chart (0 to 350): 290 * 236 / 350 and 254 * 236 / 350.
    expect(chart.bars.map(({ value, x, y, width, height }) => ({ value, x, y, width, height }))).toEqual([
      { value: 290, x: 136, y: 64.5, width: 168, height: 195.5 },
      { value: 254, x: 376, y: 88.7, width: 168, height: 171.3 },
    ]);
    expect(chart.points.map(({ x, y }) => ({ x, y }))).toEqual([
      { x: 220, y: 64.5 },
      { x: 460, y: 88.7 },
    ]);
    // The baseline and target are levels drawn from the axis.
    expect(chart.baseline).toMatchObject({ x: 64, y: 49.6 });
    expect(chart.targets).toMatchObject([{ x: 64, y: 125.1 }]);
  });

  it('keeps a sparkline and a breakdown bar inside their boxes', () => {
    // 120 x 32, 4 pixels in from each edge, on the values' own range: 290 at the top, 254 at the bottom.
    const spark = sparkline(measure.values, 'yearly');
    expect(spark.path).toBe('M4,4L116,28');
    expect(spark.last).toEqual({ x: 116, y: 28 });
    const bar = breakdownBar([
      { status: 'complete', count: 3 },
      { status: 'delayed', count: 1 },
    ]);
    expect(bar.map((p) => [p.x, p.width])).toEqual([
      [0, 240],
      [240, 80],
    ]);
  });
});

describe("a chart's text alternative", () => {
  it('states the first, latest and target values', () => {
    expect(chartSummary({ ...measure, baseline: undefined, values: [...measure.values, { date: '2020-03-31', value: 312 }] })).toBe(
      'Down from 312 in March 2020 to 254 in March 2022; target 200 by March 2023.',
    );
    expect(chartSummary(measure)).toBe('Down from a baseline of 312 in March 2020 to 254 in March 2022; target 200 by March 2023.');
  });

  it('says when there is one value or none, and where values are missing', () => {
    expect(chartSummary({ ...measure, baseline: undefined, values: [{ date: '2022-03-31', value: 23.5 }], unit: 'percentage' })).toBe(
      'One value so far: 23.5% in March 2022; target 200% by March 2023.',
    );
    expect(chartSummary({ ...measure, values: [] })).toBe('No values yet; baseline 312 in March 2020; target 200 by March 2023.');
    expect(
      chartSummary({
        ...measure,
        baseline: undefined,
        targets: [],
        values: [
          { date: '2019-03-31', value: 10 },
          { date: '2022-03-31', value: 10 },
        ],
      }),
    ).toBe('Unchanged from 10 in March 2019 to 10 in March 2022; one gap where values are missing.');
  });
});
