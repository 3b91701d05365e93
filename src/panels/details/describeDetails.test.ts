import { describe, expect, it } from 'vitest';
import { maskRecordForDisplay } from '../../domain/maskRecordForDisplay';
import type { Alert } from '../../domain/entities/alert';
import { type DetailLookups, describeDetails } from './describeDetails';

const lookups: DetailLookups = {
  now: Date.parse('2026-11-23T10:10:00Z'),
  provinceName: (id) => ({ zj: '浙江省', jx: '江西省' })[id] ?? id,
  countyName: (id) => id,
  townName: (id) => id,
  stationName: (id) => ({ 'st-1': '双明派出所' })[id] ?? id,
  gridName: (id) => id,
  openEventsInGrid: () => 0,
  sourceName: (id) => ({ backend: '联防业务平台' })[id] ?? id,
};

const alert: Alert = {
  id: 'alert-1',
  version: 2,
  updatedAt: '2026-11-23T10:05:00Z',
  province: 'zj',
  county: '330822',
  position: [118.35, 28.83],
  source: 'backend',
  severity: 4,
  watchlist: '在逃人员',
  subject: { type: 'person', name: '王小明', idNumber: '330822199001011234', phone: '13812345678', plate: '浙H·12345' },
  hit: { at: '2026-11-23T10:00:00Z', via: 'checkpoint', deviceId: 'cp-1', deviceName: '球川卡口' },
  controlSide: 'jx',
  hitSide: 'zj',
  controlStationId: 'st-1',
  status: 'acknowledged',
  statusTimes: { new: '2026-11-23T10:00:00Z', acknowledged: '2026-11-23T10:02:00Z' },
};

describe('describeDetails for an alert', () => {
  // As the store holds it on a wall: masked on the way in.
  const view = describeDetails('alert', maskRecordForDisplay('alert', alert) as Alert, lookups)!;
  const value = (label: string) => view.fields.find((f) => f.label === label)?.value;

  it('shows the subject as the store holds it: masked on a wall, never whole', () => {
    expect(value('姓名')).toBe('王**');
    expect(value('身份证号')).toBe('330822********1234');
    expect(value('手机号')).toBe('138****5678');
    expect(value('车牌')).toBe('浙H·1****');
    expect(JSON.stringify(view)).not.toMatch(/王小明|330822199001011234|13812345678|浙H·12345/);
  });

  it('marks a severity-4 alert as danger and names both sides', () => {
    expect(view.fields.find((f) => f.label === '预警等级')).toMatchObject({ tone: 'danger' });
    expect(JSON.stringify(view.sides)).toContain('江西省');
    expect(JSON.stringify(view.sides)).toContain('浙江省');
  });

  it('names the source the way people do, not by its configured id', () => {
    expect(value('数据来源')).toBe('联防业务平台');
  });

  it('walks the lifecycle up to where the alert is', () => {
    expect(view.timeline.filter((step) => step.done).length).toBe(2);
  });
});

describe('describeDetails in English', () => {
  it('labels every field, step and side in English, keeping the record’s own texts', () => {
    const view = describeDetails('alert', alert, { ...lookups, language: 'en', provinceName: (id) => ({ zj: 'Zhejiang', jx: 'Jiangxi' })[id] ?? id })!;
    expect(view.kindLabel).toBe('Watchlist alert');
    expect(view.fields.find((f) => f.label === 'Severity')).toMatchObject({ value: 'level 4', tone: 'danger' });
    const words = [view.kindLabel, ...view.fields.map((f) => f.label), ...view.timeline.map((s) => s.label), ...view.sides.map((s) => s.label)].join(' ');
    expect(words).not.toMatch(/[\u4e00-\u9fa5]/);
    expect(view.title).toContain('在逃人员');
  });
});
