import { describe, expect, it } from 'vitest';
import type { Alert } from '../../domain/entities/alert';
import type { ControlOrder } from '../../domain/entities/controlOrder';
import { describeControlOrders } from './describeControlOrders';

const NOW = new Date('2026-12-07T08:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

const order = (id: string, side: string, setHoursAgo: number, extra: Partial<ControlOrder> = {}): ControlOrder => ({
  id,
  version: 1,
  updatedAt: hoursAgo(setHoursAgo),
  province: side,
  county: side === 'zj' ? '330822' : '361123',
  position: [118.4, 28.9],
  source: 'test',
  setStationId: `station-${side}`,
  setAt: hoursAgo(setHoursAgo),
  severity: 2,
  watchlist: '盗抢车辆',
  subject: { type: 'vehicle', plate: '浙H·3K2**' },
  checkSides: ['zj', 'jx'],
  status: 'active',
  ...extra,
});

const hit = (id: string, controlSide: string, hitSide: string, hitHoursAgo: number, controlOrderId?: string): Alert =>
  ({ id, controlSide, hitSide, hit: { at: hoursAgo(hitHoursAgo) }, ...(controlOrderId ? { controlOrderId } : {}) }) as Alert;

describe('the control-order board', () => {
  it('tallies the last 24 hours by side: orders set, and hits on them at home and across the border', () => {
    const board = describeControlOrders(
      [order('c1', 'zj', 2), order('c2', 'zj', 30), order('c3', 'jx', 5, { status: 'lifted', liftedAt: hoursAgo(1) })],
      [hit('a1', 'zj', 'jx', 1), hit('a2', 'zj', 'jx', 3), hit('a3', 'zj', 'zj', 4), hit('a4', 'jx', 'zj', 2), hit('old', 'zj', 'jx', 25)],
      ['zj', 'jx'],
      NOW,
    );
    expect(board.tallies).toEqual([
      { side: 'zj', active: 2, setToday: 1, hitsHome: 1, hitsAcross: 2 },
      { side: 'jx', active: 0, setToday: 1, hitsHome: 0, hitsAcross: 1 },
    ]);
  });

  it('lists orders in force, the latest hit first, with hits from the order or else from the alerts naming it', () => {
    const board = describeControlOrders(
      [
        order('quiet', 'zj', 3),
        order('counted', 'jx', 40, { hitCount: 7, lastHitAt: hoursAgo(1), checkSides: ['jx'], subject: { type: 'person', name: '张*' } }),
        order('linked', 'zj', 10, { lastHitAt: hoursAgo(2) }),
        order('over', 'zj', 1, { status: 'expired', expiresAt: hoursAgo(0.5) }),
      ],
      [hit('a1', 'zj', 'jx', 2, 'linked'), hit('a2', 'zj', 'jx', 30, 'linked')],
      ['zj', 'jx'],
      NOW,
    );
    expect(board.rows.map((row) => [row.id, row.hits, row.checkedEverywhere, row.subject])).toEqual([
      ['counted', 7, false, '张*'],
      ['linked', 2, true, '浙H·3K2**'],
      ['quiet', 0, true, '浙H·3K2**'],
    ]);
  });

  it('takes an order past its expiry out of force though its backend still says active, and counts linked hits its backend left at 0', () => {
    const board = describeControlOrders(
      [order('stale', 'zj', 50, { expiresAt: hoursAgo(1) }), order('desk', 'jx', 4, { hitCount: 0 })],
      [hit('a1', 'jx', 'zj', 3, 'desk')],
      ['zj', 'jx'],
      NOW,
    );
    expect(board.rows.map((row) => [row.id, row.hits])).toEqual([['desk', 1]]);
    expect(board.tallies.map((tally) => [tally.side, tally.active])).toEqual([['zj', 0], ['jx', 1]]);
  });
});
