import { describe, expect, it } from 'vitest';
import { computeHudScale, wallClassOf } from './hudScale';

describe('computeHudScale', () => {
  it.each([
    [1920, 1080, 1],
    [3840, 2160, 2],
    [7680, 4320, 4],
    // 32:9 and three-screens-wide walls are height-bound: text keeps its 1080p size, panels get room.
    [7680, 2160, 2],
    [5760, 1080, 1],
    // Portrait is designed 1080 wide: text as large as on a 1080p wall, panels stacked.
    [1080, 1920, 1],
    [2160, 3840, 2],
    // A small window still never shrinks text below three quarters.
    [1280, 600, 0.75],
  ])('%i×%i → %f', (width, height, expected) => {
    expect(computeHudScale(width, height)).toBe(expected);
  });

  it('does not produce NaN or zero for an unsized window', () => {
    expect(computeHudScale(0, 0)).toBe(1);
    expect(computeHudScale(Number.NaN, 1080)).toBe(1);
  });
});

describe('wallClassOf', () => {
  it.each([
    [1920, 1080, 'standard'],
    [3840, 2160, 'standard'],
    // A 21:9 monitor is still one screen: the 16:9 layout with a wider map.
    [2560, 1080, 'standard'],
    [7680, 2160, 'wide'],
    [5760, 1080, 'wide'],
    [1080, 1920, 'portrait'],
    [0, 0, 'standard'],
  ])('%i×%i is %s', (width, height, expected) => {
    expect(wallClassOf(width, height)).toBe(expected);
  });
});
