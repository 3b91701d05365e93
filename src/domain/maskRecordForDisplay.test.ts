import { describe, expect, it } from 'vitest';
import { BorderSimulator } from '../simulator/borderSimulator';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import type { Alert } from './entities/alert';
import type { AssistRequest } from './entities/assistRequest';
import { type AnyEntity, ENTITY_KINDS, ENTITY_SCHEMAS } from './entities/entityKinds';
import type { GridEvent } from './entities/gridEvent';
import type { Station } from './entities/station';
import { maskRecordForDisplay } from './maskRecordForDisplay';

const base = { version: 1, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', position: [118.35, 28.83] as [number, number], source: 'test' };

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
    expect(masked.hit).toBe(alert.hit);
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

  it('masks the device that saw the hit: a capture caption quotes plate, owner and phone (issue 13)', () => {
    const hit = { ...alert.hit, deviceName: '卡口 抓拍赣E·A1234 车主王小明 13812345678' };
    const masked = maskRecordForDisplay('alert', { ...alert, hit, acknowledgedBy: '值班民警' }) as Alert;
    expect(masked.hit).toEqual({ ...hit, deviceName: '卡口 抓拍赣E·A**** 车主王** 138****5678' });
    // The acting officer is not a subject: 值班民警 stays as sent.
    expect(masked.acknowledgedBy).toBe('值班民警');
  });

  it('masks a station’s name, which the alert detail’s 布控方 row shows', () => {
    const station = { ...base, id: 's1', stationKind: 'police-station', name: '白石派出所 协查王小明 330822199001011234 13812345678', officersOnDuty: 3 } as Station;
    expect((maskRecordForDisplay('station', station) as Station).name).toBe('白石派出所 协查王** 330822********1234 138****5678');
  });

  it('returns records without personal data as they are', () => {
    const station = { ...base, id: 's1', name: '白石派出所' } as unknown as Station;
    expect(maskRecordForDisplay('station', station)).toBe(station);
  });
});

describe('maskRecordForDisplay on every kind the simulator makes', () => {
  const records = new BorderSimulator({ seed: 13, region: loadTestRegion(), start: Date.parse('2026-11-23T02:00:00Z'), warmUpMs: 12 * 3_600_000 }).snapshot().records;
  /** Keys logic matches on, by this test's own reading of the schemas: never fed, never masked. */
  const isKey = (path: readonly (string | number)[]) => {
    const name = String(path.findLast((segment) => typeof segment === 'string'));
    return name === 'id' || name.endsWith('Id') || name === 'county' || name === 'town';
  };
  const PERSON_FIELDS = ['subject.name', 'subject.idNumber', 'subject.phone', 'subject.plate', 'reporter.name', 'gridWorkers.name'];
  const pathName = (path: readonly (string | number)[]) => path.filter((segment) => typeof segment === 'string').join('.');

  it('covers every kind', () => {
    expect(new Set(records.map((entry) => entry.kind))).toEqual(new Set(ENTITY_KINDS));
  });

  it('leaves station, grid, village, device and patrol names and titles readable: only persons’ fields change', () => {
    const changed = new Set<string>();
    for (const { kind, record } of records) {
      const masked = maskRecordForDisplay(kind, record as AnyEntity);
      for (const [path, value] of stringLeaves(record)) if (valueAt(masked, path) !== value) changed.add(`${kind}:${pathName(path)}`);
    }
    expect([...changed].every((field) => PERSON_FIELDS.includes(field.split(':')[1]!))).toBe(true);
    expect(changed).toContain('alert:subject.name');
  });

  it('masks personal data fed into every text field of every kind, and changes no key', () => {
    const SHORT_PAYLOAD = '车主王小明13812345678';
    const payloads = ['卡口 抓拍赣E·A1234 车主王小明 13812345678', '协查 王小明 330822199001011234', '李建国 330822199001011234', '嫌疑人欧阳春生，电话13912345678'];
    let fed = 0;
    for (const { kind, record } of records) {
      const hostile = structuredClone(record) as Record<string, unknown>;
      // The optional texts the simulator leaves out are fed too.
      const subject = hostile.subject as Record<string, unknown> | undefined;
      if (kind === 'alert') subject!.description ??= '描述';
      if (kind === 'assistRequest') subject!.details ??= '详情';
      for (const [path] of stringLeaves(record)) {
        if (isKey(path)) continue;
        const before = valueAt(hostile, path) as string;
        const payload = payloads[fed % payloads.length]!;
        // The longest that fits; enums, times and province codes refuse them all at the gate.
        const fits = [`${before.slice(0, 8)}${payload}`, payload, SHORT_PAYLOAD].find((text) => (setAt(hostile, path, text), ENTITY_SCHEMAS[kind].safeParse(hostile).success));
        if (fits) fed += 1;
        else setAt(hostile, path, before);
      }
      const masked = maskRecordForDisplay(kind, hostile as never);
      const text = JSON.stringify(masked);
      expect(text).not.toMatch(/王小明|李建国|欧阳春生|330822199001011234|13812345678|13912345678|A1234/);
      for (const [path, value] of stringLeaves(hostile)) if (isKey(path)) expect(valueAt(masked, path)).toBe(value);
    }
    expect(fed).toBeGreaterThan(records.length);
  });
});

function* stringLeaves(value: unknown, path: (string | number)[] = []): Generator<[(string | number)[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [index, element] of value.entries()) yield* stringLeaves(element, [...path, index]);
  else if (typeof value === 'object' && value !== null) for (const [key, field] of Object.entries(value)) yield* stringLeaves(field, [...path, key]);
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((at, segment) => (at as Record<string | number, unknown>)[segment], value);
}

function setAt(value: unknown, path: readonly (string | number)[], text: string): void {
  (valueAt(value, path.slice(0, -1)) as Record<string | number, unknown>)[path[path.length - 1]!] = text;
}
