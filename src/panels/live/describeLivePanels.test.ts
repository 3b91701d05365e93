import { describe, expect, it } from 'vitest';
import { maskRecordForDisplay } from '../../domain/maskRecordForDisplay';
import type { Alert } from '../../domain/entities/alert';
import type { AssistRequest } from '../../domain/entities/assistRequest';
import type { GridEvent } from '../../domain/entities/gridEvent';
import { describeAlertTicker } from './describeAlertTicker';
import { describeAssistBoard } from './describeAssistBoard';
import { describeFreshness } from './describeFreshness';
import { describeGridEventSummary } from './describeGridEventSummary';
import { describeTownRanking } from './describeTownRanking';

const base = { version: 1, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', position: [118.35, 28.83] as [number, number], source: 't' };
const alert = (id: string, at: string, overrides: Partial<Alert> = {}): Alert => ({
  ...base,
  id,
  severity: 3,
  watchlist: '盗抢车辆',
  subject: { type: 'vehicle', plate: '浙H·12345', name: '王小明', idNumber: '330822199001011234' },
  hit: { at, via: 'checkpoint', deviceId: 'cp-1', deviceName: '球川卡口' },
  controlSide: 'jx',
  hitSide: 'zj',
  controlStationId: 'st-1',
  status: 'new',
  statusTimes: { new: at },
  ...overrides,
});
const event = (id: string, overrides: Partial<GridEvent>): GridEvent => ({
  ...base,
  id,
  title: '矛盾纠纷',
  category: 'dispute' as GridEvent['category'],
  subcategory: 'dispute.1',
  gridId: 'grid-01',
  reporter: { name: '网格员', role: 'grid-worker' },
  stage: 'analyze',
  stages: [{ stage: 'discover', at: '2026-11-23T09:00:00Z', side: 'zj' }],
  handoffs: [],
  dueAt: '2026-11-23T12:00:00Z',
  ...overrides,
});
const request = (id: string, requestedAt: string, overrides: Partial<AssistRequest> = {}): AssistRequest => ({
  ...base,
  id,
  fromStationId: 'a',
  toStationId: 'b',
  fromSide: 'zj',
  toSide: 'jx',
  subject: { type: 'vehicle', summary: '协查逃逸车辆' },
  requestedAt,
  slaMinutes: 15,
  status: 'open',
  ...overrides,
});

describe('describeAlertTicker', () => {
  // As the store holds them on a wall: masked on the way in.
  const items = describeAlertTicker(
    [alert('old', '2026-11-23T09:00:00Z'), alert('new', '2026-11-23T10:00:00Z'), alert('mid', '2026-11-23T09:30:00Z', { subject: { type: 'person', name: '李四', phone: '13812345678' } })].map(
      (a) => maskRecordForDisplay('alert', a) as Alert,
    ),
  );

  it('puts the newest hit first among alerts of one severity', () => {
    expect(items.map((i) => i.id)).toEqual(['new', 'mid', 'old']);
  });

  it('keeps an unanswered 4级 from the morning above a stream of newer, lesser alerts', () => {
    const morning = alert('severe', '2026-11-23T06:00:00Z', { severity: 4 });
    const answered = alert('answered', '2026-11-23T10:30:00Z', { severity: 4, status: 'acknowledged' });
    const stream = Array.from({ length: 40 }, (_, i) => alert(`s${i}`, new Date(Date.UTC(2026, 10, 23, 9, i)).toISOString(), { severity: 2 }));
    const ticker = describeAlertTicker([...stream, answered, morning]);
    expect(ticker[0]!.id).toBe('severe');
    expect(ticker.slice(1, 4).map((i) => i.id)).toEqual(['s39', 's38', 's37']);
    expect(ticker.map((i) => i.id)).not.toContain('answered');
  });

  it('names a vehicle by its plate and a person by name, as masked on the way in', () => {
    expect(items[0]!.subject).toBe('浙H·1****');
    expect(items[1]!.subject).toBe('李*');
    expect(JSON.stringify(items)).not.toMatch(/王小明|330822199001011234|13812345678|浙H·12345/);
  });

  it('keeps at most the ticker’s length, however many alerts there are', () => {
    const many = Array.from({ length: 100 }, (_, i) => alert(`a${i}`, new Date(Date.UTC(2026, 10, 23, 0, i)).toISOString()));
    const ticker = describeAlertTicker(many);
    expect(ticker).toHaveLength(30);
    expect(ticker[0]!.id).toBe('a99');
    expect(ticker.map((i) => i.id)).toEqual(Array.from({ length: 30 }, (_, i) => `a${99 - i}`));
    const shuffled = [...many].sort((a, b) => (a.id.length * 7 + Number(a.id.slice(1)) * 31) % 17 - (b.id.length * 7 + Number(b.id.slice(1)) * 31) % 17);
    expect(describeAlertTicker(shuffled).map((i) => i.id)).toEqual(ticker.map((i) => i.id));
    expect(describeAlertTicker([...many].reverse()).map((i) => i.id)).toEqual(ticker.map((i) => i.id));
  });
});

describe('describeAssistBoard', () => {
  const now = new Date('2026-11-23T10:10:00Z');
  const rows = describeAssistBoard(
    [request('fresh', '2026-11-23T10:05:00Z'), request('late', '2026-11-23T09:50:00Z'), request('done', '2026-11-23T10:00:00Z', { status: 'responded', respondedAt: '2026-11-23T10:04:00Z' })],
    (id) => ({ a: '球川派出所', b: '双明派出所' })[id] ?? id,
    now,
  );

  it('lists open requests first, the most urgent first, counting down to the SLA, then those accepted and in hand', () => {
    expect(rows.map((r) => r.id)).toEqual(['late', 'fresh', 'done']);
    expect(rows[2]).toMatchObject({ kind: 'open', accepted: true, minutesSince: 10 });
    expect(rows[1]).toMatchObject({ from: '球川派出所', to: '双明派出所', minutesLeft: 10, overdue: false });
  });

  it('counts overdue minutes as negative', () => {
    expect(rows[0]).toMatchObject({ minutesLeft: -5, overdue: true });
  });

  const settled = (id: string, requestedAt: string, completedAt: string, outcome: AssistRequest['outcome']) =>
    request(id, requestedAt, { status: 'completed', respondedAt: requestedAt, completedAt, outcome });
  const story = describeAssistBoard(
    [
      settled('old', '2026-11-23T07:00:00Z', '2026-11-23T07:40:00Z', 'located'),
      settled('car', '2026-11-23T09:30:00Z', '2026-11-23T09:45:00Z', 'intercepted'),
      request('fresh', '2026-11-23T10:05:00Z'),
      settled('gone', '2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z', 'not-found'),
      settled('oldest', '2026-11-23T06:00:00Z', '2026-11-23T06:30:00Z', 'withdrawn'),
      settled('later', '2026-11-23T10:00:00Z', '2026-11-23T10:30:00Z', 'intercepted'),
    ],
    (id) => ({ a: '双明派出所', b: '球川派出所' })[id] ?? id,
    now,
  );

  it('ends with the last three settled requests, newest first, each with its outcome and the minutes it took', () => {
    expect(story.map((r) => r.id)).toEqual(['fresh', 'car', 'gone', 'old']);
    expect(story[1]).toMatchObject({ kind: 'settled', from: '双明派出所', to: '球川派出所', outcome: 'intercepted', minutesTaken: 15 });
    expect(story[2]).toMatchObject({ outcome: 'not-found', minutesTaken: 60 });
  });

  it('shows settled requests even when none is open, and never more rows than asked for', () => {
    const quiet = describeAssistBoard([settled('car', '2026-11-23T09:30:00Z', '2026-11-23T09:45:00Z', 'intercepted')], (id) => id, now);
    expect(quiet).toMatchObject([{ kind: 'settled', minutesTaken: 15 }]);
    const many = Array.from({ length: 20 }, (_, i) => request(`r${String(i).padStart(2, '0')}`, '2026-11-23T10:00:00Z'));
    const full = describeAssistBoard([...many, settled('car', '2026-11-23T09:30:00Z', '2026-11-23T09:45:00Z', 'intercepted')], (id) => id, now, 12);
    expect(full).toHaveLength(12);
    expect(full[0]!.kind).toBe('open');
    expect(full[11]!.kind).toBe('settled');
  });
});

describe('describeTownRanking', () => {
  const pack = {
    counties: [{ id: '330822', provinceId: 'zj' }, { id: '361123', provinceId: 'jx' }],
    towns: [
      { id: 'qiuchuan', name: { zh: '球川镇', en: 'Qiuchuan' }, countyId: '330822' },
      { id: 'shuangming', name: { zh: '双明镇', en: 'Shuangming' }, countyId: '361123' },
    ],
  } as never;

  it('ranks towns by open alerts, events and requests, and leaves closed ones out', () => {
    const ranking = describeTownRanking(pack, {
      alerts: [alert('a', '2026-11-23T10:00:00Z', { town: 'shuangming' }), alert('b', '2026-11-23T10:00:00Z', { town: 'shuangming', status: 'closed' })],
      events: [event('e1', { town: 'shuangming' }), event('e2', { town: 'qiuchuan', stage: 'closed' })],
      assists: [request('r', '2026-11-23T10:00:00Z', { town: 'qiuchuan' })],
    }, 'zh');
    expect(ranking).toEqual([
      { id: 'shuangming', name: '双明镇', provinceId: 'jx', open: 2 },
      { id: 'qiuchuan', name: '球川镇', provinceId: 'zj', open: 1 },
    ]);
  });
});

describe('describeGridEventSummary', () => {
  it('counts open events by category and every stage of the loop, with the overdue ones', () => {
    const summary = describeGridEventSummary(
      [event('a', {}), event('b', { stage: 'handle', dueAt: '2026-11-23T09:00:00Z' }), event('c', { stage: 'closed', category: 'water-pollution' })],
      new Date('2026-11-23T10:00:00Z'),
      'zh',
    );
    expect(summary.categories).toHaveLength(11);
    expect(summary.categories.find((c) => c.id === 'dispute')!.open).toBe(2);
    expect(summary.categories.reduce((n, c) => n + c.open, 0)).toBe(2);
    expect(summary.stages.map((s) => [s.stage, s.count, s.overdue])).toEqual([
      ['discover', 0, 0],
      ['analyze', 1, 0],
      ['command', 0, 0],
      ['handle', 1, 1],
      ['feedback', 0, 0],
      ['closed', 1, 0],
    ]);
    expect(summary).toMatchObject({ open: 2, overdue: 1 });
  });
});

describe('describeFreshness', () => {
  const now = Date.parse('2026-11-23T10:00:30Z');
  const status = (lastMessageAt: string | null, state: 'live' | 'reconnecting' = 'live', staleAfterMs: number | null = 10_000) => ({
    id: 'backend', name: null, type: 'http', state, lastMessageAt, staleAfterMs,
  });

  it('is fresh within one heartbeat, amber past it, red past two (the source’s own limit)', () => {
    // A backend announcing 5 s heartbeats: stale past 10 s of silence, not 30 s.
    expect(describeFreshness(status('2026-11-23T10:00:27Z'), now, 15_000)).toMatchObject({ level: 'fresh', ageSeconds: 3 });
    expect(describeFreshness(status('2026-11-23T10:00:23Z'), now, 15_000)).toMatchObject({ level: 'amber', ageSeconds: 7 });
    expect(describeFreshness(status('2026-11-23T10:00:19Z'), now, 15_000)).toMatchObject({ level: 'red', ageSeconds: 11 });
  });

  it('falls back to the given limit for a source that has not said its own', () => {
    expect(describeFreshness(status('2026-11-23T10:00:19Z', 'live', null), now, 15_000)).toMatchObject({ level: 'amber', ageSeconds: 11 });
    expect(describeFreshness(status('2026-11-23T10:00:14Z', 'live', null), now, 15_000)).toMatchObject({ level: 'red', ageSeconds: 16 });
  });

  it('is red whenever the source is not connected, or has never said anything', () => {
    expect(describeFreshness(status('2026-11-23T10:00:29Z', 'reconnecting'), now, 15_000).level).toBe('red');
    expect(describeFreshness(status(null), now, 15_000)).toMatchObject({ level: 'red', ageSeconds: null });
  });
});
