import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import type { MapViewApi } from '../layers/mapView';
import { diagnostics } from './diagnostics';
import { useLiveLayerControls } from './useLiveLayerControls';

describe('useLiveLayerControls', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps one set of shown layers for both views, toggled from the legend or set by a scene', () => {
    const scope = effectScope();
    const layers = scope.run(() => useLiveLayerControls())!;
    layers.initialise(['stations', 'alerts']);
    expect(layers.visibleLayers.value).toEqual(['stations', 'alerts']);
    layers.toggle('alerts');
    layers.toggle('grids');
    layers.toggle('not-a-layer');
    expect(layers.visibleLayers.value).toEqual(['stations', 'grids']);
    layers.show(['patrols']);
    expect(layers.visibleLayers.value).toEqual(['patrols']);
    expect(layers.legendEntries.value.filter((entry) => entry.active).map((entry) => entry.id)).toEqual(['patrols']);
    scope.stop();
  });

  it('counts what the view on screen draws, once a second, for the legend and diagnostics', () => {
    let drawn = 3;
    const view = { layerCounts: () => ({ alerts: drawn }) } as unknown as MapViewApi;
    const scope = effectScope();
    const layers = scope.run(() => useLiveLayerControls())!;
    layers.initialise(['alerts']);
    layers.attach(view);
    expect(layers.legendEntries.value.find((entry) => entry.id === 'alerts')?.count).toBe(3);
    drawn = 5;
    vi.advanceTimersByTime(1000);
    expect(layers.legendEntries.value.find((entry) => entry.id === 'alerts')?.count).toBe(5);
    expect(diagnostics.snapshot().layers.find((layer) => layer.id === 'alerts')).toMatchObject({ featureCount: 5, visible: true });
    scope.stop();
  });
});
