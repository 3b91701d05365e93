/**
 * Fills in `window.safeBorder` once the app is up (main.ts installs the parts that need no app):
 * tests, benchmarks and the console reach the map view on screen, the stores and playback.
 */
import { validateChanges } from '../adapters/validateRecords';
import { ENTITY_KINDS, isEntityKind } from '../domain/entities/entityKinds';
import { isLayerId } from '../domain/layerIds';
import type { MapViewApi } from '../layers/mapView';
import type { Change } from '../adapters/contract';
import type { EntityReader } from '../stores/entityStore';
import type { SafeBorderApi } from './safeBorderApi';
import type { Playback } from './usePlayback';

export interface SafeBorderDeps {
  mapView: () => MapViewApi | undefined;
  frameTimes(): number[];
  framesRendered(): number;
  viewCounts: SafeBorderApi['viewCounts'];
  /** The live store, whatever the screen shows. */
  live: EntityReader;
  applyChanges(changes: readonly Change[]): unknown;
  playback: Pick<Playback, 'active' | 'reader' | 'timeline'>;
}


export function installSafeBorderApi(target: SafeBorderApi, deps: SafeBorderDeps): void {
  const { mapView, playback } = deps;
  target.worldToScreen = (positions) => mapView()?.worldToScreen(positions) ?? positions.map(() => null);
  target.placedLabels = () => mapView()?.placedLabels() ?? [];
  target.goHome = () => mapView()?.goHome();
  target.currentView = () => mapView()?.currentView() ?? null;
  target.isDrawn = (layer, id) => (isLayerId(layer) ? (mapView()?.isDrawn(layer, id) ?? false) : false);
  target.frameTimes = () => deps.frameTimes();
  target.framesRendered = () => deps.framesRendered();
  target.whenLayersIdle = () => mapView()?.whenLayersIdle() ?? Promise.resolve({ drainedAt: performance.now() });
  target.layerUpdateTimes = () => mapView()?.layerUpdateTimes() ?? [];
  target.layerWriteTimes = () => mapView()?.layerWriteTimes() ?? [];
  target.viewCounts = () => deps.viewCounts();
  target.held = (kind) => (isEntityKind(kind) ? [...deps.live.each(kind)].map((record) => [record.id, record.version]) : []);
  target.playback = () => {
    const shown = playback.reader.value;
    const timeline = playback.timeline.value;
    return {
      active: playback.active.value,
      fromMs: timeline?.fromMs ?? null,
      toMs: timeline?.toMs ?? null,
      position: timeline?.position ?? null,
      counts: Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, [...shown.each(kind)].length])),
    };
  };
  target.ingest = (raw) => {
    const { changes, rejected } = validateChanges(raw, { source: 'ingest', crs: 'wgs84' });
    deps.applyChanges(changes);
    return { applied: changes.length, rejected: rejected.length };
  };
}
