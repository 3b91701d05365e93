import { describe, expect, it } from 'vitest';
import type { Change } from '../adapters/contract';
import type { Alert } from '../domain/entities/alert';
import { maskRecordForDisplay } from '../domain/maskRecordForDisplay';
import { EntityState } from './entityState';

const alert = (id: string, version: number, status: Alert['status'] = 'new', updatedAt = '2026-11-23T10:00:00Z'): Alert =>
  ({
    id,
    version,
    updatedAt,
    province: 'zj',
    county: '330822',
    position: [118.35, 28.83],
    source: 'test',
    severity: 3,
    watchlist: '在逃人员',
    subject: { type: 'person' },
    hit: { at: updatedAt, via: 'camera', deviceId: 'c', deviceName: 'c' },
    controlSide: 'jx',
    hitSide: 'zj',
    controlStationId: 's',
    status,
    statusTimes: { new: updatedAt, [status]: updatedAt },
  }) as Alert;

const upsert = (seq: number, record: Alert): Change => ({ seq, kind: 'alert', op: 'upsert', record });
const remove = (seq: number, id: string, version: number): Change => ({ seq, kind: 'alert', op: 'delete', id, version });

describe('EntityState', () => {
  it('keeps the newest version and reports what changed', () => {
    const state = new EntityState();
    expect(state.apply([upsert(1, alert('a', 1)), upsert(2, alert('b', 1))], 0)).toEqual({ alert: { added: ['a', 'b'], updated: [], removed: [] } });
    expect(state.apply([upsert(3, alert('a', 2, 'acknowledged'))], 0)).toEqual({ alert: { added: [], updated: ['a'], removed: [] } });
    expect(state.collection('alert').get('a')!.status).toBe('acknowledged');
  });

  it('ignores older and duplicate versions, so redelivery and reordering change nothing', () => {
    const state = new EntityState();
    state.apply([upsert(2, alert('a', 2, 'acknowledged'))], 0);
    expect(state.apply([upsert(1, alert('a', 1)), upsert(2, alert('a', 2, 'acknowledged'))], 0)).toEqual({});
    expect(state.collection('alert').get('a')!.version).toBe(2);
  });

  it('does not let a late, older upsert bring a deleted record back', () => {
    const state = new EntityState();
    state.apply([upsert(1, alert('a', 1)), remove(3, 'a', 3)], 0);
    expect(state.count('alert')).toBe(0);
    state.apply([upsert(2, alert('a', 2))], 0);
    expect(state.count('alert')).toBe(0);
    // …but a genuinely newer one does.
    state.apply([upsert(4, alert('a', 4))], 0);
    expect(state.count('alert')).toBe(1);
  });

  it('ignores a delete older than the record it would remove', () => {
    const state = new EntityState();
    state.apply([upsert(2, alert('a', 5))], 0);
    expect(state.apply([remove(1, 'a', 3)], 0)).toEqual({});
    expect(state.count('alert')).toBe(1);
  });

  it('replaces a source’s records with its fresh snapshot and leaves other sources alone', () => {
    const state = new EntityState();
    state.apply([upsert(1, alert('mine-1', 1)), upsert(2, alert('mine-2', 1)), upsert(3, alert('theirs', 1))], 0);
    const diff = state.replace([{ kind: 'alert', record: alert('mine-1', 2) }], new Map([['alert', new Set(['mine-1', 'mine-2'])]]), 0);
    expect(diff).toEqual({ alert: { added: [], updated: ['mine-1'], removed: ['mine-2'] } });
    expect([...state.collection('alert').values()].map((a) => a.id).sort()).toEqual(['mine-1', 'theirs']);
  });

  it('takes a restarted source’s snapshot as it is: lower versions win, deletes of the old history are forgotten, nothing looks new', () => {
    const state = new EntityState();
    state.apply([upsert(1, alert('a', 9)), upsert(2, alert('b', 4)), upsert(3, alert('c', 7)), remove(4, 'c', 8)], 0);
    const owned = new Map([['alert' as const, new Set(['a', 'b'])]]);
    const diff = state.replace([{ kind: 'alert', record: alert('a', 2) }, { kind: 'alert', record: alert('c', 1) }], owned, 0, true);
    // a: held and in the snapshot, so updated (an old alert must not pulse or chime as new); b: gone.
    expect(diff.alert).toEqual({ added: ['c'], updated: ['a'], removed: ['b'] });
    expect(state.collection('alert').get('a')?.version).toBe(2);
    // c was deleted at version 8 in the old history; the new history's version 1 is the truth now.
    expect(state.collection('alert').get('c')?.version).toBe(1);
    // And the new history goes on from there.
    state.apply([upsert(5, alert('a', 3))], 0);
    expect(state.collection('alert').get('a')?.version).toBe(3);
  });

  it('merges a snapshot of the same history by version', () => {
    const state = new EntityState();
    state.apply([upsert(1, alert('a', 9))], 0);
    const diff = state.replace([{ kind: 'alert', record: alert('a', 2) }], new Map([['alert' as const, new Set(['a'])]]), 0);
    expect(diff).toEqual({});
    expect(state.collection('alert').get('a')?.version).toBe(9);
  });

  it('ages out closed records after the retention window and keeps open ones', () => {
    const state = new EntityState();
    state.apply(
      [
        upsert(1, alert('closed-old', 3, 'closed', '2026-11-20T00:00:00Z')),
        upsert(2, alert('closed-new', 3, 'closed', '2026-11-23T09:00:00Z')),
        upsert(3, alert('open-old', 1, 'new', '2026-11-20T00:00:00Z')),
        remove(4, 'gone', 2),
      ],
      Date.parse('2026-11-20T00:00:00Z'),
    );
    const diff = state.prune(Date.parse('2026-11-23T10:00:00Z'), 24 * 3600_000);
    expect(diff).toEqual({ alert: { added: [], updated: [], removed: ['closed-old'] } });
    expect([...state.collection('alert').values()].map((a) => a.id).sort()).toEqual(['closed-new', 'open-old']);
    // Tombstones age out too: memory stays flat on a wall that runs for months.
    expect(state.collection('alert').tombstoneCount).toBe(0);
  });

  it('keeps every record as its prepare step makes it, by change and by snapshot alike', () => {
    const state = new EntityState(maskRecordForDisplay);
    const subject = { type: 'person' as const, name: '王小明', idNumber: '330822199001011234' };
    state.apply([upsert(1, { ...alert('a', 1), subject })], 0);
    state.replace([{ kind: 'alert', record: { ...alert('b', 1), subject } }], new Map(), 0);
    for (const id of ['a', 'b']) expect(state.collection('alert').get(id)!.subject).toEqual({ type: 'person', name: '王**', idNumber: '330822********1234' });
    // A duty screen allowed to see personal data keeps it whole.
    state.setPrepare((_kind, record) => record);
    state.apply([upsert(2, { ...alert('a', 2), subject })], 0);
    expect(state.collection('alert').get('a')!.subject.idNumber).toBe('330822199001011234');
  });

  it('masks only the records it keeps: a redelivered, stale or deleted version is turned away unmasked', () => {
    const prepared: string[] = [];
    const state = new EntityState((kind, record) => {
      prepared.push(`${record.id}@${record.version}`);
      return maskRecordForDisplay(kind, record);
    });
    state.apply([upsert(1, alert('a', 2)), upsert(2, alert('a', 2)), upsert(3, alert('a', 1)), upsert(4, alert('b', 1)), remove(5, 'b', 3), upsert(6, alert('b', 2))], 0);
    state.replace([{ kind: 'alert', record: alert('a', 2) }, { kind: 'alert', record: alert('a', 3) }], new Map(), 0);
    expect(prepared).toEqual(['a@2', 'b@1', 'a@3']);
    // A restarted source's snapshot is kept whatever its versions, so each of its records is masked.
    state.replace([{ kind: 'alert', record: alert('a', 1) }], new Map(), 0, true);
    expect(prepared).toEqual(['a@2', 'b@1', 'a@3', 'a@1']);
  });
});
