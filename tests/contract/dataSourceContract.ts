/**
 * One contract suite, run against every adapter (http over SSE and WebSocket against the real mock
 * server, ogc-features against the mock server's OGC API, geojson against files, mock in-process):
 * snapshot, live changes, resuming after a dropped connection with no loss and no duplicates,
 * convergence under out-of-order and duplicate delivery, malformed records rejected with reasons
 * while the valid ones are kept, and (for backends that declare it) history that replays to the
 * current state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Change, type DataSource, type EntityRecord, type Rejection, type StreamStatus, type Subscription, canReadHistory } from '../../src/adapters/contract';
import { EntityState } from '../../src/stores/entityState';
import { ENTITY_KINDS } from '../../src/domain/entities/entityKinds';

export interface ContractHarness {
  source: DataSource;
  /** Makes the backend change some records now. */
  produceChanges(): Promise<void>;
  /** The backend's own state: version by `kind:id`. */
  truth(): Promise<Map<string, number>>;
  /** Cuts every stream connection, as an outage would (adapters with streams). */
  dropConnections?(): Promise<void>;
  /** Makes the next batch carry malformed records beside valid ones. */
  injectMalformed?(): Promise<void>;
  /** Makes more changes than the backend's log keeps (call while the client is away). */
  outrunLog?(): Promise<void>;
  /** The sequence numbers the backend's log holds after `seq`, to compare a client's with. */
  logAfter?(seq: number): Promise<number[]>;
  /** Restarts the backend with another history (new epoch, unrelated versions), cutting streams. */
  replaceHistory?(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How long an outcome may take to show: generous, since only a failure waits it out, and on a busy
 * 2-core machine (CI, four browsers drawing in software) a stream went live after 10 s.
 */
const SETTLE_MS = 30_000;

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = SETTLE_MS, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

function stateVersions(state: EntityState, kinds: Iterable<string>): Map<string, number> {
  const versions = new Map<string, number>();
  for (const kind of kinds) {
    for (const record of state.collection(kind as never).values()) versions.set(`${kind}:${(record as { id: string }).id}`, (record as { version: number }).version);
  }
  return versions;
}

/** A client as the app has it: a store fed by a snapshot and then the stream. */
class Client {
  readonly state = new EntityState();
  readonly applied: Change[] = [];
  /** The first snapshot, as it came: the base a replay of the applied changes starts from. */
  initial: EntityRecord[] = [];
  cursor = 0;
  readonly rejected: Rejection[] = [];
  readonly statuses: StreamStatus[] = [];
  resyncs = 0;
  replaces = 0;
  private subscription: Subscription | undefined;

  constructor(private readonly source: DataSource) {}

  async start(): Promise<number> {
    const snapshot = await this.source.snapshot();
    if (!snapshot.ok) throw new Error(snapshot.error.reason);
    this.rejected.push(...snapshot.value.rejected);
    this.initial = structuredClone(snapshot.value.records);
    this.cursor = snapshot.value.cursor;
    this.state.replace(snapshot.value.records, new Map(), Date.now());
    this.subscription = this.source.subscribe(
      {
        onChanges: (changes) => {
          this.applied.push(...changes);
          this.state.apply(changes, Date.now());
        },
        onRejected: (rejections) => this.rejected.push(...rejections),
        onStatus: (status) => this.statuses.push(status),
        onResync: (fresh, { replace }) => {
          this.resyncs += 1;
          if (replace) this.replaces += 1;
          const owned = new Map<never, Set<string>>();
          for (const [key] of stateVersions(this.state, KINDS)) {
            const [kind, id] = key.split(':') as [never, string];
            (owned.get(kind) ?? owned.set(kind, new Set()).get(kind)!).add(id);
          }
          this.state.replace(fresh.records, owned, Date.now(), replace);
        },
      },
      { cursor: snapshot.value.cursor, ...(snapshot.value.epoch !== undefined ? { epoch: snapshot.value.epoch } : {}) },
    );
    return snapshot.value.cursor;
  }

  versions(): Map<string, number> {
    return stateVersions(this.state, KINDS);
  }

  stop(): void {
    this.subscription?.close();
  }
}

function stateFrom(records: EntityRecord[]): EntityState {
  const state = new EntityState();
  state.replace(structuredClone(records), new Map(), Date.now());
  return state;
}

const KINDS: readonly string[] = ENTITY_KINDS;

const sameState = (a: Map<string, number>, b: Map<string, number>) => a.size === b.size && [...a].every(([key, version]) => b.get(key) === version);

export function describeDataSourceContract(name: string, createHarness: () => Promise<ContractHarness>): void {
  // Reconnection waits out real backoff delays: more than vitest's default 5 s per test.
  describe(`data source contract: ${name}`, { timeout: 30_000 }, () => {
    let harness: ContractHarness;
    let client: Client;

    beforeEach(async () => {
      harness = await createHarness();
      client = new Client(harness.source);
    });
    afterEach(async () => {
      client.stop();
      await harness.close();
    });

    it('gives a snapshot equal to the backend’s state, with a cursor, every record valid', async () => {
      const cursor = await client.start();
      expect(Number.isInteger(cursor)).toBe(true);
      expect(client.rejected).toEqual([]);
      expect(client.versions().size).toBeGreaterThan(0);
      expect(sameState(client.versions(), await harness.truth())).toBe(true);
      const capabilities = await harness.source.capabilities();
      expect(capabilities.ok).toBe(true);
    });

    it('delivers live changes until the client’s state is the backend’s', async () => {
      await client.start();
      await harness.produceChanges();
      const truth = await harness.truth();
      await waitFor(() => sameState(client.versions(), truth), SETTLE_MS, 'the client to catch up');
      expect(client.applied.length).toBeGreaterThan(0);
      const seqs = client.applied.map((change) => change.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    });

    it('resumes a dropped connection with nothing lost and nothing applied twice', async (context) => {
      if (!harness.dropConnections) return context.skip();
      await client.start();
      await harness.produceChanges();
      await waitFor(async () => sameState(client.versions(), await harness.truth()), SETTLE_MS, 'the first batch');
      await harness.dropConnections();
      // Changes made while the client is away must arrive after it reconnects.
      await harness.produceChanges();
      await harness.produceChanges();
      const truth = await harness.truth();
      await waitFor(() => sameState(client.versions(), truth), SETTLE_MS, 'the client to resume and catch up');
      const seqs = client.applied.map((change) => change.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      // Every change the backend logged after the client's snapshot, once each, in order.
      if (harness.logAfter) expect(seqs).toEqual(await harness.logAfter(client.cursor));
      // Resumed from its cursor, not rescued by a new snapshot.
      expect(client.resyncs).toBe(0);
      expect(client.statuses.some((status) => status.state === 'reconnecting')).toBe(true);
      expect(client.statuses[client.statuses.length - 1]!.state).toBe('live');
    });

    it('falls back to a fresh snapshot when the backend no longer keeps what the client missed', async (context) => {
      if (!harness.dropConnections || !harness.outrunLog) return context.skip();
      await client.start();
      await waitFor(() => client.statuses.some((status) => status.state === 'live'), SETTLE_MS, 'the stream to go live');
      await harness.dropConnections();
      await harness.outrunLog();
      const truth = await harness.truth();
      await waitFor(() => sameState(client.versions(), truth), SETTLE_MS, 'the client to resync');
      expect(client.resyncs).toBeGreaterThan(0);
    });

    it('starts over, without a stale record, when the backend restarts with another history', async (context) => {
      if (!harness.replaceHistory) return context.skip();
      await client.start();
      await waitFor(() => client.statuses.some((status) => status.state === 'live'), SETTLE_MS, 'the stream to go live');
      await harness.replaceHistory();
      const truth = await harness.truth();
      await waitFor(() => sameState(client.versions(), truth), SETTLE_MS, 'the client to take the new history');
      expect(client.replaces).toBeGreaterThan(0);
    });

    it('converges on the same state whatever the order and however often changes arrive', async () => {
      await client.start();
      await harness.produceChanges();
      const truth = await harness.truth();
      await waitFor(() => sameState(client.versions(), truth), SETTLE_MS, 'the changes');
      // Replay the same changes shuffled and duplicated onto the client's first snapshot (which
      // predates them): the versions alone must bring it to the backend's state.
      expect(sameState(stateVersions(stateFrom(client.initial), KINDS), truth)).toBe(client.applied.length === 0);
      const shuffled = [...client.applied, ...client.applied].map((change, index) => ({ change, key: (index * 7919) % 104_729 }));
      shuffled.sort((a, b) => a.key - b.key);
      const replay = stateFrom(client.initial);
      replay.apply(shuffled.map((entry) => entry.change), Date.now());
      expect(sameState(stateVersions(replay, KINDS), truth)).toBe(true);
    });

    it('serves a window of history whose base and changes, replayed in order, end at the current state', async (context) => {
      const capabilities = await harness.source.capabilities();
      if (!capabilities.ok || !capabilities.value.history) return context.skip();
      const source = harness.source;
      if (!canReadHistory(source)) throw new Error(`${name} declares history but has no history()`);
      await harness.produceChanges();
      const health = await source.health();
      if (!health.ok || health.value.time === null) throw new Error('history needs the backend’s clock from health()');
      const to = health.value.time;
      const from = new Date(Date.parse(to) - 6 * 3_600_000).toISOString();
      const kinds = ['station', 'alert'] as const;
      const result = await source.history({ from, to, kinds });
      if (!result.ok) throw new Error(result.error.reason);
      const history = result.value;
      expect(history.rejected).toEqual([]);
      expect(Date.parse(history.from)).toBeGreaterThanOrEqual(Date.parse(from));
      expect(Date.parse(history.to)).toBe(Date.parse(to));
      expect(history.changes.length).toBeGreaterThan(0);
      const seqs = history.changes.map(({ change }) => change.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      for (const { at } of history.changes) expect(at > Date.parse(history.from) && at <= Date.parse(history.to)).toBe(true);
      const held = new Set([...history.base.map((r) => r.kind), ...history.changes.map(({ change }) => change.kind)]);
      expect([...held].every((kind) => (kinds as readonly string[]).includes(kind))).toBe(true);
      const replay = stateFrom(history.base);
      replay.apply(history.changes.map(({ change }) => change), Date.now());
      const truth = new Map([...(await harness.truth())].filter(([key]) => kinds.some((kind) => key.startsWith(`${kind}:`))));
      expect(stateVersions(replay, kinds)).toEqual(truth);
      // A window backwards is refused as a value the HUD can show, never thrown.
      const refused = await source.history({ from: to, to: from });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.reason).toMatch(/from must be before to/);
    });

    it('rejects malformed records one by one with a reason, and keeps the valid ones beside them', async (context) => {
      if (!harness.injectMalformed) return context.skip();
      await client.start();
      // Live first: a batch sent before the stream is up would come back only as the log's valid changes.
      await waitFor(() => client.statuses.some((status) => status.state === 'live'), SETTLE_MS, 'the stream to go live');
      await harness.injectMalformed();
      await harness.produceChanges();
      const truth = await harness.truth();
      await waitFor(() => sameState(client.versions(), truth), SETTLE_MS, 'the valid changes');
      await waitFor(() => client.rejected.length >= 5, SETTLE_MS, 'the rejections');
      for (const rejection of client.rejected) expect(rejection.reason.length).toBeGreaterThan(5);
      const reasons = client.rejected.map((r) => r.reason).join('\n');
      expect(reasons).toMatch(/severity|position|longitude|latitude|title|unknown kind|seq/);
      // Nothing invalid reached the state.
      for (const key of client.versions().keys()) expect(key).not.toMatch(/bad-|huge|proto|nan|deep/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
}
