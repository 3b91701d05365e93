import { describe, expect, it } from 'vitest';
import { frameCorridor } from './frameCorridor';
import type { BoundsDegrees } from './corridorBounds';

const corridor: BoundsDegrees = [118.25, 28.74, 118.42, 28.9];
const none = { top: 0, right: 0, bottom: 0, left: 0 };
const base = { bounds: corridor, fovRadians: Math.PI / 3, headingDegrees: 0, pitchDegrees: -90 };

describe('frameCorridor', () => {
  it('looks at the corridor centre when nothing covers the map', () => {
    const frame = frameCorridor({ ...base, widthPixels: 1920, heightPixels: 1080, padding: none });
    expect(frame.target[0]).toBeCloseTo(118.335, 3);
    expect(frame.target[1]).toBeCloseTo(28.82, 3);
  });

  it('on a portrait wall the width limits: the narrower the wall, the farther back (Cesium spans the height with the field of view)', () => {
    const portrait = frameCorridor({ ...base, widthPixels: 1080, heightPixels: 1920, padding: none });
    const narrower = frameCorridor({ ...base, widthPixels: 1080, heightPixels: 2400, padding: none });
    expect(narrower.rangeMeters).toBeGreaterThan(portrait.rangeMeters);
  });

  it('stands farther back, and shifts the target, when HUD columns narrow the free area unevenly', () => {
    const free = frameCorridor({ ...base, widthPixels: 1920, heightPixels: 1080, padding: none });
    const covered = frameCorridor({ ...base, widthPixels: 1920, heightPixels: 1080, padding: { top: 0, bottom: 0, left: 800, right: 400 } });
    expect(covered.rangeMeters).toBeGreaterThan(free.rangeMeters);
    // The free centre is right of the canvas centre: the camera looks left of the corridor so it lands there.
    expect(covered.target[0]).toBeLessThan(free.target[0]);
  });

  it('on 32:9 and 48:9 walls the height limits: the field of view spans the width, so a wider wall sees less height and stands farther back', () => {
    const range = (width: number) => frameCorridor({ ...base, widthPixels: width, heightPixels: 1080, padding: none }).rangeMeters;
    expect(range(5760)).toBeGreaterThan(range(3840));
    expect(range(5760) / range(3840)).toBeCloseTo(1.5, 1);
  });
});
