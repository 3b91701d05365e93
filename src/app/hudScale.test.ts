import { describe, expect, it } from 'vitest';
import { computeHudScale } from './hudScale';

describe('computeHudScale', () => {
  it.each([
    [1920, 1080, 1],
    [3840, 2160, 2],
    [7680, 4320, 4],
    // 32:9 and three-screens-wide walls are height-bound: text keeps its 1080p size, panels get room.
    [7680, 2160, 2],
    [5760, 1080, 1],
    // Portrait: width-bound, but never so small that text stops being legible.
    [1080, 1920, 0.75],
  ])('%i×%i → %f', (width, height, expected) => {
    expect(computeHudScale(width, height)).toBe(expected);
  });

  it('does not produce NaN or zero for an unsized window', () => {
    expect(computeHudScale(0, 0)).toBe(1);
    expect(computeHudScale(Number.NaN, 1080)).toBe(1);
  });
});
