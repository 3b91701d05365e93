import { describe, expect, it } from 'vitest';
import type { Alert } from '../../domain/entities/alert';
import { describeSevereAlerts } from './describeSevereAlerts';

const alert = (id: string, minute: number, severity: number, status: Alert['status'] = 'new'): Alert =>
  ({
    id,
    version: 1,
    updatedAt: '2026-11-23T10:00:00Z',
    province: 'zj',
    county: '330822',
    position: [118.35, 28.83],
    source: 'test',
    severity,
    watchlist: '在逃人员',
    subject: { type: 'vehicle', plate: '浙H·1****' },
    hit: { at: `2026-11-23T10:${String(minute).padStart(2, '0')}:00Z`, via: 'checkpoint', deviceId: 'c', deviceName: '球川卡口' },
    controlSide: 'jx',
    hitSide: 'zj',
    controlStationId: 's',
    status,
    statusTimes: { new: '2026-11-23T10:00:00Z', [status]: '2026-11-23T10:00:00Z' },
  }) as Alert;

const backendOnly = (a: Alert) => a.status !== 'new';

describe('describeSevereAlerts', () => {
  const alerts = [alert('s4-old', 1, 4), alert('s3', 9, 3), alert('s4-new', 5, 4), alert('s2', 10, 2), alert('s4-acked', 11, 4, 'acknowledged'), alert('s4-closed', 12, 4, 'closed')];

  it('counts the unanswered alerts at or above the focus severity, the 4级 ones pinned and named first', () => {
    const severe = describeSevereAlerts(alerts, 3, backendOnly);
    expect(severe.waiting).toBe(3);
    expect(severe.pinned).toBe(2);
    expect(severe.items.map((i) => i.id)).toEqual(['s4-new', 's4-old', 's3']);
  });

  it('still pins 4级 alerts when the camera focus is off', () => {
    const severe = describeSevereAlerts(alerts, null, backendOnly);
    expect(severe.waiting).toBe(2);
    expect(severe.items.map((i) => i.id)).toEqual(['s4-new', 's4-old']);
  });

  it('lets an alert go once it is acknowledged anywhere, this screen included', () => {
    const severe = describeSevereAlerts(alerts, 4, (a) => a.status !== 'new' || a.id === 's4-new');
    expect(severe.waiting).toBe(1);
    expect(severe.items.map((i) => i.id)).toEqual(['s4-old']);
  });

  it('has nothing to say when every severe alert is answered', () => {
    expect(describeSevereAlerts([alert('a', 1, 4, 'dispatched'), alert('b', 2, 1)], 4, backendOnly)).toEqual({ waiting: 0, pinned: 0, items: [], ids: [] });
  });
});
