/**
 * The compiled validators must be current and must agree with zod on every record: same verdict,
 * same output. The corpus is every record the simulator makes in a day, and thousands of broken
 * variants of them (each field removed, nulled, retyped, blown up; positions out of range;
 * unknown keys, __proto__ keys and constructor keys added).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_FINALIZERS, ENTITY_KINDS, ENTITY_RULES, ENTITY_SCHEMAS, type EntityKind } from '../../src/domain/entities/entityKinds';
import * as compiled from '../../src/domain/generated/entityValidators';
import { validateRecord } from '../../src/adapters/validateRecords';
import { BorderSimulator } from '../../src/simulator/borderSimulator';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { buildEntityValidatorsModule } from './buildEntityValidators';
import { entityJsonSchemas } from './buildContractDocuments';

const generatedDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'domain', 'generated');

function fastVerdict(kind: EntityKind, record: unknown): { ok: boolean; value?: unknown } {
  const copy = structuredClone(record);
  if (!(compiled as Record<EntityKind, (data: unknown) => boolean>)[kind](copy)) return { ok: false };
  if (!ENTITY_RULES[kind].every((rule) => rule.holds(copy as never))) return { ok: false };
  const finalize = ENTITY_FINALIZERS[kind];
  return { ok: true, value: finalize ? finalize(copy as never) : copy };
}

// Edge numbers sit just past the bounds the schemas set (severity 1–4, latitude ±90, officers ≤ 10000…).
const BROKEN_VALUES: unknown[] = [null, undefined, '', ' ', 'x'.repeat(5000), -1, 0, 5, 1.5, 91, 181, 10_001, 1e308, [], {}, [999, 999], [118.3, 91], ['118', '28'], true];

function variants(record: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const key of Object.keys(record)) {
    for (const value of BROKEN_VALUES) out.push({ ...record, [key]: value });
    const { [key]: _removed, ...rest } = record;
    out.push(rest);
    const nested = record[key];
    if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
      for (const inner of Object.keys(nested)) for (const value of BROKEN_VALUES.slice(0, 6)) out.push({ ...record, [key]: { ...(nested as object), [inner]: value } });
    }
    if (Array.isArray(nested) && nested.length > 0 && typeof nested[0] === 'object') {
      out.push({ ...record, [key]: [...nested, { at: 'yesterday', position: [0, 0] }] });
      out.push({ ...record, [key]: [null] });
    }
  }
  out.push({ ...record, extra: 'ignored' });
  out.push(JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(record).slice(1)}`));
  out.push({ ...record, constructor: 'x' });
  // The same hostile keys one level down, in every nested object (maps such as statusTimes too).
  for (const [key, nested] of Object.entries(record)) {
    if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
      out.push({ ...record, [key]: JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(nested).slice(1)}`) });
      out.push({ ...record, [key]: { ...(nested as object), constructor: 'x', extra: 1 } });
    }
  }
  return out;
}

interface StringSchema {
  type?: string;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, StringSchema>;
  items?: StringSchema | false;
}

/** A character outside the Basic Multilingual Plane: one code point, two UTF-16 units. */
const EMOJI = '🚓';

/**
 * Strings at and just past a field's length limits, counted in code points as the contract says:
 * astral characters (two UTF-16 units each) make a string whose units and code points disagree,
 * so a check that counted units, or skipped the count too eagerly, would give a different verdict.
 */
function lengthEdges(schema: StringSchema): { value: string; fits: boolean }[] {
  const edges: { value: string; fits: boolean }[] = [];
  const { minLength: min, maxLength: max } = schema;
  if (max !== undefined) {
    edges.push({ value: EMOJI.repeat(max), fits: true }, { value: EMOJI.repeat(max + 1), fits: false });
    edges.push({ value: `${EMOJI.repeat(max - 1)}ab`, fits: false }, { value: `${EMOJI.repeat(max - 1)}a`, fits: true });
    edges.push({ value: 'a'.repeat(max), fits: true }, { value: 'a'.repeat(max + 1), fits: false });
  }
  if (min !== undefined) {
    edges.push({ value: EMOJI.repeat(min), fits: true }, { value: 'a'.repeat(min), fits: true });
    if (min > 0) edges.push({ value: `${EMOJI.repeat(min - 1)}`, fits: false });
    // A lone surrogate is one code point too.
    edges.push({ value: '\ud83d'.repeat(min), fits: true });
  }
  return edges;
}

/** Each string field of the record with a length limit, at each of its edges (nested objects and the first element of arrays too). */
function lengthVariants(record: unknown, schema: StringSchema): { path: string; value: unknown; fits: boolean }[] {
  if (Array.isArray(record)) {
    if (record.length === 0 || !schema.items) return [];
    return lengthVariants(record[0], schema.items).map(({ path, value, fits }) => ({ path: `[0]${path}`, value: [value, ...record.slice(1)], fits }));
  }
  if (typeof record !== 'object' || record === null || !schema.properties) return [];
  const out: { path: string; value: unknown; fits: boolean }[] = [];
  for (const [key, field] of Object.entries(schema.properties)) {
    const current = (record as Record<string, unknown>)[key];
    if (field.type === 'string' && typeof current === 'string') {
      for (const edge of lengthEdges(field)) out.push({ path: `.${key}`, value: { ...record, [key]: edge.value }, fits: edge.fits });
    } else if (current !== undefined) {
      for (const inner of lengthVariants(current, field)) out.push({ path: `.${key}${inner.path}`, value: { ...record, [key]: inner.value }, fits: inner.fits });
    }
  }
  return out;
}

