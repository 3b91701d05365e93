import { describe, expect, it } from 'vitest';
import type { DiagnosticsSnapshot } from '../../stores/diagnosticsSnapshot';
import { describeDiagnostics } from './describeDiagnostics';

const snapshot: DiagnosticsSnapshot = {
  regionId: 'changshan-yushan',
  ready: true,
  layers: [{ id: 'alerts', featureCount: 42, visible: true }],
  renderer: null,
  framesRendered: 100,
  errors: [{ source: 'x', message: 'y', at: '2026-11-23T10:00:00Z' }],
  errorsDropped: 2,
  sources: [
    {
      id: 'backend',
      type: 'http',
      state: 'live',
      lastMessageAt: '2026-11-23T10:00:00Z',
      lastChangeAt: '2026-11-23T09:59:30Z',
      cursor: 5,
      staleAfterMs: 10_000,
      lastError: null,
      lastResync: { at: '2026-11-23T09:58:00Z', reason: 'new-epoch', replaced: true, records: 60 },
      restarts: 1,
      rejected: { total: 17, byReason: { a: 1, b: 5, c: 2, d: 3, e: 4, f: 2 } },
    },
  ],
  entities: { alert: 40, station: 20 },
};

describe('describeDiagnostics', () => {
  const view = describeDiagnostics(snapshot, 12, [5, 9, 7, 30, 6, 8, 6, 7, 5, 6], 123 * 1_048_576, Date.parse('2026-11-23T10:00:00Z'));

  it('gives frame rate, frame time percentiles and heap', () => {
    expect(view).toMatchObject({ fps: 12, frameP50: 7, frameP95: 30, heapMb: 123, records: 60, errors: 3 });
  });

  it('says how long ago each source last changed, and its commonest rejection reasons', () => {
    expect(view.sources[0]).toMatchObject({ id: 'backend', state: 'live', lastChangeAgeSeconds: 30, rejected: 17, restarts: 1, lastResync: { reason: 'new-epoch', replaced: true } });
    expect(view.sources[0]!.reasons.map((r) => r.reason)).toEqual(['b', 'e', 'd', 'c', 'f']);
  });

  it('copes with no frames, no heap figure and a source that never changed', () => {
    const quiet = describeDiagnostics({ ...snapshot, sources: [{ ...snapshot.sources[0]!, lastChangeAt: null }] }, 0, [], null, 0);
    expect(quiet).toMatchObject({ fps: 0, frameP50: null, heapMb: null });
    expect(quiet.sources[0]!.lastChangeAgeSeconds).toBeNull();
  });
});
