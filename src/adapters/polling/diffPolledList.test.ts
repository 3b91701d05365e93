import { describe, expect, it } from 'vitest';
import { type HeldItem, type PolledItem, diffPolledList } from './diffPolledList';

interface Item extends PolledItem {
  valid?: boolean;
}

const item = (id: string | undefined, content: string, valid = true): Item => ({ id, fingerprint: `${id}:${content}`, valid });
const heldOf = (...items: Item[]) => new Map(items.map((i) => [i.id!, { fingerprint: i.fingerprint, record: { id: i.id! } }]));
const acceptValid = (i: Item): HeldItem | undefined => (i.valid && i.id !== undefined ? { fingerprint: i.fingerprint, record: { id: i.id } } : undefined);

describe('diffPolledList', () => {
  it('upserts what is new or changed, keeps what is unchanged, and names what is gone', () => {
    const before = heldOf(item('A', 'a'), item('B', 'b'), item('C', 'c'));
    const diff = diffPolledList(before, [item('A', 'a'), item('B', 'b2'), item('D', 'd')], { accept: acceptValid, onDuplicate: () => {} });
    expect(diff.upserted.map((h) => h.fingerprint)).toEqual(['B:b2', 'D:d']);
    expect(diff.gone.map((h) => h.record.id)).toEqual(['C']);
    expect([...diff.held.keys()]).toEqual(['A', 'B', 'D']);
    expect(diff.held.get('A')).toBe(before.get('A'));
  });

  it('keeps what was held when a changed item is refused, and holds nothing for a refused new one', () => {
    const before = heldOf(item('A', 'a'));
    const diff = diffPolledList(before, [item('A', 'broken', false), item('N', 'new', false)], { accept: acceptValid, onDuplicate: () => {} });
    expect(diff.upserted).toEqual([]);
    expect(diff.gone).toEqual([]);
    expect([...diff.held.values()]).toEqual([before.get('A')]);
  });

  it('takes the first delivery of an id and reports the rest as duplicates, across lists that share deliveries', () => {
    const duplicates: [string, string][] = [];
    const delivered = new Map<string, string>();
    const onDuplicate = (i: Item, by: string) => duplicates.push([i.fingerprint, by]);
    diffPolledList(new Map(), [item('A', 'first'), item('A', 'second')], { accept: acceptValid, onDuplicate, delivered, deliverer: 'police' });
    diffPolledList(new Map(), [item('A', 'third')], { accept: acceptValid, onDuplicate, delivered, deliverer: 'checkpoints' });
    expect(duplicates).toEqual([['A:second', 'police'], ['A:third', 'police']]);
  });

  it('lets a later item with the id of a refused one through: only a delivered id is taken', () => {
    const diff = diffPolledList(new Map(), [item('A', 'bad', false), item('A', 'good')], { accept: acceptValid, onDuplicate: () => {} });
    expect(diff.upserted.map((h) => h.fingerprint)).toEqual(['A:good']);
  });

  it('in a partial poll, keeps what was not listed: unchanged, not gone', () => {
    const before = heldOf(item('A', 'a'), item('B', 'b'));
    const diff = diffPolledList(before, [item('B', 'b2')], { accept: acceptValid, onDuplicate: () => {}, partial: true });
    expect(diff.gone).toEqual([]);
    expect([...diff.held.keys()].sort()).toEqual(['A', 'B']);
    expect(diff.held.get('B')?.fingerprint).toBe('B:b2');
  });
});
