import { describe, expect, it } from 'vitest';
import type { Alert } from '../../domain/entities/alert';
import { describeDutyQueue, matchesDutyFilters } from './describeDutyQueue';

const alert = (id: string, minute: number, overrides: Partial<Alert> = {}): Alert =>
  ({
    id,
    version: 1,
    updatedAt: '2026-11-23T10:00:00Z',
    province: 'zj',
    county: '330822',
    town: 'qiuchuan',
    position: [118.35, 28.83],
    source: 'test',
    severity: 3,
    watchlist: '在逃人员',
    subject: { type: 'person', name: '王*' },
    hit: { at: `2026-11-23T10:${String(minute).padStart(2, '0')}:00Z`, via: 'camera', deviceId: 'c', deviceName: '球川卡口' },
    controlSide: 'jx',
    hitSide: 'zj',
    controlStationId: 's',
    status: 'new',
    statusTimes: { new: '2026-11-23T10:00:00Z' },
    ...overrides,
  }) as Alert;

const any = { minSeverity: 1, sides: [], towns: [] };

describe('describeDutyQueue', () => {
  const alerts = [
    alert('old', 1),
    alert('newest', 9),
    alert('closed', 8, { status: 'closed' }),
    alert('acked', 5, { status: 'acknowledged' }),
    alert('minor', 7, { severity: 1 }),
    alert('yushan', 6, { town: 'shuangming', hitSide: 'jx', controlSide: 'jx' }),
  ];

  it('lists open alerts only: waiting ones by severity then newest, answered ones after', () => {
    expect(describeDutyQueue(alerts, any, new Set()).map((row) => row.id)).toEqual(['newest', 'yushan', 'old', 'minor', 'acked']);
  });

  it('puts a 4级 above a 3级 of the same second, so ↓ Enter answers the severe one first', () => {
    const same = [alert('level3', 4, { severity: 3 }), alert('level4', 4, { severity: 4 }), alert('level2-later', 5, { severity: 2 })];
    expect(describeDutyQueue(same, any, new Set()).map((row) => row.id)).toEqual(['level4', 'level3', 'level2-later']);
  });

  it('moves an alert acknowledged on this screen below those still waiting', () => {
    expect(describeDutyQueue(alerts, any, new Set(['newest'])).map((row) => row.id)).toEqual(['yushan', 'old', 'minor', 'newest', 'acked']);
  });

  it('narrows by severity, side and town', () => {
    expect(describeDutyQueue(alerts, { ...any, minSeverity: 3 }, new Set()).map((row) => row.id)).toEqual(['newest', 'yushan', 'old', 'acked']);
    expect(describeDutyQueue(alerts, { ...any, sides: ['jx'] }, new Set()).map((row) => row.id)).toEqual(['newest', 'yushan', 'old', 'minor', 'acked']);
    expect(describeDutyQueue(alerts, { ...any, sides: ['zj'] }, new Set()).map((row) => row.id)).toEqual(['newest', 'old', 'minor', 'acked']);
    expect(describeDutyQueue(alerts, { ...any, towns: ['shuangming'] }, new Set()).map((row) => row.id)).toEqual(['yushan']);
    expect(matchesDutyFilters(alert('nowhere', 1, { town: undefined }), { ...any, towns: ['qiuchuan'] })).toBe(false);
  });

  it('says who acknowledged: the backend, or this screen only', () => {
    const rows = describeDutyQueue(alerts, any, new Set(['old']));
    const ack = (id: string) => rows.find((row) => row.id === id)!.acknowledged;
    expect(ack('acked')).toBe('backend');
    expect(ack('old')).toBe('local');
    expect(ack('newest')).toBe('none');
  });
});
