/** Reporting years and plan periods (src/model/years.ts). */
import { describe, expect, it } from 'vitest';
import { startYear, yearBounds, yearInPeriod, yearsInPeriod } from '../../src/model/years.ts';

describe('reporting years', () => {
  it('lists the years of a period', () => {
    expect(yearsInPeriod('2020-2023')).toEqual(['2020-21', '2021-22', '2022-23']);
    expect(yearsInPeriod('2019-2021')).toEqual(['2019-20', '2020-21']);
    expect(yearsInPeriod('2098-2101')).toEqual(['2098-99', '2099-00', '2100-01']);
  });

  it('knows which years lie in a period', () => {
    expect(yearInPeriod('2022-23', '2020-2023')).toBe(true);
    expect(yearInPeriod('2023-24', '2020-2023')).toBe(false);
    expect(yearInPeriod('2019-20', '2020-2023')).toBe(false);
  });

  it('runs a year from April to March', () => {
    expect(startYear('2020-21')).toBe(2020);
    expect(yearBounds('2020-21')).toEqual({ starts: '2020-04-01', ends: '2021-03-31' });
  });
});
