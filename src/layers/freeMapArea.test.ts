import { describe, expect, it } from 'vitest';
import { paddingByAspect, paddingClearing } from './freeMapArea';

describe('paddingClearing', () => {
  it('gives side columns to the sides and bars to the top and bottom (a 16:9 wall)', () => {
    const padding = paddingClearing(1920, 1080, [
      { left: 16, right: 400, top: 80, bottom: 1064 },
      { left: 1520, right: 1904, top: 80, bottom: 1064 },
      { left: 0, right: 1920, top: 0, bottom: 70 },
      { left: 420, right: 1500, top: 980, bottom: 1064 },
    ]);
    expect(padding).toEqual({ left: 400, right: 400, top: 70, bottom: 100 });
  });

  it('takes stacked panels on a portrait wall from the top and bottom, leaving the width to the map', () => {
    const padding = paddingClearing(1080, 1920, [
      { left: 0, right: 1080, top: 0, bottom: 600 },
      { left: 0, right: 1080, top: 1400, bottom: 1920 },
    ]);
    expect(padding).toMatchObject({ left: 0, right: 0, top: 600, bottom: 520 });
  });

  it('always leaves the map some free centre', () => {
    const padding = paddingClearing(1000, 1000, [
      { left: 0, right: 480, top: 0, bottom: 1000 },
      { left: 520, right: 1000, top: 0, bottom: 1000 },
    ]);
    expect(1000 - padding.left - padding.right).toBeCloseTo(300);
  });
});

describe('paddingByAspect', () => {
  it('pads the sides on landscape and the top and bottom on portrait', () => {
    expect(paddingByAspect(1920, 1080, 16).left).toBe(400);
    const portrait = paddingByAspect(1080, 1920, 16);
    expect(portrait.top).toBeGreaterThan(portrait.left);
  });
});
