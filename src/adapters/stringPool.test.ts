import { describe, expect, it } from 'vitest';
import { createStringPool, poolRepeatedFields } from './stringPool';

const event = () => ({
  id: 'ge-000123',
  version: 3,
  updatedAt: '2026-11-23T10:00:05Z',
  province: 'zj',
  county: '330822',
  source: 'grid-platform',
  title: '矛盾纠纷',
  category: 'dispute',
  stage: 'analyze',
  stages: [
    { stage: 'discover', at: '2026-11-23T09:58:00Z', side: 'zj' },
    { stage: 'analyze', at: '2026-11-23T10:00:05Z', side: 'jx' },
  ],
  handoffs: [{ at: '2026-11-23T10:00:05Z', fromSide: 'zj', toSide: 'jx', note: '跨省交办' }],
  reporter: { name: '网格员', role: 'grid-worker' },
});

describe('poolRepeatedFields', () => {
  it('pools the repeated fields, inside nested objects and arrays, and leaves the record equal to what it was', () => {
    const pool = createStringPool();
    const record = event();
    poolRepeatedFields('gridEvent', record, pool);
    expect(record).toEqual(event());
    for (const value of ['zj', 'jx', '330822', 'grid-platform', '矛盾纠纷', 'dispute', 'analyze', 'discover', '网格员', 'grid-worker']) expect(pool.has(value)).toBe(true);
  });

  it('leaves ids, timestamps and free text out of the pool, where they would only take room', () => {
    const pool = createStringPool();
    poolRepeatedFields('gridEvent', event(), pool);
    for (const value of ['ge-000123', '2026-11-23T10:00:05Z', '2026-11-23T09:58:00Z', '跨省交办']) expect(pool.has(value)).toBe(false);
  });

  it('skips fields a record does not have, and values that are not strings', () => {
    const pool = createStringPool();
    const record = { id: 'a', province: 'jx', checkpoint: null, stationKind: 7 };
    poolRepeatedFields('station', record, pool);
    expect(record).toEqual({ id: 'a', province: 'jx', checkpoint: null, stationKind: 7 });
    expect(pool.size).toBe(1);
  });
});

describe('createStringPool', () => {
  it('stops growing at its bound and still answers for what it holds', () => {
    const pool = createStringPool(3);
    for (const value of ['a', 'b', 'c', 'd', 'e']) expect(pool.intern(value)).toBe(value);
    expect(pool.size).toBe(3);
    expect(pool.has('a')).toBe(true);
    expect(pool.has('e')).toBe(false);
  });
});
