import { describe, expect, it } from 'vitest';
import { computeYearOnYear, isImprovement } from './yearOnYear';

const months = (pairs: [number | null, number | null][]) => pairs.map(([thisYear, lastYear]) => ({ thisYear, lastYear }));

describe('computeYearOnYear', () => {
  it('sums counts over the months both years have', () => {
    const result = computeYearOnYear(months([[62, 125], [62, 125], [null, 130], [null, null]]), 'sum');
    expect(result).toEqual({ current: 124, previous: 250, changePercent: -50.4, months: 2 });
  });

  it('averages rates', () => {
    expect(computeYearOnYear(months([[100, 95], [100, 97]]), 'mean').changePercent).toBeCloseTo(4.1667, 3);
  });

  it('never reads a missing month as zero', () => {
    expect(computeYearOnYear(months([[10, null], [null, 10]]), 'sum')).toEqual({ current: null, previous: null, changePercent: null, months: 0 });
  });

  it('has no percentage over a zero base, except zero against zero', () => {
    expect(computeYearOnYear(months([[5, 0]]), 'sum').changePercent).toBeNull();
    expect(computeYearOnYear(months([[0, 0]]), 'sum').changePercent).toBe(0);
  });

  it('measures change against the size of a negative base', () => {
    expect(computeYearOnYear(months([[-5, -10]]), 'sum').changePercent).toBe(50);
  });

  it('ignores non-finite values rather than spreading NaN', () => {
    expect(computeYearOnYear(months([[Number.NaN, 10], [20, 10]]), 'sum')).toEqual({ current: 20, previous: 10, changePercent: 100, months: 1 });
  });
});

describe('isImprovement', () => {
  it('reads fewer incidents as good and a lower resolution rate as bad', () => {
    expect(isImprovement(-50.4, 'lower')).toBe(true);
    expect(isImprovement(12, 'lower')).toBe(false);
    expect(isImprovement(-3, 'higher')).toBe(false);
    expect(isImprovement(4.3, 'higher')).toBe(true);
  });
});
