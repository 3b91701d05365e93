import { describe, expect, it } from 'vitest';
import { compileTextMasker } from './compileTextMasker';
import { maskName } from './maskPersonalData';
import { idSchema, provinceIdSchema, timestampSchema } from './entities/entityBase';
import { z } from './z';

const PII = '车主王小明 13812345678';
const MASKED = '车主王** 138****5678';

describe('compileTextMasker', () => {
  // A kind as a later issue might add it: nobody told masking about `remark` or `crew`.
  const schema = z
    .object({
      id: idSchema,
      at: timestampSchema,
      side: provinceIdSchema,
      state: z.enum(['open', 'closed']),
      remark: z.string().max(200),
      crew: z.array(z.object({ callSign: z.string(), joinedAt: timestampSchema })).optional(),
      labels: z.record(z.string(), z.string()).optional(),
      anything: z.union([z.string(), z.number()]).optional(),
      point: z.tuple([z.number(), z.number(), z.string()]).optional(),
      count: z.number(),
    })
    .transform((value) => ({ ...value, derived: 1 }));
  const mask = compileTextMasker(schema);
  const identity = (value: string) => value;

  it('masks a text field no list names: the schema says it is text', () => {
    const record = { id: 'x', at: '2026-11-23T10:00:00Z', side: 'zj', state: 'open', remark: PII, count: 1 };
    expect(mask(record, identity)).toEqual({ ...record, remark: MASKED });
  });

  it('masks text inside arrays, open records, unions and tuples, and never keys, times or enums', () => {
    const record = {
      id: PII,
      at: '2026-11-23T10:00:00Z',
      side: 'zj',
      state: 'open',
      remark: '巡查',
      crew: [{ callSign: PII, joinedAt: '2026-11-23T10:00:00Z' }],
      labels: { a: PII },
      anything: PII,
      point: [118.3, 28.8, PII],
      count: 1,
    };
    expect(mask(record, identity)).toEqual({ ...record, crew: [{ ...record.crew[0], callSign: MASKED }], labels: { a: MASKED }, anything: MASKED, point: [118.3, 28.8, MASKED] });
  });

  it('returns a record with nothing to mask as the same object, and never changes its input', () => {
    const record = { id: 'x', at: '2026-11-23T10:00:00Z', side: 'zj', state: 'open', remark: '白石边界巡查', crew: [{ callSign: '巡1', joinedAt: '2026-11-23T10:00:00Z' }], count: 1 };
    expect(mask(record, identity)).toBe(record);
    const withPii = { ...record, crew: [{ callSign: PII, joinedAt: '2026-11-23T10:00:00Z' }] };
    const masked = mask(withPii, identity) as typeof withPii;
    expect(withPii.crew[0]!.callSign).toBe(PII);
    expect(masked.crew).not.toBe(withPii.crew);
  });

  it('masks a named field with its own masker and hands the result to the intern', () => {
    const seen: string[] = [];
    const byField = compileTextMasker(schema, { 'crew.callSign': () => '**' });
    const record = { id: 'x', at: '2026-11-23T10:00:00Z', side: 'zj', state: 'open', remark: '', crew: [{ callSign: '巡1', joinedAt: '2026-11-23T10:00:00Z' }], count: 1 };
    expect((byField(record, (value) => (seen.push(value), value)) as typeof record).crew[0]!.callSign).toBe('**');
    expect(seen).toEqual(['**']);
  });

  it('masks a named field the same in every version of a record, as its masker does fresh', () => {
    const byField = compileTextMasker(schema, { 'crew.callSign': maskName });
    const names = ['王小明', '欧阳春生', '李四', '王小明', '欧阳春生', '李四'];
    for (const name of names) {
      const record = { id: 'x', at: '2026-11-23T10:00:00Z', side: 'zj', state: 'open', remark: '', crew: [{ callSign: name, joinedAt: '2026-11-23T10:00:00Z' }], count: 1 };
      expect((byField(record, identity) as typeof record).crew[0]!.callSign).toBe(maskName(name));
    }
  });
});
