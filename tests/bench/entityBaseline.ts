/**
 * The naive version of the live layers, for bench:render to measure against: the same records
 * through the same validation into a store, then one Cesium Entity per item (a point for an
 * alert, a billboard for a grid event) on the same globe setup as the app. This is how typical
 * dashboards are written; only the rendering differs from the app, so the figures compare that.
 */
import { Cartesian3, Color, ConstantPositionProperty, type Entity } from '@cesium/engine';
import { validateChanges } from '../../src/adapters/validateRecords';
import type { AnyEntity } from '../../src/domain/entities/entityKinds';
import { liveTheme } from '../../src/layers/live/liveTheme';
import { createGlobe } from '../../src/map/createGlobe';

const globe = createGlobe(document.getElementById('globe')!, { basemap: { kind: 'dark' }, onError: () => {} });
globe.scene.camera.setView({ destination: Cartesian3.fromDegrees(118.33, 28.45, 60_000), orientation: { heading: 0, pitch: -Math.PI / 3, roll: 0 } });
const entities = new Map<string, Entity>();
const icon = document.createElement('canvas');
icon.width = icon.height = 22;
const context = icon.getContext('2d')!;
context.fillStyle = '#ffb74d';
context.beginPath();
context.arc(11, 11, 9, 0, Math.PI * 2);
context.fill();
const colors = new Map<string, Color>();
const colorOf = (css: string) => colors.get(css) ?? colors.set(css, Color.fromCssColorString(css)).get(css)!;

const records = new Map<string, AnyEntity>();
const UPDATE_TIMES_KEPT = 600;
const updateTimes: number[] = [];

/** Applies wire changes as the app does (validated, then stored); returns what was applied and rejected. */
function ingest(changes: unknown[]): { applied: number; rejected: number } {
  const { changes: valid, rejected } = validateChanges(changes, { source: 'bench', crs: 'wgs84' });
  const started = performance.now();
  for (const change of valid) {
    if (change.op !== 'upsert') continue;
    const record = change.record;
    records.set(record.id, record);
    const position = Cartesian3.fromDegrees(record.position[0], record.position[1], 2550);
    const color = 'severity' in record ? colorOf(liveTheme.severity[record.severity as 1 | 2 | 3 | 4].css) : undefined;
    const existing = entities.get(record.id);
    if (existing) {
      (existing.position as ConstantPositionProperty).setValue(position);
      if (existing.point && color) existing.point.color = color as never;
      continue;
    }
    entities.set(
      record.id,
      globe.widget.entities.add(
        color
          ? { id: record.id, position: new ConstantPositionProperty(position), point: { pixelSize: 10, color, outlineColor: Color.WHITE, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY } }
          : { id: record.id, position: new ConstantPositionProperty(position), billboard: { image: icon, disableDepthTestDistance: Number.POSITIVE_INFINITY } },
      ),
    );
  }
  globe.scene.requestRender();
  // Only the hand-over to the Entity API: Cesium's DataSourceDisplay does the rest in the next
  // frame, which the frame times and bench:render's main-thread figures hold.
  updateTimes.push(performance.now() - started);
  if (updateTimes.length > UPDATE_TIMES_KEPT) updateTimes.shift();
  return { applied: valid.length, rejected: rejected.length };
}

declare global {
  interface Window {
    /** The same calls bench:render makes on `window.safeBorder`. */
    entityBench?: {
      ingest(changes: unknown[]): { applied: number; rejected: number };
      framesRendered(): number;
      frameTimes(): number[];
      whenLayersIdle(): Promise<{ drainedAt: number }>;
      layerUpdateTimes(): number[];
    };
  }
}

window.entityBench = {
  ingest,
  framesRendered: () => globe.framesRendered(),
  frameTimes: () => globe.frameTimes(),
  // Entities are handed over synchronously; their next frame draws them.
  whenLayersIdle: () => Promise.resolve({ drainedAt: performance.now() }),
  layerUpdateTimes: () => [...updateTimes],
};
document.documentElement.dataset.ready = 'true';
