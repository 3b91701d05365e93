import { describe, expect, it } from 'vitest';
import { formatChangePercent, formatNumber } from './format';

describe('formatNumber', () => {
  it('groups thousands and keeps at most the asked decimals, in either language', () => {
    expect(formatNumber(12_345.678, 'zh-CN')).toBe('12,345.7');
    expect(formatNumber(12_345.678, 'en', 0)).toBe('12,346');
    expect(formatNumber(125, 'en')).toBe('125');
  });
  it('shows a dash for a missing or broken value, never NaN', () => {
    expect(formatNumber(null, 'zh-CN')).toBe('—');
    expect(formatNumber(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatChangePercent', () => {
  it('writes a year-on-year change as published, with its sign', () => {
    expect(formatChangePercent(-50.4, 'zh-CN')).toBe('-50.4%');
    // Derived from months, the change carries more digits than the report printed.
    expect(formatChangePercent(-50.4166, 'zh-CN')).toBe('-50.4%');
    expect(formatChangePercent(-27.8333, 'en', 2)).toBe('-27.83%');
    expect(formatChangePercent(-12.8, 'en', 0)).toBe('-13%');
    expect(formatChangePercent(250, 'en')).toBe('+250%');
    expect(formatChangePercent(0, 'zh-CN')).toBe('0%');
  });
  it('shows a dash when there is no base to compare with', () => {
    expect(formatChangePercent(null, 'zh-CN')).toBe('—');
  });
});
