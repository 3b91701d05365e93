import { describe, expect, it } from 'vitest';
import { alertSchema, canTransitionAlert } from './alert';
import { assistMinutesLeft, assistRequestSchema } from './assistRequest';
import { GRID_EVENT_CATEGORIES, GRID_EVENT_SUBCATEGORY_CODES, subcategoryLabel } from './gridEventCategories';
import { gridEventSchema, isGridEventOverdue } from './gridEvent';
import { kpiSeriesSchema } from './kpiSeries';
import { stationSchema } from './station';

const base = { id: 'x-1', version: 1, updatedAt: '2026-11-23T10:00:00+08:00', province: 'zj', county: '330822', position: [118.35, 28.83], source: 'test' };

describe('the grid-event taxonomy', () => {
  it('has the 11 major categories and 79 subcategories the border grids report', () => {
    expect(GRID_EVENT_CATEGORIES).toHaveLength(11);
    expect(GRID_EVENT_SUBCATEGORY_CODES.size).toBe(79);
    expect(GRID_EVENT_CATEGORIES.map((c) => c.zh)).toEqual(expect.arrayContaining(['治危拆违', '水体污染', '矛盾纠纷', '安全隐患', '生态环境']));
    expect(subcategoryLabel('dispute.2')).toEqual({ zh: '土地边界纠纷', en: 'Land boundary' });
    expect(subcategoryLabel('dispute.99')).toBeUndefined();
  });
});

describe('entity schemas', () => {
  it('accepts a well-formed station and rejects an unknown kind with the field named', () => {
    expect(stationSchema.safeParse({ ...base, stationKind: 'police-station', name: '球川派出所', officersOnDuty: 12 }).success).toBe(true);
    const bad = stationSchema.safeParse({ ...base, stationKind: 'fortress', name: 'x', officersOnDuty: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['stationKind']);
  });

  it('requires a timestamp with a time zone and a bounded name', () => {
    expect(stationSchema.safeParse({ ...base, updatedAt: '2026-11-23 10:00', stationKind: 'checkpoint', name: 'x', officersOnDuty: 1 }).success).toBe(false);
    expect(stationSchema.safeParse({ ...base, stationKind: 'checkpoint', name: 'x'.repeat(1_000_000), officersOnDuty: 1 }).success).toBe(false);
  });

  const alert = {
    ...base,
    severity: 4,
    watchlist: '在逃人员',
    subject: { type: 'person', name: '王某', idNumber: '330822199001011234' },
    hit: { at: '2026-11-23T10:00:00Z', via: 'checkpoint', deviceId: 'cp-1', deviceName: '球川卡口' },
    controlSide: 'jx',
    hitSide: 'zj',
    controlStationId: 'station-shuangming',
    status: 'acknowledged',
    statusTimes: { new: '2026-11-23T10:00:00Z', acknowledged: '2026-11-23T10:02:00Z' },
  };

  it('checks an alert’s severity and that its current status has a time', () => {
    expect(alertSchema.safeParse(alert).success).toBe(true);
    expect(alertSchema.safeParse({ ...alert, severity: 5 }).success).toBe(false);
    const untimed = alertSchema.safeParse({ ...alert, status: 'dispatched' });
    expect(untimed.error!.issues[0]!.message).toBe('the current status needs its time in statusTimes');
  });

  it('allows only the alert lifecycle’s transitions', () => {
    expect(canTransitionAlert('new', 'acknowledged')).toBe(true);
    expect(canTransitionAlert('dispatched', 'intercepted')).toBe(true);
    expect(canTransitionAlert('intercepted', 'new')).toBe(false);
    expect(canTransitionAlert('closed', 'acknowledged')).toBe(false);
  });

  const event = {
    ...base,
    title: '草坪村山林权属纠纷',
    category: 'dispute',
    subcategory: 'dispute.1',
    gridId: 'grid-05',
    reporter: { name: '应丽', role: 'grid-worker' },
    stage: 'command',
    stages: [
      { stage: 'discover', at: '2026-11-20T08:00:00Z', side: 'zj' },
      { stage: 'analyze', at: '2026-11-20T09:00:00Z', side: 'zj' },
      { stage: 'command', at: '2026-11-20T10:00:00Z', side: 'jx' },
    ],
    handoffs: [{ at: '2026-11-20T10:00:00Z', fromSide: 'zj', toSide: 'jx', note: '跨省交办' }],
    dueAt: '2026-11-23T08:00:00Z',
  };

  it('keeps a grid event’s subcategory within its category and its stages consistent', () => {
    expect(gridEventSchema.safeParse(event).success).toBe(true);
    expect(gridEventSchema.safeParse({ ...event, subcategory: 'ecology.1' }).error!.issues[0]!.message).toBe('the subcategory belongs to another category');
    expect(gridEventSchema.safeParse({ ...event, stage: 'handle' }).error!.issues[0]!.path).toEqual(['stages']);
  });

  it('marks an open event past its due time overdue, and a closed one never', () => {
    expect(isGridEventOverdue(event as never, new Date('2026-11-23T09:00:00Z'))).toBe(true);
    expect(isGridEventOverdue({ ...event, stage: 'closed' } as never, new Date('2026-11-23T09:00:00Z'))).toBe(false);
    expect(isGridEventOverdue(event as never, new Date('2026-11-22T09:00:00Z'))).toBe(false);
  });

  it('counts an assistance request’s SLA down, and stops once it is answered', () => {
    const request = { requestedAt: '2026-11-23T10:00:00Z', slaMinutes: 30, status: 'open' as const };
    expect(assistMinutesLeft(request, new Date('2026-11-23T10:15:00Z'))).toBe(15);
    expect(assistMinutesLeft(request, new Date('2026-11-23T10:40:00Z'))).toBe(-10);
    expect(assistMinutesLeft({ ...request, status: 'responded' }, new Date())).toBeNull();
    expect(assistRequestSchema.safeParse({ ...base, fromStationId: 'a', toStationId: 'b', fromSide: 'jx', toSide: 'zj', subject: { type: 'vehicle', summary: '白色轿车' }, ...request, status: 'completed', respondedAt: '2026-11-23T10:05:00Z' }).error!.issues[0]!.message).toBe('a completed request needs completedAt and outcome');
  });

  it('derives a KPI’s year-on-year change from its months', () => {
    const months = Array.from({ length: 12 }, (_, i) => (i < 2 ? { thisYear: 62, lastYear: 125 } : { thisYear: null, lastYear: 120 }));
    const parsed = kpiSeriesSchema.parse({
      ...base,
      metricId: 'border-incidents',
      label: { zh: '边界有效警情', en: 'Border incidents' },
      unit: { zh: '起', en: 'cases' },
      definition: { zh: '…', en: '…' },
      provenance: { source: '常山县公安局' },
      betterWhen: 'lower',
      aggregation: 'sum',
      year: 2026,
      months,
    });
    expect(parsed.yearOnYear.changePercent).toBe(-50.4);
    expect(kpiSeriesSchema.safeParse({ ...parsed, months: months.slice(0, 11) }).success).toBe(false);
  });
});
