import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import type { SceneCamera } from '../domain/scenes/sceneDeck';
import type { MapViewApi, MapViewKind, MapViewProbe } from '../layers/mapView';
import { useMapViews } from './useMapViews';

function fakeView(kind: MapViewKind, looking: SceneCamera | null = null) {
  const flights: SceneCamera[] = [];
  const api = { kind, currentView: () => looking, flyToView: (view: SceneCamera) => void flights.push(view), layerCounts: () => ({ alerts: kind === '3d' ? 3 : 2 }) } as unknown as MapViewApi;
  const probe: MapViewProbe = { rendererInfo: () => ({ renderer: kind }), framesRendered: () => 7, frameTimes: () => (kind === '3d' ? [16] : [8]) };
  return { api, probe, flights };
}

function setUp() {
  const errors: [string, unknown][] = [];
  const ready: boolean[] = [];
  const attached: MapViewKind[] = [];
  const remembered: MapViewKind[] = [];
  const deferred: (() => void)[] = [];
  const marks: Record<string, string | undefined> = {};
  let renderer: (() => Record<string, unknown>) | null = null;
  let drawnTimes = 0;
  const scope = effectScope();
  const views = scope.run(() =>
    useMapViews({
      diagnostics: {
        recordError: (source, error) => void errors.push([source, error]),
        setReady: (value) => void ready.push(value),
        setRendererProbe: (probe) => void (renderer = probe),
        setLayer: () => {},
      },
      liveLayers: { attach: (api) => void attached.push(api.kind) },
      marks,
      rememberView: (view) => void remembered.push(view),
      onRegionDrawn: () => void (drawnTimes += 1),
      translate: (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key),
      defer: (run) => void deferred.push(run),
    }),
  )!;
  return { views, errors, ready, attached, remembered, deferred, marks, renderer: () => renderer?.(), drawnTimes: () => drawnTimes };
}

const LOOKING: SceneCamera = { lon: 118.4, lat: 28.9, height: 30_000, heading: 10, pitch: -90, flightSeconds: 0 };

describe('useMapViews', () => {
  it('opens one view, then makes the other on first switch, looking where the first did, the globe oblique', () => {
    const { views, attached, remembered, marks, renderer } = setUp();
    views.open('2d');
    const flat = fakeView('2d', LOOKING);
    views.created('2d', flat.api, flat.probe);
    views.drawnRegion('2d', { county: 4 });
    expect([...views.mounted.value]).toEqual(['2d']);
    expect(renderer()).toEqual({ view: '2d', renderer: '2d' });

    views.setView('3d');
    expect([...views.mounted.value]).toEqual(['2d', '3d']);
    expect(marks.view).toBe('3d');
    expect(remembered).toEqual(['3d']);
    const globe = fakeView('3d');
    views.created('3d', globe.api, globe.probe);
    expect(globe.flights).toEqual([]);
    views.drawnRegion('3d', { county: 4 });
    expect(globe.flights).toEqual([{ ...LOOKING, pitch: -55, heading: 0 }]);
    expect(attached).toEqual(['2d', '3d']);
    expect(views.shown()).toBe(globe.api);
    expect(views.frameTimes()).toEqual([16]);
    expect(views.counts()).toEqual({ '2d': { alerts: 2 }, '3d': { alerts: 3 } });
  });

  it('switches back at once to a view already drawn, and does nothing when asked for the view on screen', () => {
    const { views, remembered } = setUp();
    views.open('3d');
    const globe = fakeView('3d', LOOKING);
    views.created('3d', globe.api, globe.probe);
    views.drawnRegion('3d', {});
    views.setView('3d');
    expect(remembered).toEqual([]);
    views.setView('2d');
    const flat = fakeView('2d', { ...LOOKING, lon: 118.5 });
    views.created('2d', flat.api, flat.probe);
    views.drawnRegion('2d', {});
    views.setView('3d');
    expect(globe.flights).toEqual([{ ...LOOKING, lon: 118.5, pitch: -55, heading: 0 }]);
  });

  it('marks the screen ready when a region is drawn and not ready when a context is lost', () => {
    const { views, ready, marks, drawnTimes, errors } = setUp();
    views.open('2d');
    views.drawnRegion('2d', { county: 4 });
    expect([marks.ready, ready.at(-1), drawnTimes()]).toEqual(['true', true, 1]);
    views.contextLost('2d');
    expect([marks.ready, ready.at(-1)]).toEqual(['false', false]);
    expect(errors[0]![0]).toBe('webgl');
    expect(views.globeGeneration.value).toBe(0);
  });

  it('replaces a globe whose context was lost, ignores the dying one’s render failures, and clears its error once the new one is up', () => {
    const { views, deferred } = setUp();
    views.open('3d');
    const first = fakeView('3d');
    views.created('3d', first.api, first.probe);
    views.failed('basemap', new Error('tiles 404'));
    expect(views.sceneError.value).toContain('sceneErrors.basemap');
    views.contextLost('3d');
    expect(views.shown()).toBeUndefined();
    views.failed('render', new Error('context lost'));
    expect(views.sceneError.value).toContain('tiles 404');
    deferred.forEach((run) => run());
    expect(views.globeGeneration.value).toBe(1);
    const second = fakeView('3d');
    views.created('3d', second.api, second.probe);
    expect(views.sceneError.value).toBeNull();
    expect(views.shown()).toBe(second.api);
    views.failed('render', new Error('shader'));
    expect(views.sceneError.value).toContain('shader');
  });
});
