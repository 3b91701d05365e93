import { describe, expect, it } from 'vitest';
import { type LabelBox, declutterLabels, estimateTextBox, labelRect } from './declutterLabels';
import type { ScreenRect } from './freeMapArea';

const overlaps = (a: ScreenRect, b: ScreenRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const box = (id: string, x: number, y: number, priority: number, extra: Partial<LabelBox> = {}): LabelBox => ({ id, x, y, width: 80, height: 20, liftPixels: 10, priority, keep: false, ...extra });

describe('declutterLabels', () => {
  it('keeps the more important of two names that would sit on each other, moving the lesser one to a free side', () => {
    const placed = declutterLabels([box('grid', 100, 100, 30), box('town', 105, 100, 70)], [], []);
    expect(placed.get('town')).toEqual({ x: 0, y: -10 });
    const grid = placed.get('grid')!;
    expect(grid).not.toBeNull();
    const rects = [labelRect(box('town', 105, 100, 70), placed.get('town')!), labelRect(box('grid', 100, 100, 30), grid)];
    expect(rects[0]!.bottom <= rects[1]!.top || rects[1]!.bottom <= rects[0]!.top || rects[0]!.right <= rects[1]!.left || rects[1]!.right <= rects[0]!.left).toBe(true);
  });

  it('hides a name with no free side rather than draw it over others', () => {
    const crowd = [box('a', 100, 100, 90), box('b', 100, 135, 90), box('c', 185, 110, 90), box('d', 15, 110, 90)];
    const placed = declutterLabels([...crowd, box('lesser', 100, 110, 10)], [], []);
    expect(placed.get('lesser')).toBeNull();
  });

  it('never places a name under an icon or a HUD panel; a county or town name stays over an icon but not under the HUD or another name', () => {
    const icon = { left: 90, right: 110, top: 70, bottom: 100 };
    const placed = declutterLabels([box('station', 100, 100, 50)], [icon], []);
    expect(placed.get('station')).not.toEqual({ x: 0, y: -10 });
    const everywhere = { left: 0, right: 400, top: 0, bottom: 400 };
    expect(declutterLabels([box('county', 100, 100, 100, { keep: true })], [everywhere], []).get('county')).toEqual({ x: 0, y: -10 });
    expect(declutterLabels([box('county', 100, 100, 100, { keep: true })], [], [everywhere]).get('county')).toBeNull();
    const crowd = [box('a', 100, 100, 110), box('b', 100, 135, 110), box('c', 185, 110, 110), box('d', 15, 110, 110)];
    const crowded = declutterLabels([...crowd, box('town', 100, 110, 70, { keep: true })], [], []);
    const townRect = labelRect(box('town', 100, 110, 70), crowded.get('town')!);
    expect(crowd.map((other) => labelRect(other, crowded.get(other.id)!)).filter((r) => overlaps(townRect, r))).toEqual([]);
  });

  it('moves a town name to a corner or a line farther out when icons sit on all four of its sides', () => {
    // Tiles above, below, left and right of the town's dot, as on the border where stations cluster.
    const icons = [
      { left: 85, right: 115, top: 66, bottom: 95 },
      { left: 85, right: 115, top: 102, bottom: 128 },
      { left: 20, right: 55, top: 85, bottom: 120 },
      { left: 145, right: 180, top: 85, bottom: 120 },
    ];
    const town = box('town', 100, 100, 70, { keep: true });
    const offset = declutterLabels([town], icons, []).get('town')!;
    expect(offset).not.toBeNull();
    const rect = labelRect(town, offset);
    expect(icons.filter((icon) => overlaps(rect, icon))).toEqual([]);
    // A station's name does not wander that far from its tile: hidden instead.
    expect(declutterLabels([box('station', 100, 100, 50)], icons, []).get('station')).toBeNull();
  });

  it('sizes CJK text a full em a character and Latin about half', () => {
    expect(estimateTextBox('球川镇', 20, 0).width).toBe(60);
    expect(estimateTextBox('Grid 03', 20, 0).width).toBeLessThan(90);
  });
});
