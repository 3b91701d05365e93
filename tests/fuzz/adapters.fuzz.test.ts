/**
 * Over ten thousand malformed records through each adapter that takes outside input (http
 * snapshot, geojson file), plus broken whole bodies: nothing crashes or rejects unhandled, every
 * malformed record is counted with a reason, every valid one beside it is kept, and no
 * `__proto__` key reaches Object.prototype. The stream paths share the same record gate,
 * `validateChanges`, fuzzed here directly. The in-page mock adapter takes no outside input.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BorderSimulator } from '../../src/simulator/borderSimulator';
import { success } from '../../src/adapters/contract';
import { createGeojsonDataSource } from '../../src/adapters/geojson/createGeojsonDataSource';
import { createHttpDataSource } from '../../src/adapters/http/createHttpDataSource';
import { MAX_REASON_LENGTH, validateChanges } from '../../src/adapters/validateRecords';
import { loadTestRegion } from '../contract/loadTestRegion';
import { brokenBodies, generateRecords } from './malformedRecords';

const BATCHES = 100;
const PER_BATCH = 120;
const MALFORMED_SHARE = 0.88;

let unhandled = 0;
const countUnhandled = () => (unhandled += 1);
let valid: { kind: string; record: Record<string, unknown> }[];

beforeAll(() => {
  process.on('unhandledRejection', countUnhandled);
  const simulator = new BorderSimulator({ seed: 5, region: loadTestRegion(), start: Date.parse('2026-11-23T02:00:00Z') });
  valid = simulator.snapshot(['station', 'alert', 'gridEvent', 'assistRequest']).records.map((r) => ({ kind: r.kind, record: r.record as Record<string, unknown> }));
});
afterAll(() => {
  process.off('unhandledRejection', countUnhandled);
  expect(unhandled).toBe(0);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function expectReasons(rejected: readonly { reason: string }[]) {
  for (const rejection of rejected) {
    expect(typeof rejection.reason).toBe('string');
    expect(rejection.reason.length).toBeGreaterThan(0);
    expect(rejection.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
  }
}

describe('the http adapter under malformed snapshots', () => {
  let server: Server;
  let body = '';
  let baseUrl = '';
  beforeAll(async () => {
    server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('counts every malformed record with its reason and keeps every valid one, batch after batch', async () => {
    const source = createHttpDataSource({ id: 'fuzz', baseUrl, stream: 'none', crs: 'wgs84', timeoutMs: 15_000, heartbeatTimeoutMs: 15_000 });
    let malformed = 0;
    for (let batch = 0; batch < BATCHES; batch++) {
      const records = generateRecords(valid, PER_BATCH, MALFORMED_SHARE, batch, true);
      body = `{"seq":${batch},"records":[${records.map((r) => `{"kind":"${r.kind}","record":${r.text}}`).join(',')}]}`;
      const result = await source.snapshot();
      if (!result.ok) throw new Error(`batch ${batch}: ${result.error.reason}`);
      malformed += result.value.rejected.length;
      expect(result.value.records.map((r) => r.record.id), `batch ${batch}: the valid ones kept`).toEqual(records.filter((r) => r.valid).map((r) => JSON.parse(r.text).id));
      expect(result.value.rejected, `batch ${batch}: every malformed one counted`).toHaveLength(records.filter((r) => !r.valid).length);
      expectReasons(result.value.rejected);
    }
    expect(malformed).toBeGreaterThan(10_000);
    source.close();
  }, 120_000);

  it('turns a broken body into a failure with a reason, never a crash', async () => {
    const source = createHttpDataSource({ id: 'fuzz', baseUrl, stream: 'none', crs: 'wgs84', timeoutMs: 15_000, heartbeatTimeoutMs: 15_000 });
    const good = `{"seq":1,"records":[${valid.slice(0, 20).map((v) => JSON.stringify(v)).join(',')}]}`;
    for (const { body: broken, mutation } of brokenBodies(good, 3, 200)) {
      body = broken;
      const result = await source.snapshot();
      expect(result.ok, `${mutation}: ${broken.slice(0, 60)}`).toBe(false);
      if (!result.ok && mutation !== 'wrong envelope') expect(result.error.reason, mutation).toMatch(/not JSON|expected|Invalid/);
      if (!result.ok) expect(result.error.reason.length, mutation).toBeGreaterThan(0);
    }
    source.close();
  }, 60_000);
});

describe('the geojson adapter under malformed features', () => {
  // Each poll is a new file; every broken feature in it differs from the last poll's (a feature
  // left broken from one poll to the next is reported once, by design).
  it('counts every broken feature with its reason and keeps the good ones', async () => {
    const feature = (code: string) => ({ type: 'Feature', properties: { code, name: `站${code}` }, geometry: { type: 'Point', coordinates: [118.35, 28.83] } });
    const broken: ((code: string) => string)[] = [
      (code) => JSON.stringify({ ...feature(code), geometry: { type: 'Point', coordinates: [999, 99] } }),
      (code) => JSON.stringify({ ...feature(code), geometry: { type: 'Polygon', coordinates: 'x' } }),
      (code) => JSON.stringify({ ...feature(code), properties: { code, name: 'x'.repeat(100_000) } }),
      (code) => `{"type":"Feature","properties":{"__proto__":{"polluted":true},"code":"${code}","name":7},"geometry":{"type":"Point","coordinates":[118.3,28.8]}}`,
      (code) => `{"type":"Feature","properties":{"code":"${code}","name":"n"},"geometry":{"type":"Point","coordinates":[NaN,28.8]}}`.replace('NaN', 'null'),
      (code) => JSON.stringify({ ...feature(code), properties: { code, name: JSON.parse(`${'['.repeat(2000)}1${']'.repeat(2000)}`) as unknown } }),
      (code) => JSON.stringify({ type: 'Feature', properties: { code }, geometry: null }),
      (code) => `["${code}"]`,
      (code) => `"feature ${code}"`,
    ];
    let text = '';
    const source = createGeojsonDataSource(
      {
        type: 'geojson',
        id: 'fuzz-gis',
        url: '/fuzz.geojson',
        kind: 'station',
        crs: 'wgs84',
        pollIntervalMs: 60_000,
        timeoutMs: 15_000,
        fields: { id: 'properties.code', name: 'properties.name' },
        constants: { province: 'zj', county: '330822', stationKind: 'police-station', officersOnDuty: 3 },
        valueMaps: {},
      },
      async () => success(text),
    );
    let malformed = 0;
    for (let batch = 0; batch < BATCHES; batch++) {
      const features: string[] = [];
      let good = 0;
      for (let i = 0; i < PER_BATCH; i++) {
        const code = `f-${batch}-${i}`;
        if (i % 8 === 0) {
          features.push(JSON.stringify(feature(code)));
          good += 1;
        } else features.push(broken[i % broken.length]!(code));
      }
      text = `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
      const result = await source.snapshot();
      if (!result.ok) throw new Error(`batch ${batch}: ${result.error.reason}`);
      expect(result.value.records).toHaveLength(good);
      expect(result.value.rejected).toHaveLength(PER_BATCH - good);
      expectReasons(result.value.rejected);
      malformed += result.value.rejected.length;
    }
    expect(malformed).toBeGreaterThan(10_000);
    source.close();
  }, 120_000);
});

describe('the change gate every stream shares', () => {
  it('rejects each malformed change alone, with its reason, and applies the rest', () => {
    let malformed = 0;
    for (let batch = 0; batch < BATCHES; batch++) {
      const records = generateRecords(valid, PER_BATCH, MALFORMED_SHARE, 1000 + batch);
      // NaN and Infinity as real numbers, as an in-page source or `ingest()` could hand them over.
      const raw = records.map((r, i) => {
        const numeric = r.text.match(/"version":(NaN|-?Infinity|1e999)/)?.[1];
        const record = JSON.parse(numeric ? r.text.replace(/"version":(NaN|-?Infinity|1e999)/, '"version":0') : r.text) as Record<string, unknown> | null;
        if (numeric && record) record.version = numeric === 'NaN' ? Number.NaN : numeric.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        return { seq: i + 1, kind: r.kind, op: 'upsert', record };
      });
      const { changes, rejected } = validateChanges(raw, { source: 'fuzz', crs: 'wgs84' });
      expect(changes.map((c) => (c.op === 'upsert' ? c.record.id : c.id))).toEqual(records.filter((r) => r.valid).map((r) => JSON.parse(r.text).id));
      expect(rejected).toHaveLength(records.filter((r) => !r.valid).length);
      expectReasons(rejected);
      malformed += rejected.length;
    }
    expect(malformed).toBeGreaterThan(10_000);
    // Tens of thousands of records validated: ~2 s idle, past vitest's 5 s default on a busy machine.
  }, 120_000);
});
