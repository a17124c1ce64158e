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

describe('a measure chart', () => {
  it('places every value on linear scales, oldest first, with zero at the bottom of the plot', () => {
    const chart = measureChart(measure);
    expect(chart.points.map((p) => p.value)).toEqual([290, 254]);
    const zero = chart.yTicks.find((t) => t.label === '0')!;
    expect(zero.y).toBe(chart.plot.bottom);
    // Height above zero is proportional to the value.
    const [a, b] = chart.points;
    expect((zero.y - a.y) / 290).toBeCloseTo((zero.y - b.y) / 254, 1);
    expect(b.x).toBeGreaterThan(a.x);
    // The line goes through the points, in order.
    expect(chart.path).toBe(`M${a.x},${a.y}L${b.x},${b.y}`);
  });

  it('marks the baseline and each target, and the steady path between them', () => {
    const chart = measureChart(measure);
    expect(chart.baseline).toMatchObject({ value: 312 });
    expect(chart.targets.map((t) => t.value)).toEqual([200]);
    expect(chart.baseline!.x).toBeLessThan(chart.points[0].x);
    expect(chart.targets[0].x).toBeGreaterThan(chart.points[1].x);
    expect(chart.targetPaths).toEqual([`M${chart.baseline!.x},${chart.baseline!.y}L${chart.targets[0].x},${chart.targets[0].y}`]);
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
    expect(chart.path.match(/M/g)).toHaveLength(2);
  });

  it('keeps an empty place among the bars where a period is missing', () => {
    const values = [
      { date: '2019-03-31', value: 10 },
      { date: '2020-03-31', value: 12 },
      { date: '2022-03-31', value: 9 },
    ];
    const chart = measureChart({ ...measure, chart: 'bar', baseline: undefined, targets: [], values });
    expect(chart.xTicks.map((t) => t.label)).toEqual(['Mar 2019', 'Mar 2020', 'no value', 'Mar 2022']);
    const step = chart.bars[1].x - chart.bars[0].x;
    expect(chart.bars[2].x - chart.bars[1].x).toBeCloseTo(2 * step, 0);
  });

  it('draws bars from zero, one per value', () => {
    const chart = measureChart({ ...measure, chart: 'bar' });
    expect(chart.bars.map((b) => b.value)).toEqual([290, 254]);
    expect(chart.bars[0].y + chart.bars[0].height).toBeCloseTo(chart.plot.bottom, 0);
    expect(chart.bars[0].height / 290).toBeCloseTo(chart.bars[1].height / 254, 1);
  });

  it('keeps a sparkline and a breakdown bar inside their boxes', () => {
    const spark = sparkline(measure.values, 'yearly');
    expect(spark.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(spark.last!.x).toBeLessThanOrEqual(spark.width);
    const bar = breakdownBar([
      { status: 'complete', count: 3 },
      { status: 'delayed', count: 1 },
    ]);
    expect(bar.map((p) => p.width)).toEqual([240, 80]);
    expect(bar[1].x).toBe(240);
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
