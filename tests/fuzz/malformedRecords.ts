/**
 * Malformed records as a hostile or broken backend would send them, generated from valid ones:
 * wrong types, huge strings, deep nesting, NaN and Infinity, out-of-range coordinates, unknown
 * enum values, `__proto__` and `constructor` keys, missing fields. Each comes as JSON text, since
 * several of these (NaN, a `__proto__` key) cannot be built as objects and survive serialisation.
 */
import { SeededRandom } from '../../src/simulator/seededRandom';

export interface Generated {
  kind: string;
  /** The record as JSON text, to be placed in an array. */
  text: string;
  valid: boolean;
  /** What was done to it, for failure messages. */
  mutation: string;
}

const deep = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

type Mutation = (record: Record<string, unknown>, random: SeededRandom) => string;

/** Replaces the text of `"key":value` (a top-level field) with `"key":<raw>`. */
function withRaw(record: Record<string, unknown>, key: string, raw: string): string {
  const { [key]: _dropped, ...rest } = record;
  const body = JSON.stringify(rest);
  return `{"${key}":${raw}${body.length > 2 ? `,${body.slice(1)}` : '}'}`;
}

const MUTATIONS: Record<string, Mutation> = {
  // A value of another JSON type than the field's, so the record cannot stay valid by chance.
  'wrong type': (r, random) => {
    const key = random.pick(Object.keys(r));
    const value = r[key];
    const raw = typeof value === 'string' ? random.pick(['123', 'true', '[]', '{}', 'null']) : typeof value === 'number' ? random.pick(['"7"', 'true', '[]', 'null']) : Array.isArray(value) ? random.pick(['"list"', '7', '{}', 'null']) : random.pick(['"object"', '7', '[]', 'null']);
    return withRaw(r, key, raw);
  },
  'huge string': (r) => withRaw(r, 'id', JSON.stringify('x'.repeat(200_000))),
  'deep nesting': (r, random) => withRaw(r, random.pick(Object.keys(r)), deep(random.int(500, 3000))),
  NaN: (r) => withRaw(r, 'version', 'NaN'),
  Infinity: (r, random) => withRaw(r, 'version', random.pick(['Infinity', '-Infinity', '1e999'])),
  'out-of-range position': (r, random) => withRaw(r, 'position', JSON.stringify(random.pick([[999, 28], [118, -91], [181, 91], [118], ['118', '28']]))),
  'unknown enum value': (r) => {
    const key = ['status', 'stationKind', 'stage', 'category', 'patrolKind', 'betterWhen'].find((k) => k in r) ?? 'province';
    return withRaw(r, key, '"teleported"');
  },
  '__proto__ key': (r) => `{"__proto__":{"polluted":true,"version":99},${JSON.stringify({ ...r, version: 'x' }).slice(1)}`,
  'constructor key': (r) => JSON.stringify({ ...r, constructor: { prototype: { polluted: true } }, updatedAt: 'yesterday' }),
  'missing id': (r) => JSON.stringify({ ...r, id: undefined }),
  'not an object': (_r, random) => random.pick(['null', '42', '"record"', '[]', 'true']),
};

/** Mutations whose text is not JSON: they break a whole HTTP body, so they go through in-memory paths. */
const NOT_JSON = new Set(['NaN', 'Infinity']);

/**
 * `count` records, about `malformedShare` of them malformed, the rest valid copies with fresh ids.
 * `json`: only mutations that keep the text JSON (for a body that must still parse).
 */
export function generateRecords(valid: readonly { kind: string; record: Record<string, unknown> }[], count: number, malformedShare: number, seed: number, json = false): Generated[] {
  const random = new SeededRandom(seed);
  const names = Object.keys(MUTATIONS).filter((name) => !json || !NOT_JSON.has(name));
  return Array.from({ length: count }, (_, index) => {
    const picked = random.pick(valid);
    const base = { ...picked.record, id: `fuzz-${seed}-${index}` };
    if (random.between(0, 1) >= malformedShare) return { kind: picked.kind, text: JSON.stringify(base), valid: true, mutation: 'none' };
    const mutation = names[index % names.length]!;
    return { kind: picked.kind, text: MUTATIONS[mutation]!(base, random), valid: false, mutation };
  });
}

/** Whole bodies broken beyond records: truncated, not JSON, nested too deep, NaN at the top. */
export function brokenBodies(goodBody: string, seed: number, count: number): { body: string; mutation: string }[] {
  const random = new SeededRandom(seed);
  const makers: [string, () => string][] = [
    ['truncated JSON', () => goodBody.slice(0, random.int(1, Math.max(2, goodBody.length - 2)))],
    ['not JSON', () => random.pick(['<html>502 Bad Gateway</html>', '', 'undefined', '{"seq":1,"records":[', '\u0000\u0001'])],
    ['deep nesting', () => deep(random.int(2000, 20000))],
    ['NaN at the top', () => `{"seq":NaN,"records":[]}`],
    ['wrong envelope', () => random.pick(['[]', '{"records":{}}', '{"seq":-1,"records":[]}', '{"seq":"1","records":[]}', 'null'])],
  ];
  return Array.from({ length: count }, (_, index) => {
    const [mutation, make] = makers[index % makers.length]!;
    return { body: make(), mutation };
  });
}
