import { describe, expect, it } from 'vitest';
import type { Alert } from './entities/alert';
import type { AssistRequest } from './entities/assistRequest';
import type { GridEvent } from './entities/gridEvent';
import type { Station } from './entities/station';
import { maskFreeText, maskRecordForDisplay } from './maskRecordForDisplay';

const base = { version: 1, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', position: [118.35, 28.83] as [number, number], source: 'test' };

describe('maskFreeText', () => {
  it.each([
    ['车主 330822199001011234 驾车外逃', '车主 330822********1234 驾车外逃'],
    ['联系电话13812345678，请回电', '联系电话138****5678，请回电'],
    ['电话 138-1234-5678', '电话 138****5678'],
    ['浙H·12345 无牌摩托车', '浙H·1**** 无牌摩托车'],
    ['嫌疑车辆赣E12345向西', '嫌疑车辆赣E1****向西'],
    ['新能源车浙HD12345', '新能源车浙HD*****'],
    ['电话+8613812345678', '电话138****5678'],
    ['8613812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['挂车赣E·1234挂', '挂车赣E·1****'],
    ['小写浙h12345', '小写浙H1****'],
    // Not personal: counts, times, ids and short numbers stay as they are.
    ['15分钟内拦截，共12个网格', '15分钟内拦截，共12个网格'],
    ['alert-20261123-0001', 'alert-20261123-0001'],
    ['订单号 1234567890123456789012', '订单号 1234567890123456789012'],
    ['', ''],
  ])('masks %j as %j', (text, masked) => expect(maskFreeText(text)).toBe(masked));
});

describe('maskRecordForDisplay', () => {
  const alert = {
    ...base,
    id: 'a1',
    severity: 3,
    watchlist: '在逃人员',
    subject: { type: 'person', name: '王小明', idNumber: '330822199001011234', phone: '13812345678', plate: '浙H·12345', description: '驾驶浙H·12345' },
    hit: { at: base.updatedAt, via: 'camera', deviceId: 'c', deviceName: '球川卡口' },
    controlSide: 'jx',
    hitSide: 'zj',
    controlStationId: 's',
    status: 'new',
    statusTimes: { new: base.updatedAt },
  } as Alert;

  it('masks an alert’s subject field by field, and leaves the rest alone', () => {
    const masked = maskRecordForDisplay('alert', alert) as Alert;
    expect(masked.subject).toEqual({ type: 'person', name: '王**', idNumber: '330822********1234', phone: '138****5678', plate: '浙H·1****', description: '驾驶浙H·1****' });
    expect(masked.hit.deviceName).toBe('球川卡口');
    expect(masked.id).toBe('a1');
    // The input is not touched: the caller may still hold it.
    expect(alert.subject.idNumber).toBe('330822199001011234');
  });

  it('adds no fields the alert did not have', () => {
    const masked = maskRecordForDisplay('alert', { ...alert, subject: { type: 'vehicle', plate: '赣E12345' } }) as Alert;
    expect(masked.subject).toEqual({ type: 'vehicle', plate: '赣E1****' });
  });

  it('hands each masked personal value to the store’s intern, so equal masks are kept once', () => {
    const seen: string[] = [];
    const masked = maskRecordForDisplay('alert', alert, (value) => (seen.push(value), value)) as Alert;
    expect(seen).toEqual(['王**', '330822********1234', '138****5678', '浙H·1****']);
    expect(masked.subject).toEqual((maskRecordForDisplay('alert', alert) as Alert).subject);
  });

  it('masks a grid event’s reporter and any number quoted in its title or hand-off notes', () => {
    const event = {
      ...base,
      id: 'e1',
      title: '村民13812345678反映纠纷',
      reporter: { name: '李四', role: 'resident' },
      handoffs: [{ at: base.updatedAt, fromSide: 'zj', toSide: 'jx', note: '车辆浙H·12345' }],
    } as unknown as GridEvent;
    const masked = maskRecordForDisplay('gridEvent', event) as GridEvent;
    expect(masked.title).toBe('村民138****5678反映纠纷');
    expect(masked.reporter.name).toBe('李*');
    expect(masked.handoffs[0]!.note).toBe('车辆浙H·1****');
  });

  it('masks what an assistance request quotes about its subject', () => {
    const request = { ...base, id: 'r1', subject: { type: 'vehicle', summary: '浙H·12345 逃逸', details: '车主身份证330822199001011234' } } as unknown as AssistRequest;
    expect((maskRecordForDisplay('assistRequest', request) as AssistRequest).subject).toEqual({ type: 'vehicle', summary: '浙H·1**** 逃逸', details: '车主身份证330822********1234' });
  });

  it('returns records without personal data as they are', () => {
    const station = { ...base, id: 's1', name: '白石派出所' } as unknown as Station;
    expect(maskRecordForDisplay('station', station)).toBe(station);
  });
});
