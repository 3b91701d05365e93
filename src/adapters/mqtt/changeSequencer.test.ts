import { describe, expect, it } from 'vitest';
import { ChangeSequencer } from './changeSequencer';

const change = (seq: number, id = `a${seq}`) => ({ seq, kind: 'alert', op: 'delete', id, version: seq });
const seqs = (released: { entries: unknown[] } | undefined) => released?.entries.map((entry) => (entry as { seq: number }).seq);

describe('ChangeSequencer', () => {
  it('holds a change back until every change before it has arrived, then releases them in order', () => {
    const sequencer = new ChangeSequencer(10);
    expect(sequencer.add([change(13)])).toBeUndefined();
    expect(sequencer.add([change(12)])).toBeUndefined();
    expect(sequencer.hasGap).toBe(true);
    expect(seqs(sequencer.add([change(11)]))).toEqual([11, 12, 13]);
    expect(sequencer.cursor).toBe(13);
    expect(sequencer.hasGap).toBe(false);
  });

  it('drops what was released already and exact repeats of what is held (QoS 1 redelivery)', () => {
    const sequencer = new ChangeSequencer(0);
    expect(seqs(sequencer.add([change(1), change(2)]))).toEqual([1, 2]);
    expect(sequencer.add([change(2), change(1)])).toBeUndefined();
    sequencer.add([change(4)]);
    sequencer.add([change(4)]);
    expect(sequencer.held).toBe(1);
    expect(seqs(sequencer.add([change(3)]))).toEqual([3, 4]);
  });

  it('keeps two different entries with one number together, for the gate to judge', () => {
    const sequencer = new ChangeSequencer(0);
    const released = sequencer.add([change(1, 'good'), { seq: 1, kind: 'alert', op: 'upsert', record: { id: 'bad' } }]);
    expect(released?.entries).toHaveLength(2);
    expect(released?.seq).toBe(1);
  });

  it('counts a heartbeat ahead of the cursor as a gap', () => {
    const sequencer = new ChangeSequencer(5);
    sequencer.noteLatest(7);
    expect(sequencer.hasGap).toBe(true);
    expect(seqs(sequencer.add([change(6), change(7)]))).toEqual([6, 7]);
    expect(sequencer.hasGap).toBe(false);
  });

  it('takes a page of the change log as covering everything up to its seq, then releases what was held after it', () => {
    const sequencer = new ChangeSequencer(0);
    sequencer.add([change(2), change(5)]);
    // A page of other kinds' numbers up to 3 holds only change 1 of the kinds asked for.
    const released = sequencer.fill([change(1), change(2)], 3);
    expect(seqs(released)).toEqual([1, 2]);
    expect(sequencer.cursor).toBe(3);
    expect(sequencer.held).toBe(1);
    expect(seqs(sequencer.fill([change(4)], 4))).toEqual([4, 5]);
    expect(sequencer.fill([], 5)).toBeUndefined();
  });
});
