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
import { diffPolledList } from '../polling/diffPolledList';
import { subscribeByPolling } from '../polling/subscribeByPolling';
import { matchesSnapshotQuery } from '../../domain/matchesSnapshotQuery';
import { validateRecord } from '../validateRecords';
import { mapFeatureToRecord } from './mapFeatureToRecord';
import { GeoJsonError, parseGeoJson } from '../../domain/parseGeoJson';

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
  let held = new Map<string, Held>();
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
    const stamp = new Date(now()).toISOString();
    const mapped = parsed.features.map((feature) => {
      const raw = mapFeatureToRecord(feature, settings);
      return { id: typeof raw.id === 'string' ? raw.id : undefined, fingerprint: JSON.stringify(raw), raw };
    });
    const diff = diffPolledList(held, mapped, {
      onDuplicate: ({ id, fingerprint }) => reject({ source: settings.id, kind: settings.kind, id: id ?? null, reason: `${settings.kind}: id: duplicate id in the file` }, `duplicate:${fingerprint}`),
      accept: ({ id, fingerprint, raw }) => {
        const version = typeof raw.version === 'number' ? raw.version : (versions.get(id ?? '') ?? 0) + 1;
        // Already validated coordinates are WGS84 now: parseGeoJson converted them.
        const checked = validateRecord(settings.kind, { updatedAt: stamp, ...raw, version }, { source: settings.id, crs: 'wgs84' });
        if (!checked.ok) {
          reject(checked.rejection, `invalid:${fingerprint}`);
          return undefined;
        }
        versions.set(checked.value.record.id, version);
        return { fingerprint, record: checked.value.record };
      },
    });
    held = diff.held;
    const changes: Change[] = diff.upserted.map(({ record }) => ({ seq: ++sequence, kind: settings.kind, op: 'upsert', record }));
    for (const { record } of diff.gone) {
      const version = (versions.get(record.id) ?? 0) + 1;
      versions.set(record.id, version);
      changes.push({ seq: ++sequence, kind: settings.kind, op: 'delete', id: record.id, version });
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
