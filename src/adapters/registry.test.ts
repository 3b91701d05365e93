import { describe, expect, it } from 'vitest';
import { createDataSource, registerAdapter } from './registry';
import { registerBuiltinAdapters } from './registerBuiltinAdapters';

const environment = { region: () => Promise.reject(new Error('no region in this test')) };

describe('the adapter registry', () => {
  it('creates the adapter a config names, by its type', async () => {
    registerBuiltinAdapters();
    const created = await createDataSource({ type: 'http', id: 'backend', baseUrl: '/api/v1', stream: 'sse', crs: 'wgs84', timeoutMs: 15_000, heartbeatTimeoutMs: 15_000 }, environment);
    expect(created.ok && created.value.type).toBe('http');
  });

  it('loads the mqtt adapter on first use', async () => {
    registerBuiltinAdapters();
    const created = await createDataSource(
      { type: 'mqtt', id: 'broker', baseUrl: '/api/v1', brokerUrl: '/mqtt', topicPrefix: 'safe-border/v1', qos: 1, sessionExpirySeconds: 60, crs: 'wgs84', timeoutMs: 15_000, heartbeatTimeoutMs: 15_000, gapWaitMs: 500 },
      environment,
    );
    expect(created.ok && created.value.type).toBe('mqtt');
  });

  it('says which adapter failed to start and why, as a value', async () => {
    registerBuiltinAdapters();
    const created = await createDataSource({ type: 'mock', id: 'sim', seed: 1, speed: 1 }, environment);
    expect(created).toEqual({ ok: false, error: { code: 'unsupported', reason: 'sim: the mock adapter could not start: no region in this test' } });
    registerAdapter('geojson', async () => {
      throw new Error('boom');
    });
    const broken = await createDataSource({ type: 'geojson', id: 'gis', url: '/a.json', kind: 'station', crs: 'wgs84', pollIntervalMs: 60_000, timeoutMs: 15_000, fields: {}, constants: {}, valueMaps: {} }, environment);
    expect(broken.ok).toBe(false);
  });
});
