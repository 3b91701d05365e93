import { describe, expect, it } from 'vitest';
import type { AssistRequest } from '../../domain/entities/assistRequest';
import { describeAssistBoard } from '../live/describeAssistBoard';
import { describeGridEventSummary } from '../live/describeGridEventSummary';
import type { GridEvent } from '../../domain/entities/gridEvent';
import { describeAssistDesk } from './describeAssistDesk';

const NOW = new Date('2026-12-07T10:30:00+08:00');
const request = (id: string, fromSide: string, toSide: string, minutesAgo: number, patch: Partial<AssistRequest> = {}): AssistRequest => ({
  id, version: 1, updatedAt: '2026-12-07T10:00:00+08:00', province: toSide, county: '361123', position: [118.2, 28.8], source: 'test',
  fromStationId: `st-${fromSide}`, toStationId: `st-${toSide}`, fromSide, toSide,
  subject: { type: 'vehicle', summary: `车辆 ${id}` },
  requestedAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(), slaMinutes: 15, status: 'open', ...patch,
});
const name = (id: string) => ({ 'st-zj': '球川派出所', 'st-jx': '双明派出所' })[id] ?? id;

describe('describeAssistDesk', () => {
  it('puts what waits on this side first, the overdue one on top, with the steps it may take; then its own; then the settled', () => {
    const rows = describeAssistDesk(
      [
        request('ours', 'jx', 'zj', 5, { status: 'responded', respondedAt: '2026-12-07T10:27:00+08:00' }),
        request('asked-late', 'zj', 'jx', 20),
        request('asked-fresh', 'zj', 'jx', 2),
        request('done', 'zj', 'jx', 60, { status: 'completed', respondedAt: '2026-12-07T09:35:00+08:00', completedAt: '2026-12-07T09:45:00+08:00', outcome: 'intercepted' }),
        request('elsewhere', 'ah', 'fj', 1),
      ],
      'jx',
      name,
      NOW,
    );
    expect(rows.map((row) => [row.id, row.direction, row.steps])).toEqual([
      ['asked-late', 'incoming', ['accept', 'decline']],
      ['asked-fresh', 'incoming', ['accept', 'decline']],
      ['ours', 'outgoing', ['progress', 'withdraw']],
      ['done', 'incoming', []],
    ]);
    expect(rows[0]).toMatchObject({ overdue: true, minutesLeft: -5, from: '球川派出所', to: '双明派出所' });
    expect(rows[1]).toMatchObject({ overdue: false, minutesLeft: 13 });
  });

  it('offers the side asked progress and the result once it accepted, and shows the latest note', () => {
    const [row] = describeAssistDesk([request('a', 'zj', 'jx', 8, { status: 'responded', respondedAt: '2026-12-07T10:25:00+08:00', notes: [{ at: '2026-12-07T10:26:00+08:00', side: 'jx', by: '陈**', text: '卡口已布控' }] })], 'jx', name, NOW);
    expect(row).toMatchObject({ steps: ['progress', 'complete'], minutesLeft: null, lastNote: { by: '陈**', text: '卡口已布控' } });
  });
});

describe('describeAssistBoard on a wall', () => {
  it('keeps an accepted request on the board with the minutes it has been in hand, and ends a declined one as declined', () => {
    const rows = describeAssistBoard(
      [request('accepted', 'zj', 'jx', 9, { status: 'responded', respondedAt: '2026-12-07T10:24:00+08:00' }), request('declined', 'zj', 'jx', 30, { status: 'declined', respondedAt: '2026-12-07T10:05:00+08:00' })],
      name,
      NOW,
    );
    expect(rows).toMatchObject([
      { id: 'accepted', kind: 'open', accepted: true, minutesSince: 9 },
      { id: 'declined', kind: 'settled', outcome: 'declined', minutesTaken: 5 },
    ]);
  });
});

describe('describeGridEventSummary', () => {
  it('counts the handoffs across the border and how many the other side accepted', () => {
    const event = (id: string, handoffs: GridEvent['handoffs']) => ({ id, stage: 'command', category: 'hazardous-building', dueAt: '2026-12-08T00:00:00Z', handoffs }) as unknown as GridEvent;
    const summary = describeGridEventSummary(
      [event('a', [{ at: '2026-12-07T01:00:00Z', fromSide: 'zj', toSide: 'jx', acceptedAt: '2026-12-07T01:05:00Z' }]), event('b', [{ at: '2026-12-07T02:00:00Z', fromSide: 'jx', toSide: 'zj', by: '双明派出所 值班民警' }]), event('c', [])],
      NOW,
      'zh',
    );
    expect(summary.handoffs).toEqual({ total: 2, accepted: 1 });
  });
});
