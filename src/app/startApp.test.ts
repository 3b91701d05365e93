import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { type AppConfig, type ResolvedAppConfig, defaultAppConfig } from '../domain/appConfig';
import type { RegionPack } from '../domain/regionPack';
import type { Connections } from './connectDataSources';
import { type StartAppDeps, startApp } from './startApp';

/** 2026-11-23 10:00 in Beijing: the wall's reload window is hours away, within the next day. */
const NOW = Date.parse('2026-11-23T10:00:00+08:00');

function setUp(config: Partial<AppConfig>, region: { pack: RegionPack | null; error: string | null }) {
  const steps: string[] = [];
  let finishRegion!: () => void;
  let regionPromise: Promise<RegionPack> | undefined;
  const connections: Connections = { acknowledgeAlert: () => null, writesBack: () => false, assistWorkflow: () => null, auditTrail: () => null, instructions: () => null, handoffs: () => null,
    controlOrders: () => null, readHistory: () => null, stop: vi.fn() };
  const removed = vi.fn();
  const deps: StartAppDeps = {
    loadConfig: async () => ({ config: { ...defaultAppConfig, ...config }, problems: ['config.json: HTTP 500'] }) as ResolvedAppConfig,
    configure: (resolved) => void steps.push(`configure ${resolved.config.mode}`),
    loadRegion: (id) => {
      steps.push(`region ${id}`);
      return new Promise((resolve) => (finishRegion = resolve));
    },
    regionPack: () => region.pack,
    regionError: () => region.error,
    startData: (_config, pack) => {
      steps.push('data');
      regionPromise = pack();
      regionPromise.catch(() => {});
      return connections;
    },
    openPlayback: (window, at, speed) => void steps.push(`playback ${window} ${at} ${speed}`),
    recordError: (source, error) => void steps.push(`error ${source}: ${String(error)}`),
    listen: () => [removed],
    reload: () => void steps.push('reload'),
    now: () => NOW,
    random: () => 0.5,
  };
  return { deps, steps, connections, removed, finishRegion: () => finishRegion(), regionPromise: () => regionPromise! };
}

describe('startApp', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('applies the configuration before fetching anything, starts the region and the data together, and hands the data the pack once loaded', async () => {
    const pack = loadTestRegion();
    const page = setUp({ playback: { window: '24h', at: '2026-11-22T10:00:00Z', speed: 60 } }, { pack, error: null });
    const app = startApp(page.deps);
    await vi.waitFor(() => expect(page.steps).toContain('data'));
    expect(page.steps).toEqual(['configure standard', 'error config: config.json: HTTP 500', `region ${defaultAppConfig.region}`, 'data', `playback 24h ${Date.parse('2026-11-22T10:00:00Z')} 60`]);
    expect(app.connections()).toBe(page.connections);
    page.finishRegion();
    await expect(page.regionPromise()).resolves.toBe(pack);
    await app.ready;
    app.stop();
    expect(page.removed).toHaveBeenCalled();
    expect(page.connections.stop).toHaveBeenCalled();
  });

  it('reports a region that did not load, to diagnostics and to the data sources waiting for it', async () => {
    const page = setUp({}, { pack: null, error: 'regions/x.json: HTTP 404' });
    const app = startApp(page.deps);
    await vi.waitFor(() => expect(page.steps).toContain('data'));
    page.finishRegion();
    await expect(page.regionPromise()).rejects.toThrow('regions/x.json: HTTP 404');
    await app.ready;
    expect(page.steps.at(-1)).toBe('error region: regions/x.json: HTTP 404');
  });

  it('reloads a wall once a day in its quiet window, and never once stopped', async () => {
    const wall: Partial<AppConfig> = { mode: 'wall', reload: { ...defaultAppConfig.reload, enabled: true } };
    const page = setUp(wall, { pack: loadTestRegion(), error: null });
    const app = startApp(page.deps);
    await vi.waitFor(() => expect(page.steps).toContain('data'));
    page.finishRegion();
    await app.ready;
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(page.steps.filter((step) => step === 'reload')).toHaveLength(1);
    const stopped = setUp(wall, { pack: loadTestRegion(), error: null });
    const second = startApp(stopped.deps);
    await vi.waitFor(() => expect(stopped.steps).toContain('data'));
    stopped.finishRegion();
    await second.ready;
    second.stop();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(stopped.steps).not.toContain('reload');
  });
});
