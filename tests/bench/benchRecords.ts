/**
 * The records bench:render feeds the app and its peers (wire changes, as a backend sends them):
 * by default 100k items, 60 % alerts and 40 % grid events over the border area, deterministic so
 * every run draws the same scene.
 */

export const DEFAULT_ITEMS = 100_000;
export const BATCH = 10_000;

/** How many of `items` are alerts; the rest are grid events. */
const alertsOf = (items: number) => Math.round(items * 0.6);

/** Deterministic positions over the Changshan–Yushan area. */
function spread(i: number): [number, number] {
  const a = Math.sin(i * 12.9898) * 43_758.5453;
  const b = Math.sin(i * 78.233) * 12_345.6789;
  return [118.05 + (a - Math.floor(a)) * 0.6, 28.55 + (b - Math.floor(b)) * 0.5];
}

/** Each record its own time, as real records have (identical strings would flatter the app's memory). */
const timeOf = (i: number, version: number) => new Date(Date.UTC(2026, 10, 23, 0, 0, 0) + (i * 7 + version * 60_000) * 1000).toISOString().replace('.000Z', 'Z');

function alertRecord(i: number, version: number): Record<string, unknown> {
  const [lon, lat] = spread(i + version * 7);
  const at = timeOf(i, version);
  return {
    id: `bench-alert-${i}`,
    version,
    updatedAt: at,
    province: i % 2 ? 'zj' : 'jx',
    county: i % 2 ? '330822' : '361123',
    position: [+lon.toFixed(6), +lat.toFixed(6)],
    source: 'bench',
    severity: (((i + version) % 4) + 1) as 1 | 2 | 3 | 4,
    watchlist: '盗抢车辆',
    subject: { type: 'vehicle', plate: `浙H·${String(10_000 + (i % 90_000)).slice(-5)}` },
    hit: { at, via: 'camera', deviceId: `cam-${i % 400}`, deviceName: `视频点位${i % 400}` },
    controlSide: 'zj',
    hitSide: 'jx',
    controlStationId: 'none',
    // Acknowledged, not new: a benchmark burst should not set 18k pulses going.
    status: 'acknowledged',
    statusTimes: { new: at, acknowledged: at },
  };
}

function eventRecord(i: number, version: number): Record<string, unknown> {
  const [lon, lat] = spread(100_000 + i + version * 7);
  const stages = ['discover', 'analyze', 'command', 'handle'].slice(0, 1 + ((i + version) % 4));
  const at = timeOf(100_000 + i, version);
  return {
    id: `bench-event-${i}`,
    version,
    updatedAt: at,
    province: 'zj',
    county: '330822',
    position: [+lon.toFixed(6), +lat.toFixed(6)],
    source: 'bench',
    title: '矛盾纠纷',
    category: 'dispute',
    subcategory: 'dispute.1',
    gridId: 'grid-03',
    reporter: { name: '网格员', role: 'grid-worker' },
    stage: stages[stages.length - 1],
    stages: stages.map((stage) => ({ stage, at, side: 'zj' })),
    handoffs: [],
    dueAt: '2099-01-01T00:00:00Z',
  };
}

const wire = (records: Record<string, unknown>[], kind: string, seq0: number) => records.map((record, i) => ({ seq: seq0 + i, kind, op: 'upsert', record }));

/**
 * The changes of `count` items from `offset` on (wrapping around the scene's `items`), at
 * `version`, in wire batches of at most BATCH.
 */
export function batches(items: number, version: number, count = items, offset = 0): { wire: unknown[] }[] {
  const alertCount = alertsOf(items);
  const out: { wire: unknown[] }[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const alerts: Record<string, unknown>[] = [];
    const events: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const n = (offset + i) % items;
      if (n < alertCount) alerts.push(alertRecord(n, version));
      else events.push(eventRecord(n - alertCount, version));
    }
    out.push({ wire: [...wire(alerts, 'alert', 1), ...wire(events, 'gridEvent', 1)] });
  }
  return out;
}

