/**
 * The `geojson` adapter: a GeoJSON file or URL (a GIS team's export), polled, each feature mapped
 * onto an entity of one kind (see mapFeatureToRecord) and validated like any other record.
 * Versions come from the data when mapped, otherwise from content: a feature that changes between
 * polls gets a new version, one that vanishes is deleted.
 */
import type { GeojsonSourceSettings } from '../../domain/appConfig';
import { type Capabilities, type Change, type DataSource, type Rejection, type Result, type Snapshot, failure, success } from '../contract';
import { looksLikeHtml, notJsonFailure } from '../request/describeHttpFailure';
import { createRequester } from '../request/createRequester';
import { subscribeByPolling } from '../polling/subscribeByPolling';
import { matchesSnapshotQuery } from '../matchesSnapshotQuery';
import { validateRecord } from '../validateRecords';
import { mapFeatureToRecord } from './mapFeatureToRecord';
import { GeoJsonError, parseGeoJson } from './parseGeoJson';

/** Reads the file's text, or says why it could not: a failure value, never a throw. */
export type TextLoader = (url: string) => Promise<Result<string>>;

/**
 * Reads over HTTP through the one request path (../request): time-limited, so a file server that
 * never answers cannot hold the source silently, and a login portal in front of the file that
 * answers 200 with a page is named for what it is rather than reported as "not GeoJSON".
 */
export function loadTextOverHttp(timeoutMs: number, sourceId: string, fetchImpl?: typeof fetch): TextLoader {
  const request = createRequester({ timeoutMs, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  return async (url) => {
    const what = `${sourceId} ${url}`;
    const answer = await request.text({ url, what });
    if (!answer.ok) return answer;
    const contentType = answer.value.header('content-type');
    if (looksLikeHtml(answer.value.text, contentType)) return { ok: false, error: notJsonFailure(answer.value.text, what, contentType) };
    return success(answer.value.text);
  };
}

interface Held {
  fingerprint: string;
  record: Snapshot['records'][number]['record'];
}

export function createGeojsonDataSource(settings: GeojsonSourceSettings, load: TextLoader = loadTextOverHttp(settings.timeoutMs, settings.id), now: () => number = Date.now): DataSource {
  const held = new Map<string, Held>();
  /**
   * The last version given to each id, kept after a feature vanishes: if it comes back, its new
   * version must beat the delete's, or the store's tombstone would hide it.
   */
  const versions = new Map<string, number>();
  /** Bad features already reported, so a file left broken is not counted again on every poll. */
  let reported = new Set<string>();
  let sequence = 0;
  let loadedOnce = false;

  /** Loads the file and turns the difference from the last load into changes. */
  async function poll(): Promise<Result<{ changes: Change[]; rejected: Rejection[] }>> {
    const text = await load(settings.url);
    if (!text.ok) return text;
    let parsed;
    try {
      parsed = parseGeoJson(text.value, { crs: settings.crs, sourceName: settings.url });
    } catch (error) {
      return failure('invalid', error instanceof GeoJsonError ? `${settings.id}: ${error.message}` : String(error));
    }
    const stillBad = new Set<string>();
    const rejected: Rejection[] = [];
    const reject = (rejection: Rejection, fingerprint: string) => {
      stillBad.add(fingerprint);
      if (!reported.has(fingerprint)) rejected.push(rejection);
    };
    for (const r of parsed.rejected) reject({ source: settings.id, kind: settings.kind, id: null, reason: `${settings.kind}: ${r.reason}` }, `feature:${r.reason}:${r.fingerprint}`);
    const changes: Change[] = [];
    const seen = new Set<string>();
    const stamp = new Date(now()).toISOString();
    for (const feature of parsed.features) {
      const mapped = mapFeatureToRecord(feature, settings);
      const id = typeof mapped.id === 'string' ? mapped.id : undefined;
      const fingerprint = JSON.stringify(mapped);
      if (id !== undefined && seen.has(id)) {
        reject({ source: settings.id, kind: settings.kind, id, reason: `${settings.kind}: id: duplicate id in the file` }, `duplicate:${fingerprint}`);
        continue;
      }
      const previous = id === undefined ? undefined : held.get(id);
      if (previous && previous.fingerprint === fingerprint) {
        seen.add(id!);
        continue;
      }
      const version = typeof mapped.version === 'number' ? mapped.version : (versions.get(id ?? '') ?? 0) + 1;
      // Already validated coordinates are WGS84 now: parseGeoJson converted them.
      const checked = validateRecord(settings.kind, { updatedAt: stamp, ...mapped, version }, { source: settings.id, crs: 'wgs84' });
      if (!checked.ok) {
        reject(checked.rejection, `invalid:${fingerprint}`);
        if (id !== undefined && previous) seen.add(id);
        continue;
      }
      seen.add(checked.value.record.id);
      versions.set(checked.value.record.id, version);
      held.set(checked.value.record.id, { fingerprint, record: checked.value.record });
      changes.push({ seq: ++sequence, kind: settings.kind, op: 'upsert', record: checked.value.record });
    }
    for (const [id] of held) {
      if (seen.has(id)) continue;
      held.delete(id);
      const version = (versions.get(id) ?? 0) + 1;
      versions.set(id, version);
      changes.push({ seq: ++sequence, kind: settings.kind, op: 'delete', id, version });
    }
    reported = stillBad;
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
    async snapshot(query = {}) {
      const result = await poll();
      if (!result.ok) return result;
      const records = [...held.values()].map((h) => ({ kind: settings.kind, record: h.record })).filter((r) => matchesSnapshotQuery(r, query));
      return success({ cursor: sequence, records, rejected: result.value.rejected });
    },
    subscribe(handlers, options) {
      return subscribeByPolling(poll, handlers, options, { intervalMs: settings.pollIntervalMs, now });
    },
    close() {
      held.clear();
    },
  };
}
