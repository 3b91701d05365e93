/**
 * One suite, two engines: the embedded PGlite the bundled backend uses by default, and a real
 * PostgreSQL server (Debian's, started here) as `DATABASE_URL` deployments use. Each test works
 * in a schema of its own, so one database per engine serves the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireChangeDraft } from '../../src/domain/wire';
import { STORE_ENGINES, type StoreDatabase } from '../../tests/contract/storeEngines';
import { ChangeStore, type TimedChangeDraft } from './changeStore';

const T0 = Date.parse('2026-12-01T08:00:00Z');
const MINUTE = 60_000;

const alert = (id: string, version: number, status = 'new') => ({ id, version, status, updatedAt: new Date(T0).toISOString() });
const upsert = (at: number, id: string, version: number, status?: string, kind: 'alert' | 'patrolTrack' = 'alert'): TimedChangeDraft => ({
  at,
  change: { kind, op: 'upsert', record: alert(id, version, status) } as WireChangeDraft,
});
const remove = (at: number, id: string, version: number): TimedChangeDraft => ({ at, change: { kind: 'alert', op: 'delete', id, version } });

let schemas = 0;

for (const engine of STORE_ENGINES) {
  describe.skipIf(engine.missing() !== undefined)(`the change store on ${engine.name}`, () => {
    let database: StoreDatabase;
    beforeAll(async () => {
      database = await engine.open();
    });
    afterAll(async () => {
      await database?.done();
    });
    const openStore = async (schema = `test_${++schemas}`) => ({ schema, store: await ChangeStore.open(await database.client(), { schema }) });

    it('keeps records, sequence and epoch across a reopen, and serves the log from a cursor', async () => {
      const { schema, store } = await openStore();
      expect(store.latestSeq).toBe(0);
      const seen: number[] = [];
      store.onChanges((changes) => seen.push(...changes.map((c) => c.seq)));
      await store.append([upsert(T0, 'a1', 1), upsert(T0, 'a2', 1)]);
      await store.append([upsert(T0 + MINUTE, 'a1', 2, 'acknowledged')]);
      expect(seen).toEqual([1, 2, 3]);
      expect(store.get('alert', 'a1')).toMatchObject({ version: 2, status: 'acknowledged' });
      const epoch = store.epoch;
      await store.close();

      const reopened = (await openStore(schema)).store;
      expect(reopened.epoch).toBe(epoch);
      expect(reopened.latestSeq).toBe(3);
      expect(reopened.snapshot(['alert']).records.map((r) => r.record)).toEqual([alert('a1', 2, 'acknowledged'), alert('a2', 1)]);
      expect((await reopened.changesAfter(1)).map((c) => c.seq)).toEqual([2, 3]);
      expect(reopened.canResumeAfter(0)).toBe(true);
      // The next write continues the sequence.
      const { applied } = await reopened.append([upsert(T0 + 2 * MINUTE, 'a3', 1)]);
      expect(applied.map((c) => c.seq)).toEqual([4]);
      await reopened.close();
      // Another database is another history.
      const other = (await openStore()).store;
      expect(other.epoch).not.toBe(epoch);
      await other.close();
    });

    it('refuses a change that is not newer than what it holds, and applies the rest of the batch', async () => {
      const { store } = await openStore();
      await store.append([upsert(T0, 'a1', 3)]);
      const outcome = await store.append([upsert(T0, 'a1', 3), upsert(T0, 'a1', 2), upsert(T0, 'a2', 1), upsert(T0, 'a2', 1), remove(T0, 'nobody', 1), upsert(T0, 'a1', 4)]);
      expect(outcome.applied.map((c) => [c.seq, c.op === 'upsert' ? (c.record as { id: string }).id : c.id])).toEqual([
        [2, 'a2'],
        [3, 'a1'],
      ]);
      expect(outcome.stale).toEqual([
        { kind: 'alert', id: 'a1', version: 3, storedVersion: 3 },
        { kind: 'alert', id: 'a1', version: 2, storedVersion: 3 },
        { kind: 'alert', id: 'a2', version: 1, storedVersion: 1 },
        { kind: 'alert', id: 'nobody', version: 1, storedVersion: undefined },
      ]);
      expect(store.get('alert', 'a1')?.version).toBe(4);
      await store.close();
    });

    it('keeps a deleted record\'s last version, so a resent upsert of it is stale, across a reopen, until its history is folded', async () => {
      const { schema, store } = await openStore();
      await store.append([upsert(T0, 'gone', 1), upsert(T0, 'gone', 2, 'closed'), remove(T0 + MINUTE, 'gone', 3)]);
      await store.close();
      const reopened = (await openStore(schema)).store;
      // A feeder replaying its past, or a batch retried after a lost answer: no resurrection.
      const replayed = await reopened.append([upsert(T0, 'gone', 1), upsert(T0, 'gone', 2, 'closed'), remove(T0 + MINUTE, 'gone', 3)]);
      expect(replayed.applied).toEqual([]);
      expect(replayed.stale.map((s) => [s.version, s.storedVersion])).toEqual([
        [1, 3],
        [2, 3],
        [3, 3],
      ]);
      expect(reopened.get('alert', 'gone')).toBeUndefined();
      expect(reopened.snapshot(['alert']).records).toEqual([]);
      // Its history folded away, the id is free again.
      await reopened.prune({ retainFromMs: T0 + 2 * MINUTE });
      expect((await reopened.append([upsert(T0 + 3 * MINUTE, 'gone', 1)])).applied).toHaveLength(1);
      await reopened.close();
    });

    it('commits settings with the changes, and a plan sees the writes queued before it', async () => {
      const { schema, store } = await openStore();
      const first = store.append([upsert(T0, 'a1', 1)], { 'cursor:feeder': '10' });
      const second = store.write((view) => {
        const current = view.get('alert', 'a1')!;
        return { changes: [{ at: T0 + MINUTE, change: { kind: 'alert', op: 'upsert', record: { ...current, version: current.version + 1, status: 'acknowledged' } } }], result: current.version };
      });
      expect((await second).result).toBe(1);
      await first;
      await store.close();
      const reopened = (await openStore(schema)).store;
      expect(reopened.meta('cursor:feeder')).toBe('10');
      expect(reopened.get('alert', 'a1')).toMatchObject({ version: 2, status: 'acknowledged' });
      await reopened.close();
    });

    it('acts once per idempotency key, audits every action with its outcome, and keeps both across a reopen', async () => {
      const { schema, store } = await openStore();
      await store.append([upsert(T0, 'a1', 1)]);
      const acknowledge = (key: string | undefined, actor: string) =>
        store.act(key, (view) => {
          const current = view.get('alert', 'a1')!;
          const audit = { at: T0 + MINUTE, actor, screen: 'duty', kind: 'alert' as const, recordId: 'a1', action: 'acknowledge' };
          if (current.status !== 'new') return { changes: [], result: undefined, audit: { ...audit, status: 409, response: { error: 'conflict' } } };
          const record = { ...current, version: current.version + 1, status: 'acknowledged' };
          return { changes: [{ at: T0 + MINUTE, change: { kind: 'alert', op: 'upsert', record } }], result: undefined, audit: { ...audit, status: 200, response: { record } } };
        });
      const first = await acknowledge('k-1', '球川派出所 李警官');
      expect(first).toMatchObject({ status: 200, replayed: false });
      // The same submit again (its answer was lost): the first answer, nothing written.
      expect(await acknowledge('k-1', '球川派出所 李警官')).toEqual({ ...first, replayed: true });
      expect(store.latestSeq).toBe(2);
      // Another desk, another key: refused, and audited as refused.
      expect(await acknowledge('k-2', '双明派出所 王警官')).toMatchObject({ status: 409, replayed: false });
      await store.close();
      const reopened = (await openStore(schema)).store;
      expect(await reopened.act('k-1', () => { throw new Error('must not run for a key already used'); })).toEqual({ ...first, replayed: true });
      expect((await reopened.auditTrail('alert', 'a1')).map(({ actor, screen, action, status }) => [actor, screen, action, status])).toEqual([
        ['球川派出所 李警官', 'duty', 'acknowledge', 200],
        ['双明派出所 王警官', 'duty', 'acknowledge', 409],
      ]);
      await reopened.close();
    });

    it('answers playback from the database: the state at the start, then each change in the window', async () => {
      const { store } = await openStore();
      await store.append([upsert(T0, 'a1', 1), upsert(T0, 'a2', 1)]);
      await store.append([upsert(T0 + 10 * MINUTE, 'a1', 2, 'acknowledged'), remove(T0 + 20 * MINUTE, 'a2', 2)]);
      await store.append([upsert(T0 + 40 * MINUTE, 'a3', 1)]);
      const window = await store.history(T0 + 15 * MINUTE, T0 + 30 * MINUTE);
      expect(window.base.map((r) => r.record)).toEqual([alert('a1', 2, 'acknowledged'), alert('a2', 1)]);
      expect(window.changes).toEqual([{ at: T0 + 20 * MINUTE, change: { kind: 'alert', op: 'delete', id: 'a2', version: 2, seq: 4 } }]);
      expect((await store.history(T0 + 15 * MINUTE, T0 + 30 * MINUTE, ['patrolTrack'])).base).toEqual([]);
      await store.close();
    });

    it('prunes old history to the state at the boundary and thins re-sent tracks, moving the resume floor past what it removed', async () => {
      const { store } = await openStore();
      await store.append([upsert(T0, 'a1', 1), upsert(T0 + MINUTE, 'a1', 2, 'acknowledged'), upsert(T0 + MINUTE, 'gone', 1), remove(T0 + 2 * MINUTE, 'gone', 2)]);
      const track = Array.from({ length: 12 }, (_, i) => upsert(T0 + i * 30_000, 'p1', i + 1, 'moving', 'patrolTrack'));
      await store.append(track);
      await store.append([upsert(T0 + 60 * MINUTE, 'a1', 3, 'closed')]);
      const removed = await store.prune({ retainFromMs: T0 + 30 * MINUTE, thinBeforeMs: T0 + 30 * MINUTE });
      // a1 v1, the whole of "gone", and all but the last of p1's upserts (each interval keeps its last; the fold keeps the newest).
      expect(removed).toBe(1 + 2 + 11);
      expect(store.historyFrom).toBe(T0 + 30 * MINUTE);
      expect(store.canResumeAfter(1)).toBe(false);
      const window = await store.history(T0, T0 + 90 * MINUTE);
      expect(window.fromMs).toBe(T0 + 30 * MINUTE);
      expect(window.base.map((r) => [(r.record as { id: string }).id, (r.record as { version: number }).version])).toEqual([
        ['a1', 2],
        ['p1', 12],
      ]);
      expect(window.changes.map((c) => c.change.seq)).toEqual([17]);
      await store.close();
    });

    it('thins a re-sent track to one report per interval within the retained window', async () => {
      const { store } = await openStore();
      // A report every 30 s for 20 minutes.
      await store.append(Array.from({ length: 40 }, (_, i) => upsert(T0 + i * 30_000, 'p1', i + 1, 'moving', 'patrolTrack')));
      await store.prune({ retainFromMs: T0 - MINUTE, thinBeforeMs: T0 + 20 * MINUTE });
      const kept = (await store.history(T0 - MINUTE, T0 + 30 * MINUTE)).changes.map((c) => c.at - T0);
      // The last report of each 5-minute interval (of the epoch's clock) stays, so no position of a 10-minute track is lost.
      expect(kept.length).toBe(4);
      for (let i = 1; i < kept.length; i++) expect(kept[i]! - kept[i - 1]!).toBeLessThanOrEqual(5 * MINUTE);
      expect(kept.at(-1)).toBe(39 * 30_000);
      await store.close();
    });
  });
}
