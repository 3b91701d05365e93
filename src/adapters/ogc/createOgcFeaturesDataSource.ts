/**
 * The `ogc-features` adapter: an OGC API – Features server (GeoServer, pygeoapi, pg_featureserv,
 * ArcGIS) behind a same-origin path. Its collections become layers, each feeding one entity kind
 * (see discoverOgcCollections); every feature is mapped like a GeoJSON export's (properties named
 * like entity fields are taken as they are, `fields` maps the rest) and validated like any record.
 *
 * OGC API – Features has no push, so changes come from polling and diffing, as for GeoJSON
 * exports: versions from the data when it has them, otherwise from content; a feature that
 * vanishes is deleted. A collection that fails keeps what it last delivered. With `fullPollEvery`
 * above 1, the polls between full ones ask only for what changed (`datetime`); deletes wait for
 * the next full poll, the only one that can see a feature is gone.
 */
import type { FeatureMapping, OgcFeaturesSourceSettings } from '../../domain/appConfig';
import type { EntityKind } from '../../domain/entities/entityKinds';
import {
  type Capabilities,
  type Change,
  type DataSource,
  type EntityRecord,
  type Failure,
  type Health,
  type Rejection,
  type Result,
  type Snapshot,
  type SnapshotQuery,
  failure,
  success,
} from '../contract';
import { diffPolledList } from '../polling/diffPolledList';
import { type PollOutcome, subscribeByPolling } from '../polling/subscribeByPolling';
import { matchesSnapshotQuery } from '../../domain/matchesSnapshotQuery';
import { validateRecord } from '../validateRecords';
import { mapFeatureToRecord } from '../geojson/mapFeatureToRecord';
import type { GeoJsonFeatureRecord } from '../../domain/parseGeoJson';
import { type OgcCollectionPlan, type OgcDiscovery, createLinkResolver, discoverOgcCollections } from './discoverOgcCollections';
import { createOgcGet } from './createOgcGet';
import { type OgcItems, type OgcItemsQuery, readOgcItems } from './readOgcItems';

export interface OgcFeaturesEnvironment {
  fetch?: typeof fetch;
  /** Where the configured path resolves from; the page's location in a browser. */
  origin?: string;
  now?: () => number;
}

interface Held {
  fingerprint: string;
  kind: EntityKind;
  record: EntityRecord['record'];
}

interface Mapped {
  kind: EntityKind;
  id: string | undefined;
  fingerprint: string;
  raw: Record<string, unknown>;
}

const mapFeature = (feature: GeoJsonFeatureRecord, mapping: FeatureMapping): Mapped => {
  const raw = mapFeatureToRecord(feature, mapping, { copyProperties: true });
  return { kind: mapping.kind, id: typeof raw.id === 'string' ? raw.id : undefined, fingerprint: JSON.stringify(raw), raw };
};

/** parseGeoJson names a feature by its index on the page; indexes move between polls, the problem does not. */
const foldIndex = (reason: string) => reason.replace(/^features\[\d+\]: /, '');

/** How far before the server's last answer a "changed since" poll reaches back. */
const CHANGED_SINCE_MARGIN_MS = 60_000;

