import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { type SceneDeck, parseDeck } from '../domain/scenes/sceneDeck';
import { useWallTour } from './useWallTour';

const scene = (id: string, dwellSeconds?: number) => ({ id, title: { zh: id, en: id }, camera: { lon: 118.3, lat: 28.8, height: 20_000, heading: 0, pitch: -45 }, ...(dwellSeconds ? { dwellSeconds } : {}) });
const deck = (parseDeck({ schemaVersion: 1, id: 'tour', title: { zh: '巡游', en: 'Tour' }, scenes: [scene('one', 30), scene('two', 10)] }) as { ok: true; deck: SceneDeck }).deck;

describe('useWallTour', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows each scene for its dwell, round and round, and leaves no timer once its scope ends', () => {
    const shown: string[] = [];
    const scope = effectScope();
    const tour = scope.run(() => useWallTour((s) => void shown.push(s.id)))!;
    tour.start(deck);
    vi.advanceTimersByTime(30_000);
    vi.advanceTimersByTime(10_000);
    expect(shown).toEqual(['one', 'two', 'one']);
    expect([tour.index.value, tour.count.value]).toEqual([0, 2]);
    // The wall shows the scene's own title while it is up.
    expect(tour.scene.value?.title.zh).toBe('one');
    vi.advanceTimersByTime(30_000);
    expect(tour.scene.value?.title.zh).toBe('two');
    scope.stop();
    vi.advanceTimersByTime(120_000);
    expect(shown).toHaveLength(4);
  });

  it('holds the scene while an alert has the camera, shows it again, then gives it the time it had left', () => {
    const shown: string[] = [];
    const scope = effectScope();
    const tour = scope.run(() => useWallTour((s) => void shown.push(s.id)))!;
    tour.start(deck, 20);
    vi.advanceTimersByTime(15_000);
    tour.interrupt(15_000);
    vi.advanceTimersByTime(14_000);
    expect(shown).toEqual(['one']);
    vi.advanceTimersByTime(1_000);
    expect(shown).toEqual(['one', 'one']);
    vi.advanceTimersByTime(4_000);
    expect(shown).toEqual(['one', 'one']);
    vi.advanceTimersByTime(1_000);
    expect(shown).toEqual(['one', 'one', 'two']);
    scope.stop();
  });

  it('follows the wall state shared by all screens: two screens opened 20 s apart change scene together', () => {
    const T0 = Date.parse('2026-12-07T02:00:00Z');
    vi.setSystemTime(T0);
    const wall = { anchorScene: 0, anchorMs: T0, paused: null };
    const shown: string[][] = [[], []];
    const scope = effectScope();
    const tours = [0, 1].map((i) => scope.run(() => useWallTour((s) => void shown[i]!.push(s.id)))!);
    tours[0]!.follow(deck, wall, () => Date.now());
    vi.advanceTimersByTime(20_000);
    tours[1]!.follow(deck, wall, () => Date.now());
    expect(shown).toEqual([['one'], ['one']]);
    vi.advanceTimersByTime(9_999);
    expect(shown).toEqual([['one'], ['one']]);
    vi.advanceTimersByTime(2);
    expect(shown).toEqual([
      ['one', 'two'],
      ['one', 'two'],
    ]);
    // A console holds scene two: the screens stay on it without flying again (the camera may be on
    // an alert the console pointed at), with no timer left running.
    const held = { ...wall, paused: { scene: 1 } };
    tours.forEach((tour) => tour.follow(deck, held, () => Date.now()));
    vi.advanceTimersByTime(600_000);
    expect(shown[0]).toEqual(['one', 'two']);
    // Resumed, the scene starts its whole dwell again from now.
    const resumed = { anchorScene: 1, anchorMs: Date.now(), paused: null };
    tours.forEach((tour) => tour.follow(deck, resumed, () => Date.now()));
    vi.advanceTimersByTime(10_001);
    expect(shown[1]).toEqual(['one', 'two', 'two', 'one']);
    expect(tours[0]!.sceneOf(held, Date.now())).toBe(1);
    scope.stop();
  });
});
