/**
 * The `geojson` adapter: a GeoJSON file or URL (a GIS team's export), polled, each feature mapped
 * onto an entity of one kind (see mapFeatureToRecord) and validated like any other record.
 * Versions come from the data when mapped, otherwise from content: a feature that changes between
 * polls gets a new version, one that vanishes is deleted.
 */
import type { GeojsonSourceSettings } from '../../domain/appConfig';
import { type Capabilities, type Change, type DataSource, type Failure, type Rejection, type Result, type Snapshot, failure, success } from '../contract';
import { failureForFetchError, failureForStatus, looksLikeHtml, notJsonFailure } from '../http/describeHttpFailure';
import { subscribeByPolling } from '../subscribeByPolling';
import { matchesSnapshotQuery } from '../../domain/matchesSnapshotQuery';
import { validateRecord } from '../validateRecords';
import { mapFeatureToRecord } from './mapFeatureToRecord';
import { GeoJsonError, parseGeoJson } from '../../domain/parseGeoJson';

/** Reads the file's text; throws a LoadFailure (or any error, taken as a network failure). */
export type TextLoader = (url: string) => Promise<string>;

/** A read that failed in a way the HUD can explain: a status with the server's words, a time-out. */
class LoadFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason);
    this.name = 'LoadFailure';
  }
}

/** fetch with a time-out: a file server that never answers must not hold the source silently. */
export function fetchTextWithin(timeoutMs: number, sourceId: string): TextLoader {
  return async (url) => {
    const what = `${sourceId} ${url}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (error) {
      throw new LoadFailure(failureForFetchError(error, what, timeoutMs));
    }
    if (!response.ok) throw new LoadFailure(failureForStatus(response.status, text, what, response.headers.get('content-type')));
    // A login portal in front of the file answers 200 with a page: say so rather than "not GeoJSON".
    if (looksLikeHtml(text, response.headers.get('content-type'))) throw new LoadFailure(notJsonFailure(text, what, response.headers.get('content-type')));
    return text;
  };
}

interface Held {
  fingerprint: string;
  record: Snapshot['records'][number]['record'];
}

export function createGeojsonDataSource(settings: GeojsonSourceSettings, load: TextLoader = fetchTextWithin(settings.timeoutMs, settings.id), now: () => number = Date.now): DataSource {
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
    let text: string;
    try {
      text = await load(settings.url);
    } catch (error) {
      if (error instanceof LoadFailure) return { ok: false, error: error.failure };
      return failure('network', `${settings.id}: ${settings.url}: ${(error as Error).message}`);
    }
    let parsed;
    try {
      parsed = parseGeoJson(text, { crs: settings.crs, sourceName: settings.url });
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
