/**
 * The `geojson` adapter: a GeoJSON file or URL (a GIS team's export), polled, each feature mapped
 * onto an entity of one kind (see mapFeatureToRecord) and validated like any other record.
 * Versions come from the data when mapped, otherwise from content: a feature that changes between
 * polls gets a new version, one that vanishes is deleted.
 */
import type { GeojsonSourceSettings } from '../../domain/appConfig';
import { type Capabilities, type Change, type DataSource, type Rejection, type Result, type Snapshot, failure, success } from '../contract';
import { validateRecord } from '../validateRecords';
import { mapFeatureToRecord } from './mapFeatureToRecord';
import { GeoJsonError, parseGeoJson } from './parseGeoJson';

export type TextLoader = (url: string) => Promise<string>;

const fetchText: TextLoader = async (url) => {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

interface Held {
  fingerprint: string;
  version: number;
  record: Snapshot['records'][number]['record'];
}

export function createGeojsonDataSource(settings: GeojsonSourceSettings, load: TextLoader = fetchText, now: () => number = Date.now): DataSource {
  const held = new Map<string, Held>();
  let sequence = 0;
  let loadedOnce = false;

  /** Loads the file and turns the difference from the last load into changes. */
  async function poll(): Promise<Result<{ changes: Change[]; rejected: Rejection[] }>> {
    let text: string;
    try {
      text = await load(settings.url);
    } catch (error) {
      return failure('network', `${settings.id}: ${settings.url}: ${(error as Error).message}`);
    }
    let parsed;
    try {
      parsed = parseGeoJson(text, { crs: settings.crs, sourceName: settings.url });
    } catch (error) {
      return failure('invalid', error instanceof GeoJsonError ? `${settings.id}: ${error.message}` : String(error));
    }
    const rejected: Rejection[] = parsed.rejected.map((r) => ({ source: settings.id, kind: settings.kind, id: null, reason: `${settings.kind}: ${r.reason}` }));
    const changes: Change[] = [];
    const seen = new Set<string>();
    const stamp = new Date(now()).toISOString();
    for (const feature of parsed.features) {
      const mapped = mapFeatureToRecord(feature, settings);
      const id = typeof mapped.id === 'string' ? mapped.id : undefined;
      if (id !== undefined && seen.has(id)) {
        rejected.push({ source: settings.id, kind: settings.kind, id, reason: `${settings.kind}: id: duplicate id in the file` });
        continue;
      }
      const fingerprint = JSON.stringify(mapped);
      const previous = id === undefined ? undefined : held.get(id);
      if (previous && previous.fingerprint === fingerprint) {
        seen.add(id!);
        continue;
      }
      const version = typeof mapped.version === 'number' ? mapped.version : (previous?.version ?? 0) + 1;
      // Already validated coordinates are WGS84 now: parseGeoJson converted them.
      const checked = validateRecord(settings.kind, { updatedAt: stamp, ...mapped, version }, { source: settings.id, crs: 'wgs84' });
      if (!checked.ok) {
        rejected.push(checked.rejection);
        if (id !== undefined && previous) seen.add(id);
        continue;
      }
      seen.add(checked.value.record.id);
      held.set(checked.value.record.id, { fingerprint, version, record: checked.value.record });
      changes.push({ seq: ++sequence, kind: settings.kind, op: 'upsert', record: checked.value.record });
    }
    for (const [id, entry] of held) {
      if (seen.has(id)) continue;
      held.delete(id);
      changes.push({ seq: ++sequence, kind: settings.kind, op: 'delete', id, version: entry.version + 1 });
    }
    loadedOnce = true;
    return success({ changes, rejected });
  }

  return {
    id: settings.id,
    type: 'geojson',
    async capabilities(): Promise<Result<Capabilities>> {
      return success({ kinds: [settings.kind], stream: true, acknowledgeAlert: false, history: false });
    },
    async health() {
      return success({ ok: loadedOnce, time: null, latestCursor: sequence });
    },
    async snapshot() {
      const result = await poll();
      if (!result.ok) return result;
      return success({ cursor: sequence, records: [...held.values()].map((h) => ({ kind: settings.kind, record: h.record })), rejected: result.value.rejected });
    },
    subscribe(handlers, options) {
      let cursor = options.cursor;
      let closed = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = async () => {
        const result = await poll();
        if (closed) return;
        if (result.ok) {
          if (result.value.rejected.length > 0) handlers.onRejected?.(result.value.rejected);
          const fresh = result.value.changes.filter((change) => change.seq > cursor);
          if (fresh.length > 0) {
            cursor = fresh[fresh.length - 1]!.seq;
            handlers.onChanges(fresh, cursor);
          }
          handlers.onStatus?.({ state: 'live', attempt: 0, lastMessageAt: new Date(now()).toISOString() });
        } else {
          handlers.onStatus?.({ state: 'reconnecting', attempt: 1, lastError: result.error });
        }
        timer = setTimeout(() => void tick(), settings.pollIntervalMs);
      };
      handlers.onStatus?.({ state: 'live', attempt: 0, lastMessageAt: new Date(now()).toISOString() });
      timer = setTimeout(() => void tick(), settings.pollIntervalMs);
      return {
        close() {
          closed = true;
          clearTimeout(timer);
          handlers.onStatus?.({ state: 'closed', attempt: 0 });
        },
      };
    },
    close() {
      held.clear();
    },
  };
}
