/**
 * The one rule by which a measure gets its status (src/model/measure-status.ts): from its latest
 * value against its target and its starting point, never claiming more than the data show.
 */
import { describe, expect, it } from 'vitest';
import { measureStatus, type MeasureFigures } from '../../src/model/resolve/measure-status.ts';

/** Children subject to a plan for a second time: fewer is better, yearly figures. */
const lower = (figures: Partial<MeasureFigures>): MeasureFigures => ({
  unit: 'number',
  better: 'lower',
  frequency: 'yearly',
  targets: [],
  values: [],
  ...figures,
});
const v = (date: string, value: number) => ({ date, value });

describe('the measure status rule', () => {
  it('says "No data yet" when there are no values, whatever the target', () => {
    const status = measureStatus(lower({ targets: [v('2023-03-31', 200)] }), '2022-06-01');
    expect(status.kind).toBe('no-data');
    expect(status.label).toBe('No data yet');
  });

  it('claims no trend from one value and no baseline', () => {
    const status = measureStatus(lower({ values: [v('2022-03-31', 254)] }), '2022-06-01');
    expect(status.kind).toBe('one-value');
    expect(status.label).toBe('Too little data to judge');
    expect(status.reason).toContain('one value');
  });

  it('claims nothing about a target from one value and no baseline', () => {
    const status = measureStatus(lower({ values: [v('2022-03-31', 254)], targets: [v('2024-03-31', 200)] }), '2022-06-01');
    expect(status.kind).toBe('one-value');
  });

  it('says improving when the latest value is better than the baseline, in the direction that is better', () => {
    const figures = lower({ baseline: v('2020-03-31', 312), values: [v('2021-03-31', 290), v('2022-03-31', 254)] });
    const status = measureStatus(figures, '2022-06-01');
    expect(status.kind).toBe('improving');
    expect(status.label).toBe('Improving');
    expect(status.reason).toBe('254 in March 2022 is lower than the baseline of 312 in March 2020; lower is better.');
    expect(measureStatus({ ...figures, better: 'higher' }, '2022-06-01').kind).toBe('worse');
  });

  it('compares with the first value when there is no baseline, and says getting worse', () => {
    const status = measureStatus(lower({ values: [v('2020-03-31', 254), v('2021-03-31', 240), v('2022-03-31', 260)] }), '2022-06-01');
    expect(status.kind).toBe('worse');
    expect(status.label).toBe('Getting worse');
    expect(status.reason).toBe('260 in March 2022 is higher than the first value, 254 in March 2020; lower is better.');
  });

  it('says no change when the latest value equals the starting point', () => {
    expect(measureStatus(lower({ values: [v('2021-03-31', 40), v('2022-03-31', 40)] }), '2022-06-01').kind).toBe('no-change');
  });

  it('says only higher or lower when the content does not say which direction is better', () => {
    const status = measureStatus(lower({ better: undefined, values: [v('2021-03-31', 40), v('2022-03-31', 45)] }), '2022-06-01');
    expect(status.kind).toBe('higher');
    expect(status.label).toBe('Higher than at the start');
  });

  it('says "Target met" when the latest value reaches the target', () => {
    const status = measureStatus(
      lower({ baseline: v('2020-03-31', 312), values: [v('2022-03-31', 198)], targets: [v('2023-03-31', 200)] }),
      '2022-06-01',
    );
    expect(status.kind).toBe('target-met');
    expect(status.label).toBe('Target met');
    expect(status.reason).toBe('198 in March 2022 meets the target of 200 by March 2023.');
  });

  it('says "Target missed" when a value at or after the target date falls short', () => {
    const status = measureStatus(
      lower({ baseline: v('2020-03-31', 312), values: [v('2023-03-31', 230)], targets: [v('2023-03-31', 200)] }),
      '2023-06-01',
    );
    expect(status.kind).toBe('target-missed');
    expect(status.label).toBe('Target missed');
  });

  it('is on track when at or better than the straight line from the baseline to the target', () => {
    // The line runs from 300 (March 2020) to 200 (March 2024): 250 in March 2022 is on it.
    const on = lower({ baseline: v('2020-03-31', 300), values: [v('2022-03-31', 250)], targets: [v('2024-03-31', 200)] });
    expect(measureStatus(on, '2022-06-01').kind).toBe('on-track');
    expect(measureStatus(on, '2022-06-01').label).toBe('On track for target');
    const off = { ...on, values: [v('2022-03-31', 270)] };
    expect(measureStatus(off, '2022-06-01').kind).toBe('not-on-track');
    expect(measureStatus(off, '2022-06-01').label).toBe('Not on track for target');
  });

  it('judges against the next target still ahead of the latest value', () => {
    const figures = lower({
      baseline: v('2020-03-31', 300),
      values: [v('2021-03-31', 240), v('2022-03-31', 230)],
      targets: [v('2021-03-31', 250), v('2023-03-31', 150)],
    });
    // 230 meets the first target but is judged against 150 by March 2023, which it is not on track for.
    expect(measureStatus(figures, '2022-06-01').kind).toBe('not-on-track');
  });

  it('says "No data since" when more than two periods have passed since the latest value', () => {
    const figures = lower({ values: [v('2020-03-31', 312), v('2021-03-31', 254)], targets: [v('2023-03-31', 200)] });
    expect(measureStatus(figures, '2023-03-31').kind).not.toBe('out-of-date');
    const status = measureStatus(figures, '2023-04-01');
    expect(status.kind).toBe('out-of-date');
    expect(status.label).toBe('No data since March 2021');
    const monthly = { ...figures, frequency: 'monthly' as const, values: [v('2021-01-31', 40), v('2021-02-28', 38)] };
    expect(measureStatus(monthly, '2021-04-28').kind).not.toBe('out-of-date');
    expect(measureStatus(monthly, '2021-04-29').kind).toBe('out-of-date');
  });

  it('reads only the values dated on or before the day it is judged on', () => {
    const figures = lower({ values: [v('2020-03-31', 312), v('2021-03-31', 254), v('2022-03-31', 400)] });
    expect(measureStatus(figures, '2021-06-01').kind).toBe('improving');
    expect(measureStatus(figures, '2019-06-01').kind).toBe('no-data');
  });
});
