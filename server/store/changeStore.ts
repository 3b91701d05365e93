/**
 * The backend's one change log and the current state it leads to, kept in PostgreSQL (PGlite or a
 * server, see sqlClient.ts). Every writer goes through `write`: a source system's batch, the
 * simulator, an officer's action. Each write is one transaction that appends its changes with
 * their sequence numbers, updates the current records and moves the stored sequence, so a
 * `kill -9` at any moment leaves the log, the state, the epoch and the sequence as of the last
 * commit: nothing acknowledged is lost, nothing half-written is seen.
 *
 * The current records are also held in memory (read at open): snapshots and the version checks
 * of writes need no query. One backend process writes a database; writes are queued in-process
 * so version checks and sequence numbers follow commit order.
 */
import { randomUUID } from 'node:crypto';
import { ENTITY_KINDS, type EntityKind } from '../../src/domain/entities/entityKinds';
import type { WireChange, WireChangeDraft, WireRecord } from '../../src/domain/wire';
import type { SqlClient, SqlQueryable } from './sqlClient';
import { createTables } from './createTables';
import { type AuditEntry, auditTrailOf, findByKey, insertAuditEntry } from './auditEntry';

/** A change to append, with the time it was made at its source (epoch ms), for playback. */
export interface TimedChangeDraft {
  at: number;
  change: WireChangeDraft;
}

export interface TimedChange {
  at: number;
  change: WireChange;
}

/** A change refused because the store already holds that record at the same or a newer version. */
interface StaleChange {
  kind: EntityKind;
  id: string;
  version: number;
  storedVersion: number | undefined;
}

export interface WritePlan<T> {
  changes: readonly TimedChangeDraft[];
  /** Settings committed with the changes (a source's cursor), so both survive or neither. */
  meta?: Readonly<Record<string, string>>;
  /** An officer's action, kept in the audit trail in the same transaction as its changes. */
  audit?: AuditEntry;
  result: T;
}

export interface WriteOutcome<T> {
  result: T;
  applied: WireChange[];
  stale: StaleChange[];
}

export interface HistoryWindow {
  fromMs: number;
  toMs: number;
  /** The state at `fromMs`. */
  base: WireRecord[];
  /** Every kept change with `fromMs < at <= toMs`, in sequence order. */
  changes: TimedChange[];
}

/** What a write plan reads: the current state, as of the writes queued before it. */
export interface StoreView {
  get(kind: EntityKind, id: string): VersionedRecord | undefined;
  meta(key: string): string | undefined;
}

export interface VersionedRecord {
  id: string;
  version: number;
  [field: string]: unknown;
}

/** A record's state within one write: `record` null once deleted; `version` the one the write made. */
interface PendingRecord {
  kind: EntityKind;
  id: string;
  version: number;
  /** The change that made this state. */
  seq: number;
  record: VersionedRecord | null;
}

/** Rows per INSERT: 1,000 rows of 6 fields stay far below PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 1000;

/** `($1,$2),($3,$4)…` for `rows` rows of `fields` parameters. */
function placeholders(rows: number, fields: number): string {
  return Array.from({ length: rows }, (_, row) => `(${Array.from({ length: fields }, (_, field) => `$${row * fields + field + 1}`).join(',')})`).join(',');
}

const recordIdOf = (change: WireChangeDraft): string => (change.op === 'delete' ? change.id : (change.record as VersionedRecord).id);
const versionOf = (change: WireChangeDraft): number => (change.op === 'delete' ? change.version : (change.record as VersionedRecord).version);

export class ChangeStore {
  private readonly records = new Map<EntityKind, Map<string, VersionedRecord>>(ENTITY_KINDS.map((kind) => [kind, new Map()]));
  /**
   * The version each deleted record ended at (kind NUL id), until its history is folded away: a
   * resent upsert of a deleted record (a retried batch, a feeder replaying its past) is stale, not
   * a resurrection.
   */
  private readonly tombstones = new Map<string, number>();
  private readonly settings = new Map<string, string>();
  private readonly listeners = new Set<(changes: WireChange[]) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private resumeFloor = 0;
  private historyFromMs = 0;
  private latestAtMs = 0;
  private closed = false;