export function createOgcFeaturesDataSource(settings: OgcFeaturesSourceSettings, environment: OgcFeaturesEnvironment = {}): DataSource {
  const now = environment.now ?? Date.now;
  const origin = environment.origin ?? (typeof location === 'undefined' ? 'http://127.0.0.1' : location.href);
  const root = new URL(settings.baseUrl, origin).href.replace(/\/+$/, '');
  const get = createOgcGet({
    sourceId: settings.id,
    headers: settings.auth ? { [settings.auth.header]: settings.auth.value } : {},
    timeoutMs: settings.timeoutMs,
    ...(environment.fetch ? { fetch: environment.fetch } : {}),
  });
  const links = createLinkResolver(settings.id, root);
  const readOptions = { sourceId: settings.id, get, resolve: links.resolve, limit: settings.limit, maxPages: settings.maxPages, defaultCrs: settings.crs };

  /** What each collection delivered last, by record id. */
  const held = new Map<string, Map<string, Held>>();
  /** The last version given to each `kind:id`, kept after a delete so a return beats the tombstone. */
  const versions = new Map<string, number>();
  /** Problems already reported, so a server left broken is not counted again on every poll. */
  let reported = new Set<string>();
  let discovery: OgcDiscovery | undefined;
  let sequence = 0;
  let lastPoll: { ok: boolean; timeStamp: string | undefined } = { ok: false, timeStamp: undefined };
  /** By collection: the server's time at its last read, and the reads since the last full one. */
  const readSince = new Map<string, string>();
  const partialPolls = new Map<string, number>();

  /** Discovery is kept while every collection reads; any failure looks again next time. */
  async function discover(): Promise<Result<OgcDiscovery>> {
    if (discovery && discovery.failures.length === 0) return success(discovery);
    const found = await discoverOgcCollections(get, settings, root, links);
    if (!found.ok) return found;
    discovery = found.value;
    return found;
  }

  const noCollections = (found: OgcDiscovery): Result<never> =>
    failure('not-found', `${settings.id}: no collection on ${root} feeds an entity kind (the server offers: ${found.offered.slice(0, 20).join(', ') || 'none'}); list them under "collections"`);

  /** The version a mapped feature has, or would get if it were ingested now. */
  function versionOf(mapped: Mapped, previous: Held | undefined): number {
    if (typeof mapped.raw.version === 'number') return mapped.raw.version;
    if (previous && previous.fingerprint === mapped.fingerprint) return previous.record.version;
    return (versions.get(`${mapped.kind}:${mapped.id ?? ''}`) ?? 0) + 1;
  }

  const validate = (mapped: Mapped, version: number, stamp: string) =>
    // Coordinates are WGS84 already: readOgcItems converted them.
    validateRecord(mapped.kind, { updatedAt: stamp, ...mapped.raw, version }, { source: settings.id, crs: 'wgs84' });

  async function readAll(plans: readonly OgcCollectionPlan[], queryOf: (plan: OgcCollectionPlan) => OgcItemsQuery): Promise<{ plan: OgcCollectionPlan; result: Result<OgcItems> }[]> {
    return Promise.all(plans.map(async (plan) => ({ plan, result: await readOgcItems(plan, queryOf(plan), readOptions) })));
  }

  /**
   * "Changed since" for a poll between full ones: from the server's clock when it answered the last
   * read of the collection, less a margin for records stamped a little behind it (seen twice, they
   * are the same content and make no change). Undefined: read everything.
   */
  function changedSince(plan: OgcCollectionPlan): string | undefined {
    const since = readSince.get(plan.collection);
    if (settings.fullPollEvery <= 1 || since === undefined || !held.has(plan.collection)) return undefined;
    if ((partialPolls.get(plan.collection) ?? 0) >= settings.fullPollEvery - 1) return undefined;
    return new Date(Date.parse(since) - CHANGED_SINCE_MARGIN_MS).toISOString();
  }

  /** Reads every collection and turns the difference from the last read into changes. */
  async function poll(): Promise<Result<{ changes: Change[]; rejected: Rejection[] }>> {
    const found = await discover();
    if (!found.ok) {
      lastPoll = { ok: false, timeStamp: lastPoll.timeStamp };
      return found;
    }
    const { plans, failures } = found.value;
    if (plans.length === 0) return failures.length > 0 ? failure('not-found', failures.map((f) => f.reason).join('; ')) : noCollections(found.value);
    const sinceOf = new Map(plans.map((plan) => [plan.collection, changedSince(plan)]));
    const results = await readAll(plans, (plan) => {
      const from = sinceOf.get(plan.collection);
      return from === undefined ? {} : { from };
    });
    const stillBad = new Set<string>();
    const rejected: Rejection[] = [];
    const reject = (rejection: Rejection, key: string) => {
      stillBad.add(key);
      if (!reported.has(key)) rejected.push(rejection);
    };
    for (const f of failures) reject({ source: settings.id, kind: f.kind, id: null, reason: f.reason }, `collection:${f.reason}`);
    const changes: Change[] = [];
    const stamp = new Date(now()).toISOString();
    /** Ids delivered this poll, by kind: the same id twice in one kind is one record too many. */
    const seen = new Map<EntityKind, Map<string, string>>();
    const seenOf = (kind: EntityKind) => seen.get(kind) ?? seen.set(kind, new Map()).get(kind)!;
    let firstFailure: Failure | undefined;
    let timeStamp: string | undefined;
    for (const { plan, result } of results) {
      const before = held.get(plan.collection) ?? new Map<string, Held>();
      if (!result.ok) {
        firstFailure ??= result.error;
        // Read again from the landing page next time: the server may have moved or renamed it.
        discovery = undefined;
        reject({ source: settings.id, kind: plan.kind, id: null, reason: result.error.reason }, `collection:${plan.collection}:${result.error.reason}`);
        for (const id of before.keys()) seenOf(plan.kind).set(id, plan.collection);
        continue;
      }
      timeStamp = result.value.timeStamp ?? timeStamp;
      // Only what changed was asked for: what did not come is unchanged, not gone.
      const partial = sinceOf.get(plan.collection) !== undefined;
      if (result.value.firstTimeStamp === undefined) readSince.delete(plan.collection);
      else readSince.set(plan.collection, result.value.firstTimeStamp);
      partialPolls.set(plan.collection, partial ? (partialPolls.get(plan.collection) ?? 0) + 1 : 0);
      const { features, rejected: parseRejected, numberMatched } = result.value;
      for (const r of parseRejected) reject({ source: settings.id, kind: plan.kind, id: null, reason: `${plan.kind}: ${foldIndex(r.reason)}` }, `feature:${plan.collection}:${r.fingerprint}`);
      if (numberMatched !== undefined && numberMatched !== features.length + parseRejected.length) {
        const reason = `${settings.id} collection ${plan.collection}: the server matched ${numberMatched} features but its pages held ${features.length + parseRejected.length} (the data changed while paging, or the server stops early)`;
        reject({ source: settings.id, kind: plan.kind, id: null, reason }, `count:${plan.collection}:${numberMatched}:${features.length + parseRejected.length}`);
      }
      const diff = diffPolledList(
        before,
        features.map((feature) => mapFeature(feature, plan.mapping)),
        {
          delivered: seenOf(plan.kind),
          deliverer: plan.collection,
          partial,
          onDuplicate: ({ id, kind, fingerprint }, owner) => {
            const where = owner === plan.collection ? 'twice in the collection' : `also in collection ${owner}`;
            reject({ source: settings.id, kind, id: id ?? null, reason: `${kind}: id: duplicate id (${where})` }, `duplicate:${plan.collection}:${fingerprint}`);
          },
          accept: (mapped, previous) => {
            const version = versionOf(mapped, previous);
            const checked = validate(mapped, version, stamp);
            if (!checked.ok) {
              reject(checked.rejection, `invalid:${plan.collection}:${mapped.fingerprint}`);
              return undefined;
            }
            versions.set(`${mapped.kind}:${checked.value.record.id}`, version);
            return { fingerprint: mapped.fingerprint, kind: mapped.kind, record: checked.value.record };
          },
        },
      );
      for (const { kind, record } of diff.upserted) changes.push({ seq: ++sequence, kind, op: 'upsert', record });
      // The delete carries the version held: the store removes it, and a return with any newer version wins.
      for (const { kind, record } of diff.gone) changes.push({ seq: ++sequence, kind, op: 'delete', id: record.id, version: record.version });
      held.set(plan.collection, diff.held);
    }
    reported = stillBad;
    if (firstFailure && results.every(({ result }) => !result.ok)) {
      lastPoll = { ok: false, timeStamp: lastPoll.timeStamp };
      return { ok: false, error: firstFailure };
    }
    lastPoll = { ok: true, timeStamp: timeStamp ?? lastPoll.timeStamp };
    return success({ changes, rejected });
  }

  /** A box or time window is the server's to answer: read what it sends, leaving the polled state alone. */
  async function filteredSnapshot(query: SnapshotQuery, plans: readonly OgcCollectionPlan[]): Promise<Result<Snapshot>> {
    const itemsQuery: OgcItemsQuery = { ...(query.bbox ? { bbox: query.bbox } : {}), ...(query.from !== undefined ? { from: query.from } : {}), ...(query.to !== undefined ? { to: query.to } : {}) };
    const results = await readAll(plans, () => itemsQuery);
    const records: EntityRecord[] = [];
    const rejected: Rejection[] = [];
    const stamp = new Date(now()).toISOString();
    for (const { plan, result } of results) {
      if (!result.ok) {
        rejected.push({ source: settings.id, kind: plan.kind, id: null, reason: result.error.reason });
        continue;
      }
      for (const r of result.value.rejected) rejected.push({ source: settings.id, kind: plan.kind, id: null, reason: `${plan.kind}: ${foldIndex(r.reason)}` });
      for (const feature of result.value.features) {
        const mapped = mapFeature(feature, plan.mapping);
        const checked = validate(mapped, versionOf(mapped, mapped.id === undefined ? undefined : held.get(plan.collection)?.get(mapped.id)), stamp);
        if (!checked.ok) rejected.push(checked.rejection);
        // Servers answer a box by geometry, the dashboard by position; both must hold.
        else if (matchesSnapshotQuery(checked.value, query)) records.push(checked.value);
      }
    }
    if (results.length > 0 && results.every(({ result }) => !result.ok)) {
      const first = results[0]!.result;
      if (!first.ok) return { ok: false, error: first.error };
    }
    return success({ cursor: sequence, records, rejected });
  }

  return {
    id: settings.id,
    type: 'ogc-features',
    async capabilities(): Promise<Result<Capabilities>> {
      const found = await discover();
      if (!found.ok) return found;
      if (found.value.plans.length === 0) return noCollections(found.value);
      const kinds = [...new Set(found.value.plans.map((plan) => plan.kind))];
      return success({ kinds, stream: true, acknowledgeAlert: false, history: false });
    },
    async health(): Promise<Result<Health>> {
      return success({ ok: lastPoll.ok, time: lastPoll.timeStamp ?? null, latestCursor: sequence });
    },
    async snapshot(query = {}) {
      if (query.bbox || query.from !== undefined || query.to !== undefined) {
        const found = await discover();
        if (!found.ok) return found;
        const plans = found.value.plans.filter((plan) => !query.kinds || query.kinds.includes(plan.kind));
        return filteredSnapshot(query, plans);
      }
      const result = await poll();
      if (!result.ok) return result;
      const records: EntityRecord[] = [];
      for (const collection of held.values()) {
        for (const { kind, record } of collection.values()) if (!query.kinds || query.kinds.includes(kind)) records.push({ kind, record });
      }
      return success({ cursor: sequence, records, rejected: result.value.rejected });
    },
    subscribe(handlers, options) {
      const polled = async (): Promise<Result<PollOutcome>> => {
        const result = await poll();
        if (!result.ok) return result;
        return success({ ...result.value, sequence, ...(lastPoll.timeStamp ? { backendTime: lastPoll.timeStamp } : {}) });
      };
      return subscribeByPolling(polled, handlers, options, { intervalMs: settings.pollIntervalMs, now });
    },
    close() {
      held.clear();
    },
  };
}
