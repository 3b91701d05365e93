import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, ref } from 'vue';
import { type AppConfig, defaultAppConfig } from '../domain/appConfig';
import type { LayerId } from '../domain/layerIds';
import { type SceneCamera, type SceneDeck, parseDeck } from '../domain/scenes/sceneDeck';
import type { MapViewApi } from '../layers/mapView';
import type { DeckLoad } from './loadDeck';
import { useSceneDirection } from './useSceneDirection';

const camera = (lon: number) => ({ lon, lat: 28.85, height: 20_000, heading: 0, pitch: -45 });
const parsed = parseDeck({
  schemaVersion: 1,
  id: 'test-deck',
  title: { zh: '测试', en: 'Test' },
  scenes: [
    { id: 'overview', title: { zh: '总览', en: 'Overview' }, camera: camera(118.3), layers: ['stations', 'alerts'], dwellSeconds: 30 },
    { id: 'severe', title: { zh: '一地布控', en: 'Watchlists' }, camera: camera(118.4), highlight: { panel: 'alerts', kpi: 'border-incidents' }, filters: { minSeverity: 3 }, window: { last: '24h' } },
  ],
});
const deck = (parsed as { ok: true; deck: SceneDeck }).deck;

function setUp(mode: AppConfig['mode'], load: DeckLoad = { ok: true, deck }) {
  const flights: SceneCamera[] = [];
  let homes = 0;
  const visible = ref<LayerId[]>(['patrols']);
  const active = ref(false);
  const playback = { active, load: vi.fn(async () => (active.value = true)), setSpeed: vi.fn(), play: vi.fn(), backToLive: vi.fn(() => void (active.value = false)) };
  const metrics: string[] = [];
  const errors: string[] = [];
  const marks: Record<string, string | undefined> = {};
  const looks: (readonly [number, number])[] = [];
  const view = { flyToView: (to: SceneCamera) => void flights.push(to), goHome: () => void (homes += 1), flyTo: (at: readonly [number, number]) => void looks.push(at) } as unknown as MapViewApi;
  const scope = effectScope();
  const scenes = scope.run(() =>
    useSceneDirection({
      config: () => ({ ...defaultAppConfig, mode, tour: 'test-deck', deck: 'test-deck' }),
      mapView: () => view,
      liveLayers: { show: (ids) => void (visible.value = [...ids]), visibleLayers: visible },
      playback: playback as never,
      chooseMetric: (id) => void metrics.push(id),
      marks,
      loadDeck: vi.fn(async () => load),
      recordError: (source, error) => void errors.push(`${source}: ${String(error)}`),
    }),
  )!;
  return { scenes, flights, looks, homes: () => homes, visible, playback, metrics, errors, marks, scope };
}

describe('useSceneDirection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', { location: { href: 'http://127.0.0.1/?mode=briefing' }, history: { state: null, replaceState: () => {} } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('starts the wall’s tour once, on the first scene’s camera and layers, and holds it while an alert has the camera', async () => {
    const { scenes, flights, visible, marks, scope } = setUp('wall');
    await scenes.start();
    await scenes.start();
    expect(scenes.tour.index.value).toBe(0);
    expect(flights).toHaveLength(1);
    expect(visible.value).toEqual(['stations', 'alerts']);
    expect(marks.scene).toBe('overview');
    visible.value = ['stations'];
    scenes.alertFocused();
    expect(visible.value).toEqual(['stations', 'alerts']);
    // 30 s dwell, held for the alert's 10 s and a 5 s margin on top: still the first scene at 40 s.
    await vi.advanceTimersByTimeAsync(40_000);
    expect(scenes.tour.index.value).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(scenes.tour.index.value).toBe(1);
    scope.stop();
  });

  it('steps the briefing through a scene’s highlight, filters and time window, and leaves it all behind at the end', async () => {
    const { scenes, playback, metrics, marks, homes, scope } = setUp('briefing');
    await scenes.start();
    expect(scenes.briefing.index.value).toBe(-1);
    scenes.briefing.next();
    scenes.briefing.next();
    await vi.waitFor(() => expect(playback.play).toHaveBeenCalled());
    expect(scenes.highlightedPanel.value).toBe('alerts');
    expect(metrics).toEqual(['border-incidents']);
    expect(scenes.sceneFilters.value).toEqual({ minSeverity: 3, sides: [], towns: [] });
    expect(playback.load).toHaveBeenCalledWith('24h', undefined, { keepOutOfUrl: true });
    expect(playback.setSpeed).toHaveBeenCalledWith(3600);
    scenes.briefing.previous();
    expect(playback.backToLive).toHaveBeenCalledTimes(1);
    expect(scenes.sceneFilters.value).toBeNull();
    scenes.briefing.next();
    scenes.briefing.next();
    expect([scenes.highlightedPanel.value, scenes.sceneFilters.value, marks.scene, homes()]).toEqual([null, null, undefined, 1]);
    scope.stop();
  });

  it('says in words why a deck cannot be used, on screen and in diagnostics', async () => {
    const { scenes, errors, scope } = setUp('wall', { ok: false, problems: ['decks/test-deck.json: HTTP 404'] });
    await scenes.start();
    expect(scenes.deckProblems.value).toEqual({ id: 'test-deck', problems: ['decks/test-deck.json: HTTP 404'] });
    expect(errors).toEqual(['deck: test-deck: decks/test-deck.json: HTTP 404']);
    expect(scenes.tour.index.value).toBe(-1);
    scope.stop();
  });

  it('turns a wall replaying yesterday back to live and to a severe alert that arrives now, holding the tour', async () => {
    const { scenes, playback, looks, scope } = setUp('wall');
    await scenes.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(scenes.tour.index.value).toBe(1);
    await vi.waitFor(() => expect(playback.active.value).toBe(true));
    scenes.liveAlertArrived({ severity: 3, position: [118.5, 28.9] });
    expect([playback.active.value, looks.length]).toEqual([true, 0]);
    scenes.liveAlertArrived({ severity: 4, position: [118.4, 28.8] });
    expect(playback.active.value).toBe(false);
    expect(looks).toEqual([[118.4, 28.8]]);
    // The scene's 20 s clock stops for the alert's 10 s dwell and a 5 s margin: still up at 25 s.
    await vi.advanceTimersByTimeAsync(25_000);
    expect(scenes.tour.index.value).toBe(1);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(scenes.tour.index.value).toBe(0);
    scope.stop();
  });

  it('keeps a briefing on its replayed slide when a severe alert arrives: the banner tells, the camera stays', async () => {
    const { scenes, playback, looks, scope } = setUp('briefing');
    await scenes.start();
    scenes.briefing.next();
    scenes.briefing.next();
    await vi.waitFor(() => expect(playback.active.value).toBe(true));
    scenes.liveAlertArrived({ severity: 4, position: [118.4, 28.8] });
    expect([playback.active.value, looks.length]).toEqual([true, 0]);
    scope.stop();
  });

  it('does nothing on a screen that is neither a wall nor a briefing', async () => {
    const { scenes, flights, scope } = setUp('duty');
    await scenes.start();
    scenes.alertFocused();
    expect([flights.length, scenes.deckProblems.value]).toEqual([0, null]);
    scope.stop();
  });
});