  private constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
    /** Which history the log belongs to: made with the database, kept for its life. */
    readonly epoch: string,
  ) {}

  /**
   * Opens the store in `schema` (created with its tables when missing), reading the current
   * records into memory. A new database gets a new epoch; an existing one keeps its own.
   */
  static async open(client: SqlClient, options: { schema?: string } = {}): Promise<ChangeStore> {
    const schema = options.schema ?? 'safe_border';
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) throw new Error(`schema must be a lower-case SQL name, not ${JSON.stringify(schema)}`);
    await createTables(client, schema);
    const epoch = await client.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${schema}.meta (key, value) VALUES ('epoch', $1), ('seq', '0'), ('resume_floor', '0') ON CONFLICT (key) DO NOTHING`, [randomUUID()]);
      const rows = (await tx.query<{ value: string }>(`SELECT value FROM ${schema}.meta WHERE key = 'epoch'`)).rows;
      return rows[0]!.value;
    });
    const store = new ChangeStore(client, schema, epoch);
    await store.load();
    return store;
  }

  private async load(): Promise<void> {
    for (const { key, value } of (await this.client.query<{ key: string; value: string }>(`SELECT key, value FROM ${this.schema}.meta`)).rows) this.settings.set(key, value);
    this.seq = Number(this.settings.get('seq'));
    this.resumeFloor = Number(this.settings.get('resume_floor'));
    const first = await this.client.query<{ at: number }>(`SELECT at FROM ${this.schema}.changes ORDER BY seq LIMIT 1`);
    this.historyFromMs = Number(this.settings.get('history_from') ?? first.rows[0]?.at ?? 0);
    const last = await this.client.query<{ at: number | null }>(`SELECT max(at) AS at FROM ${this.schema}.changes`);
    this.latestAtMs = Number(last.rows[0]?.at ?? 0);
    // A record's current state is its latest change, which pruning always keeps.
    const rows = await this.client.query<{ kind: EntityKind; id: string; version: number; deleted: boolean; body: string | null }>(
      `SELECT r.kind, r.id, r.version, r.deleted, c.body FROM ${this.schema}.current_records r LEFT JOIN ${this.schema}.changes c ON c.seq = r.seq ORDER BY r.kind, r.id`,
    );
    for (const { kind, id, version, deleted, body } of rows.rows) {
      if (deleted) {
        this.tombstones.set(`${kind}\u0000${id}`, Number(version));
        continue;
      }
      if (body === null) throw new Error(`the store is inconsistent: ${kind} ${id} has no change for its current version ${version}`);
      this.records.get(kind)?.set(id, (JSON.parse(body) as { record: VersionedRecord }).record);
    }
  }

  get engine(): SqlClient['engine'] {
    return this.client.engine;
  }

  /** The sequence number of the newest committed change (0 before the first). */
  get latestSeq(): number {
    return this.seq;
  }

  /** The oldest change a client can resume from: older cursors take a new snapshot. */
  get oldestSeq(): number {
    return this.resumeFloor + 1;
  }

  /** The oldest moment playback can start at. */
  get historyFrom(): number {
    return this.historyFromMs;
  }

  /** The latest source time of any change (epoch ms; 0 before the first): a fed clock goes on from here. */
  get latestAt(): number {
    return this.latestAtMs;
  }

  canResumeAfter(seq: number): boolean {
    return seq >= this.resumeFloor && seq <= this.seq;
  }

  get(kind: EntityKind, id: string): VersionedRecord | undefined {
    return this.records.get(kind)!.get(id);
  }

  all(kind: EntityKind): IterableIterator<VersionedRecord> {
    return this.records.get(kind)!.values();
  }

  count(kind: EntityKind): number {
    return this.records.get(kind)!.size;
  }

  meta(key: string): string | undefined {
    return this.settings.get(key);
  }

  /** The current state, consistent with the log up to `seq`. */
  snapshot(kinds: readonly EntityKind[] = ENTITY_KINDS): { seq: number; records: WireRecord[] } {
    const records: WireRecord[] = [];
    for (const kind of kinds) for (const record of this.records.get(kind)!.values()) records.push({ kind, record });
    return { seq: this.seq, records };
  }

  /** Called with every committed batch, in sequence order. */
  onChanges(listener: (changes: WireChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `plan` against the current state, after every write queued before it, and commits what
   * it returns in one transaction. A change whose version is not above the stored record's is
   * refused as stale (a retried or out-of-order delivery) and reported; the rest are applied.
   */
  write<T>(plan: (view: StoreView) => WritePlan<T>): Promise<WriteOutcome<T>> {
    const run = this.queue.then(() => this.commit(plan));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * An officer's action: `plan` runs as a write and its audit entry is committed with it. With an
   * idempotency key already used, nothing runs and the first answer is given again, so a submit
   * retried after a lost answer never acts twice.
   */
  act(key: string | undefined, plan: (view: StoreView) => WritePlan<undefined> & { audit: AuditEntry }): Promise<{ status: number; response: unknown; replayed: boolean }> {
    const run = this.queue.then(async () => {
      const earlier = key === undefined ? undefined : await findByKey(this.client, this.schema, key);
      if (earlier) return { ...earlier, replayed: true };
      let audit: AuditEntry | undefined;
      await this.commit((view) => {
        const planned = plan(view);
        audit = { ...planned.audit, ...(key !== undefined ? { key } : {}) };
        return { ...planned, audit };
      });
      return { status: audit!.status, response: audit!.response, replayed: false };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A record's audit trail: who acted on it, from which screen, when, and how it went. */
  auditTrail(kind: EntityKind, recordId: string): ReturnType<typeof auditTrailOf> {
    return auditTrailOf(this.client, this.schema, kind, recordId);
  }

  /** Appends changes as a source sent them (see `write`). */
  append(changes: readonly TimedChangeDraft[], meta?: Readonly<Record<string, string>>): Promise<WriteOutcome<undefined>> {
    return this.write(() => ({ changes, ...(meta ? { meta } : {}), result: undefined }));
  }

  private async commit<T>(plan: (view: StoreView) => WritePlan<T>): Promise<WriteOutcome<T>> {
    if (this.closed) throw new Error('the store is closed');
    const planned = plan({ get: (kind, id) => this.get(kind, id), meta: (key) => this.meta(key) });
    /** The batch's own effect so far, so two changes to one record in a batch are checked in turn. */
    const pending = new Map<string, PendingRecord>();
    const applied: TimedChange[] = [];
    const stale: StaleChange[] = [];
    let seq = this.seq;
    for (const { at, change } of planned.changes) {
      const id = recordIdOf(change);
      const key = `${change.kind}\u0000${id}`;
      const earlier = pending.get(key);
      const live = earlier ? earlier.record : this.get(change.kind, id);
      const storedVersion = earlier ? earlier.version : (live?.version ?? this.tombstones.get(key));
      const version = versionOf(change);
      if ((storedVersion !== undefined && version <= storedVersion) || (!live && change.op === 'delete')) {
        stale.push({ kind: change.kind, id, version, storedVersion });
        continue;
      }
      seq += 1;
      applied.push({ at, change: { ...change, seq } as WireChange });
      pending.set(key, { kind: change.kind, id, version, seq, record: change.op === 'upsert' ? (change.record as VersionedRecord) : null });
    }
    const meta = planned.meta ?? {};
    if (applied.length > 0 || Object.keys(meta).length > 0 || planned.audit) {
      await this.client.transaction(async (tx) => {
        if (applied.length > 0) await this.insertChanges(tx, applied, pending);
        if (planned.audit) await insertAuditEntry(tx, this.schema, planned.audit);
        const settings = { ...meta, seq: String(seq) };
        await tx.query(
          `INSERT INTO ${this.schema}.meta (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [Object.keys(settings), Object.values(settings)],
        );
      });
    }
    for (const [key, value] of Object.entries(meta)) this.settings.set(key, value);
    for (const [key, { kind, id, version, record }] of pending) {
      if (record) {
        this.records.get(kind)!.set(id, record);
        this.tombstones.delete(key);
      } else {
        this.records.get(kind)!.delete(id);
        this.tombstones.set(key, version);
      }
    }
    this.seq = seq;
    if (this.historyFromMs === 0 && applied.length > 0) this.historyFromMs = applied[0]!.at;
    for (const { at } of applied) if (at > this.latestAtMs) this.latestAtMs = at;
    const changes = applied.map(({ change }) => change);
    if (changes.length > 0) for (const listener of this.listeners) listener(changes);
    return { result: planned.result, applied: changes, stale };
  }

  /**
   * Multi-row VALUES with one parameter per field: on both engines several times faster than
   * array parameters (`unnest`), whose text-array encoding escapes every quote of the JSON again.
   */
  private async insertChanges(tx: SqlQueryable, applied: readonly TimedChange[], pending: Map<string, PendingRecord>): Promise<void> {
    for (let i = 0; i < applied.length; i += ROWS_PER_STATEMENT) {
      const rows = applied.slice(i, i + ROWS_PER_STATEMENT);
      const params = rows.flatMap(({ at, change }) => [change.seq, at, change.kind, recordIdOf(change), change.op, JSON.stringify(change)]);
      await tx.query(`INSERT INTO ${this.schema}.changes (seq, at, kind, id, op, body) VALUES ${placeholders(rows.length, 6)}`, params);
    }
    // The current record points at its latest change; a deleted one stays as a tombstone (its
    // last version), so a late upsert of it is stale.
    const entries = [...pending.values()];
    for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
      const rows = entries.slice(i, i + ROWS_PER_STATEMENT);
      const params = rows.flatMap((e) => [e.kind, e.id, e.version, e.seq, e.record === null]);
      await tx.query(
        `INSERT INTO ${this.schema}.current_records (kind, id, version, seq, deleted) VALUES ${placeholders(rows.length, 5)}
         ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, seq = excluded.seq, deleted = excluded.deleted`,
        params,
      );
    }
  }

  /** Changes after `seq`, oldest first, at most `limit` of them (see `canResumeAfter`). */
  async changesAfter(seq: number, limit = 1000): Promise<WireChange[]> {
    if (seq >= this.seq) return [];
    const rows = await this.client.query<{ body: string }>(`SELECT body FROM ${this.schema}.changes WHERE seq > $1 ORDER BY seq LIMIT $2`, [seq, limit]);
    return rows.rows.map(({ body }) => JSON.parse(body) as WireChange);
  }

  /** The state at `fromMs` and every kept change after it up to `toMs`, read from the database. */
  async history(fromMs: number, toMs: number, kinds: readonly EntityKind[] = ENTITY_KINDS): Promise<HistoryWindow> {
    const from = Math.max(fromMs, this.historyFromMs);
    const to = Math.max(toMs, from);
    const baseRows = await this.client.query<{ op: string; body: string }>(
      `SELECT DISTINCT ON (kind, id) op, body FROM ${this.schema}.changes WHERE at <= $1 AND kind = ANY($2::text[]) ORDER BY kind, id, seq DESC`,
      [from, [...kinds]],
    );
    const base: WireRecord[] = [];
    for (const { op, body } of baseRows.rows) {
      if (op !== 'upsert') continue;
      const change = JSON.parse(body) as Extract<WireChange, { op: 'upsert' }>;
      base.push({ kind: change.kind, record: change.record });
    }
    const changeRows = await this.client.query<{ at: number; body: string }>(
      `SELECT at, body FROM ${this.schema}.changes WHERE at > $1 AND at <= $2 AND kind = ANY($3::text[]) ORDER BY seq`,
      [from, to, [...kinds]],
    );
    return { fromMs: from, toMs: to, base, changes: changeRows.rows.map(({ at, body }) => ({ at: Number(at), change: JSON.parse(body) as WireChange })) };
  }

  /**
   * Keeps the database from growing without end: changes made before `retainFromMs` are folded
   * (only each record's last change before it stays, the state there; a record deleted by then
   * leaves nothing), and re-sent kinds older than `thinBeforeMs` keep one upsert per record per
   * `thinIntervalMs` (a patrol track re-sent every 15 s holds 10 minutes of positions, so one in
   * five minutes loses no position). A client whose cursor predates what was removed resyncs from
   * a snapshot (`oldestSeq` moves past it).
   */
  prune(options: { retainFromMs: number; thinBeforeMs?: number; thinKinds?: readonly EntityKind[]; thinIntervalMs?: number }): Promise<number> {
    const run = this.queue.then(() => this.pruneNow(options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async pruneNow({ retainFromMs, thinBeforeMs, thinKinds = ['patrolTrack'], thinIntervalMs = 5 * 60_000 }: Parameters<ChangeStore['prune']>[0]): Promise<number> {
    const s = this.schema;
    const { removed, floor } = await this.client.transaction(async (tx) => {
      const folded = await tx.query<{ seq: number }>(
        `DELETE FROM ${s}.changes c WHERE c.at <= $1 AND (c.op = 'delete' OR EXISTS (SELECT 1 FROM ${s}.changes n WHERE n.kind = c.kind AND n.id = c.id AND n.seq > c.seq AND n.at <= $1)) RETURNING seq`,
        [retainFromMs],
      );
      let thinned: { seq: number }[] = [];
      if (thinBeforeMs !== undefined) {
        // Of one record's upserts in one interval, the last stays (and so does the record's latest change).
        thinned = (
          await tx.query<{ seq: number }>(
            `DELETE FROM ${s}.changes c WHERE c.kind = ANY($1::text[]) AND c.op = 'upsert' AND c.at < $2
             AND EXISTS (SELECT 1 FROM ${s}.changes n WHERE n.kind = c.kind AND n.id = c.id AND n.seq > c.seq AND n.at / $3 = c.at / $3) RETURNING seq`,
            [[...thinKinds], thinBeforeMs, thinIntervalMs],
          )
        ).rows;
      }
      // Tombstones whose whole history is folded away go too: nothing of theirs can come back.
      const buried = await tx.query<{ kind: string; id: string }>(
        `DELETE FROM ${s}.current_records r WHERE r.deleted AND NOT EXISTS (SELECT 1 FROM ${s}.changes c WHERE c.kind = r.kind AND c.id = r.id) RETURNING kind, id`,
      );
      for (const { kind, id } of buried.rows) this.tombstones.delete(`${kind}\u0000${id}`);
      // The audit trail is kept (who did what is a record of its own); the answers kept for
      // replaying a retried submit are not needed past the retention, and they hold whole records.
      await tx.query(`UPDATE ${s}.actions SET response = 'null' WHERE at < $1 AND response <> 'null'`, [retainFromMs]);
      const seqs = [...folded.rows, ...thinned].map(({ seq }) => Number(seq));
      const floor = Math.max(this.resumeFloor, ...seqs);
      const historyFrom = Math.max(this.historyFromMs, retainFromMs);
      await tx.query(`INSERT INTO ${s}.meta (key, value) VALUES ('resume_floor', $1), ('history_from', $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [String(floor), String(historyFrom)]);
      return { removed: seqs.length, floor };
    });
    this.resumeFloor = floor;
    this.historyFromMs = Math.max(this.historyFromMs, retainFromMs);
    return removed;
  }

  /** Waits for queued writes, then closes the connection. */
  async close(): Promise<void> {
    await this.queue;
    this.closed = true;
    this.listeners.clear();
    await this.client.close();
  }
}