describe('the compiled entity validators', () => {
  let corpus: { kind: EntityKind; record: Record<string, unknown> }[];
  beforeAll(() => {
    const simulator = new BorderSimulator({ seed: 12, region: loadTestRegion(), start: Date.parse('2026-11-23T02:00:00Z'), logLimit: 1_000_000 });
    simulator.advanceTo(simulator.now + 24 * 3_600_000);
    const byKind = new Map<EntityKind, Record<string, unknown>[]>();
    for (const change of simulator.log.after(0)) {
      if (change.op === 'upsert') (byKind.get(change.kind) ?? byKind.set(change.kind, []).get(change.kind)!).push(change.record as Record<string, unknown>);
    }
    // A spread of each kind: first, middle and last records, so every lifecycle stage appears.
    corpus = ENTITY_KINDS.flatMap((kind) => {
      const records = byKind.get(kind) ?? [];
      const picks = new Set([0, 1, 2, Math.floor(records.length / 3), Math.floor(records.length / 2), records.length - 2, records.length - 1].filter((i) => i >= 0 && i < records.length));
      return [...picks].map((i) => ({ kind, record: records[i]! }));
    });
  });

  it('are the ones `npm run contract` generates from the current schemas', () => {
    const { javascript, declarations } = buildEntityValidatorsModule();
    expect(readFileSync(join(generatedDir, 'entityValidators.js'), 'utf8')).toBe(javascript);
    expect(readFileSync(join(generatedDir, 'entityValidators.d.ts'), 'utf8')).toBe(declarations);
  });

  it('need no eval and no run-time library', () => {
    const javascript = readFileSync(join(generatedDir, 'entityValidators.js'), 'utf8');
    expect(javascript).not.toMatch(/new Function|\beval\(|require\(|^import /m);
  });

  it('accept every well-formed record zod accepts and produce the same record', () => {
    expect(corpus.length).toBeGreaterThan(30);
    for (const { kind, record } of corpus) {
      const zod = ENTITY_SCHEMAS[kind].safeParse(structuredClone(record));
      const fast = fastVerdict(kind, record);
      expect(fast.ok, `${kind} ${String(record.id)}`).toBe(zod.success);
      expect(fast.value).toEqual(zod.data);
    }
  });

  it('never accept what zod rejects, and the app’s verdict is zod’s, across thousands of broken variants', () => {
    let checked = 0;
    let rejected = 0;
    let fallbacks = 0;
    for (const { kind, record } of corpus) {
      for (const variant of variants(record)) {
        const zod = ENTITY_SCHEMAS[kind].safeParse(structuredClone(variant));
        const fast = fastVerdict(kind, variant);
        const label = `${kind} ${JSON.stringify(variant).slice(0, 300)}`;
        // The unsafe direction: the fast path must never let through what zod refuses.
        if (!zod.success) expect(fast.ok, label).toBe(false);
        if (fast.ok) expect(fast.value, label).toEqual(zod.data);
        // The fast path may be stricter (then zod decides): what the app does is zod's verdict.
        if (zod.success && !fast.ok) fallbacks += 1;
        const app = validateRecord(kind, structuredClone(variant), { source: 'test', crs: 'wgs84' });
        expect(app.ok, label).toBe(zod.success);
        if (app.ok) expect(app.value.record).toEqual(zod.data);
        checked += 1;
        if (!zod.success) rejected += 1;
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(rejected).toBeGreaterThan(2000);
    // Only hostile `__proto__` keys inside maps take the slow path (zod drops them, ajv refuses).
    expect(fallbacks).toBeLessThan(checked * 0.02);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('count string lengths in code points as zod does, at and just past every limit', () => {
    const schemas = entityJsonSchemas() as unknown as Record<EntityKind, StringSchema>;
    let checked = 0;
    for (const { kind, record } of corpus) {
      for (const { path, value, fits } of lengthVariants(record, schemas[kind])) {
        const zod = ENTITY_SCHEMAS[kind].safeParse(structuredClone(value));
        const fast = fastVerdict(kind, value);
        const label = `${kind} ${String(record.id)} ${path} = ${JSON.stringify(value).slice(0, 120)}`;
        expect(zod.success, label).toBe(fits);
        expect(fast.ok, label).toBe(fits);
        if (fast.ok) expect(fast.value, label).toEqual(zod.data);
        expect(validateRecord(kind, structuredClone(value), { source: 'test', crs: 'wgs84' }).ok, label).toBe(fits);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
