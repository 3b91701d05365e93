import { describe, expect, it } from 'vitest';
import { applyWallCommand, initialWallState, wallCommandSchema, wallPlayhead, wallScene, wallStateSchema } from './wallState';
import { parseScreenCell, screenPanels, screenViewport, wallLayoutSchema } from './wallLayout';

const T0 = Date.parse('2026-12-07T02:00:00Z');
const DWELLS = [20_000, 30_000, 10_000];

describe('the wall tour reckoned from its anchor', () => {
  it('gives two screens opened 20 s apart the same scene at the same moment', () => {
    const state = initialWallState('w', 'wall-tour', T0);
    // A screen that opened with the wall and one that opened 20 s later, asked at the same instants.
    for (const at of [T0, T0 + 19_999, T0 + 20_000, T0 + 49_999, T0 + 50_000, T0 + 60_000, T0 + 3_600_000]) {
      expect(wallScene(state, DWELLS, at)).toEqual(wallScene({ ...state }, DWELLS, at));
    }
    expect(wallScene(state, DWELLS, T0 + 25_000)).toEqual({ index: 1, endsAt: T0 + 50_000 });
    expect(wallScene(state, DWELLS, T0 + 60_000)).toEqual({ index: 0, endsAt: T0 + 80_000 });
  });

  it('starts a picked scene with its whole dwell, holds a paused one, and resumes it whole', () => {
    let state = applyWallCommand(initialWallState('w', 'wall-tour', T0), { action: 'scene', scene: 2 }, 'console A', T0 + 5_000);
    expect(wallScene(state, DWELLS, T0 + 5_000)).toEqual({ index: 2, endsAt: T0 + 15_000 });
    state = applyWallCommand(state, { action: 'pause', scene: 2 }, 'console B', T0 + 6_000);
    expect(wallScene(state, DWELLS, T0 + 600_000)).toEqual({ index: 2, endsAt: null });
    expect(state).toMatchObject({ changedBy: 'console B', version: 2 });
    state = applyWallCommand(state, { action: 'resume' }, 'console A', T0 + 700_000);
    expect(wallScene(state, DWELLS, T0 + 700_000)).toEqual({ index: 2, endsAt: T0 + 710_000 });
  });

  it('takes the wall off a pointed-at alert when a scene, a tour or the resumed tour takes over', () => {
    const pointed = applyWallCommand(applyWallCommand(initialWallState('w', 'wall-tour', T0), { action: 'pause', scene: 1 }, 'c', T0), { action: 'focus', alertId: 'a-1' }, 'c', T0 + 1);
    expect(pointed.focus).toEqual({ alertId: 'a-1', at: T0 + 1 });
    for (const command of [{ action: 'scene', scene: 2 }, { action: 'tour', tour: 'changshan-yushan' }, { action: 'resume' }] as const) {
      expect(applyWallCommand(pointed, command, 'c', T0 + 2).focus).toBeNull();
    }
    // Blanking or changing the layers leaves it pointed.
    expect(applyWallCommand(pointed, { action: 'blank', blank: true }, 'c', T0 + 2).focus).toEqual(pointed.focus);
  });

  it('goes back to the first scene when the tour changes, and reads no scene before the anchor', () => {
    const state = applyWallCommand(initialWallState('w', 'wall-tour', T0), { action: 'tour', tour: 'changshan-yushan' }, 'console', T0 + 9_000);
    expect(state).toMatchObject({ tour: 'changshan-yushan', anchorScene: 0, anchorMs: T0 + 9_000 });
    // A screen whose clock reading is a little behind the backend's still shows the first scene.
    expect(wallScene(state, DWELLS, T0 + 8_000).index).toBe(0);
  });
});

describe('a replay steered on the wall', () => {
  const window = '2026-12-06T02:00:00Z~2026-12-07T02:00:00Z';
  const from = Date.parse('2026-12-06T02:00:00Z');

  it('puts every screen at the same playhead at the same moment, moving at the speed, stopping at the end', () => {
    let state = applyWallCommand(initialWallState('w', 'wall-tour', T0), { action: 'playback', window, at: from, speed: 60, playing: true }, 'console', T0);
    expect(wallPlayhead(state.playback!, T0 + 10_000)).toBe(from + 600_000);
    expect(wallPlayhead(state.playback!, T0 + 3_600_000)).toBe(Date.parse('2026-12-07T02:00:00Z'));
    // Paused where it stood: the playhead stays there however long the wall waits.
    state = applyWallCommand(state, { action: 'playback', window, at: wallPlayhead(state.playback!, T0 + 10_000), speed: 60, playing: false }, 'console', T0 + 10_000);
    expect(wallPlayhead(state.playback!, T0 + 999_000)).toBe(from + 600_000);
    // A playhead asked outside the window is put at its edge.
    state = applyWallCommand(state, { action: 'playback', window, at: from - 5, speed: 1, playing: false }, 'console', T0);
    expect(state.playback!.atMs).toBe(from);
    expect(applyWallCommand(state, { action: 'live' }, 'console', T0).playback).toBeNull();
  });

  it('replays only absolute windows, at the speeds a screen offers, and reads states kept before replays', () => {
    expect(wallCommandSchema.safeParse({ action: 'playback', window: '24h', at: from, speed: 60, playing: true }).success).toBe(false);
    expect(wallCommandSchema.safeParse({ action: 'playback', window, at: from, speed: 7, playing: true }).success).toBe(false);
    const { playback: _, ...older } = initialWallState('w', 'wall-tour', T0);
    expect(wallStateSchema.parse(older).playback).toBeNull();
  });
});

describe('a wall layout', () => {
  const layout = wallLayoutSchema.parse({ id: 'w', columns: 3, rows: 2, screen: { width: 1920, height: 1080 }, bezel: { x: 20, y: 30 }, panels: { '0,0': ['title', 'kpi'], '2,1': ['live'] } });

  it('places each screen in the wall picture with the bezels between them', () => {
    expect(screenViewport(layout, { column: 0, row: 0 })).toEqual({ wallWidth: 5800, wallHeight: 2190, x: 0, y: 0, width: 1920, height: 1080 });
    expect(screenViewport(layout, { column: 2, row: 1 })).toMatchObject({ x: 3880, y: 1110 });
    expect(screenPanels(layout, { column: 2, row: 1 })).toEqual(['live']);
    expect(screenPanels(layout, { column: 1, row: 0 })).toEqual([]);
  });

  it('names what is wrong with a screen or a layout', () => {
    expect(() => parseScreenCell(layout, '3,0')).toThrow(/outside wall w, which is 3 columns by 2 rows/);
    expect(() => parseScreenCell(layout, 'left')).toThrow(/column,row/);
    expect(parseScreenCell(layout, '1,1')).toEqual({ column: 1, row: 1 });
    const bad = wallLayoutSchema.safeParse({ id: 'w', columns: 2, rows: 1, screen: { width: 1920, height: 1080 }, panels: { '2,0': ['kpi'] } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/outside the 2×1 wall/);
  });
});
