/**
 * The diagnostics overlay's content, from the same snapshot `window.safeBorder.diagnostics()`
 * gives: frames per second and frame time, JS heap, each source's connection and the age of its
 * last change, rejected records by reason, layer counts. Pure, so what the overlay says is tested.
 */
import type { DiagnosticsSnapshot } from '../../stores/diagnosticsSnapshot';

export interface DiagnosticsView {
  fps: number;
  frameP50: number | null;
  frameP95: number | null;
  heapMb: number | null;
  records: number;
  sources: {
    id: string;
    state: string;
    lastChangeAgeSeconds: number | null;
    rejected: number;
    reasons: { reason: string; count: number }[];
    error: string | null;
    /** Backend restarts seen, and the last resync: why and when (ISO 8601). */
    restarts: number;
    lastResync: { reason: string; at: string; replaced: boolean } | null;
  }[];
  layers: { id: string; count: number; visible: boolean }[];
  errors: number;
}

const percentile = (sorted: readonly number[], p: number): number | null =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * `framesInLastSecond`: frames rendered over the last second (requestRenderMode draws only on
 * change, so an idle wall reads 0, which is right); `frameTimes`: recent main-thread frame ms.
 */
export function describeDiagnostics(snapshot: DiagnosticsSnapshot, framesInLastSecond: number, frameTimes: readonly number[], heapBytes: number | null, nowMs: number): DiagnosticsView {
  const sorted = [...frameTimes].sort((a, b) => a - b);
  return {
    fps: framesInLastSecond,
    frameP50: percentile(sorted, 50),
    frameP95: percentile(sorted, 95),
    heapMb: heapBytes === null ? null : heapBytes / 1_048_576,
    records: Object.values(snapshot.entities).reduce((a, b) => a + b, 0),
    sources: snapshot.sources.map((source) => ({
      id: source.id,
      state: source.state,
      lastChangeAgeSeconds: source.lastChangeAt ? Math.max(0, Math.round((nowMs - Date.parse(source.lastChangeAt)) / 1000)) : null,
      rejected: source.rejected.total,
      // The five commonest reasons: a flood of one kind of bad record must not push the rest off screen.
      reasons: Object.entries(source.rejected.byReason)
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
        .slice(0, 5),
      error: source.lastError?.reason ?? null,
      restarts: source.restarts,
      lastResync: source.lastResync ? { reason: source.lastResync.reason, at: source.lastResync.at, replaced: source.lastResync.replaced } : null,
    })),
    layers: snapshot.layers.map((layer) => ({ id: layer.id, count: layer.featureCount, visible: layer.visible })),
    errors: snapshot.errors.length + snapshot.errorsDropped,
  };
}
