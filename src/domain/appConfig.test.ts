import { describe, expect, it } from 'vitest';
import { defaultAppConfig, resolveAppConfig } from './appConfig';
import { showsPersonalData } from './modeConfig';

const params = (query: string) => new URLSearchParams(query);

describe('resolveAppConfig', () => {
  it('uses the defaults when there is no config file', () => {
    const { config, problems } = resolveAppConfig(undefined, params(''));
    expect(config).toEqual(defaultAppConfig);
    expect(config.region).toBe('changshan-yushan');
    expect(config.basemap.kind).toBe('dark');
    expect(problems).toEqual([]);
  });

  it('reads an intranet tile source from the file', () => {
    const { config, problems } = resolveAppConfig(
      { basemap: { kind: 'intranet', intranet: { type: 'xyz', url: '/tiles/{z}/{x}/{y}.png', maximumLevel: 17 } } },
      params(''),
    );
    expect(problems).toEqual([]);
    expect(config.basemap.intranet).toMatchObject({ type: 'xyz', tilingScheme: 'web-mercator', maximumLevel: 17, minimumLevel: 0 });
  });

  it('falls back to the defaults on a bad file and says what was wrong', () => {
    const { config, problems } = resolveAppConfig({ basemap: { kind: 'intranet' } }, params(''));
    expect(config).toEqual(defaultAppConfig);
    expect(problems).toEqual(['config.json basemap.intranet: basemap.kind "intranet" needs basemap.intranet (the tile source)']);
  });

  it('rejects a tile server on another host, which the page’s CSP would block silently', () => {
    const { problems } = resolveAppConfig(
      { basemap: { kind: 'intranet', intranet: { type: 'xyz', url: 'http://tiles.example.org/tiles/{z}/{x}/{y}.png' } } },
      params(''),
    );
    expect(problems.join()).toMatch(/must be a path on this server/);
  });

  it('rejects a tile template without its placeholders', () => {
    const { problems } = resolveAppConfig({ basemap: { kind: 'intranet', intranet: { type: 'xyz', url: '/tiles/tile.png' } } }, params(''));
    expect(problems.join()).toMatch(/tile template needs \{z\}, \{x\} and \{y\}/);
  });

  it('switches the data source from the URL: the in-page simulator or the backend', () => {
    expect(resolveAppConfig(undefined, params('source=mock')).config.sources).toEqual([{ type: 'mock', id: 'simulator', seed: 20_240_430, speed: 1 }]);
    expect(resolveAppConfig(undefined, params('source=http')).config.sources[0]).toMatchObject({ type: 'http', baseUrl: '/api/v1', stream: 'sse' });
    expect(resolveAppConfig(undefined, params('source=none')).config.sources).toEqual([]);
    const bad = resolveAppConfig(undefined, params('source=ftp'));
    expect(bad.config.sources[0]!.type).toBe('http');
    expect(bad.problems[0]).toMatch(/^URL parameter source="ftp" ignored/);
  });

  it('picks the live layers shown at start from the URL, and names a layer it does not know', () => {
    expect(resolveAppConfig(undefined, params('')).config.layers).toHaveLength(7);
    expect(resolveAppConfig(undefined, params('layers=alerts,stations')).config.layers).toEqual(['alerts', 'stations']);
    expect(resolveAppConfig(undefined, params('layers=')).config.layers).toEqual([]);
    const bad = resolveAppConfig(undefined, params('layers=alerts,ufos'));
    expect(bad.config.layers).toHaveLength(7);
    expect(bad.problems[0]).toMatch(/layers\[1\]/);
  });

  it('lets the URL keep the camera still on new alerts, or lower the severity it flies to', () => {
    expect(resolveAppConfig(undefined, params('')).config.alertFocus.minSeverity).toBe(4);
    expect(resolveAppConfig(undefined, params('focus=off')).config.alertFocus.minSeverity).toBeNull();
    expect(resolveAppConfig(undefined, params('focus=3')).config.alertFocus).toEqual({ minSeverity: 3, dwellSeconds: 10 });
    const bad = resolveAppConfig(undefined, params('focus=7'));
    expect(bad.config.alertFocus.minSeverity).toBe(4);
    expect(bad.problems[0]).toMatch(/^URL parameter focus="7" ignored: alertFocus\.minSeverity/);
  });

  it('sets the mode, its deck or tour, the duty filters and playback from the URL alone', () => {
    const { config, problems } = resolveAppConfig(undefined, params('mode=duty&severity=3&sides=zj,jx&towns=球川镇&playback=7d&speed=600&at=2026-11-20T08:00:00Z'));
    expect(problems).toEqual([]);
    expect(config.mode).toBe('duty');
    expect(config.duty).toEqual({ minSeverity: 3, sides: ['zj', 'jx'], towns: ['球川镇'] });
    expect(config.playback).toEqual({ window: '7d', speed: 600, at: '2026-11-20T08:00:00Z' });
    expect(resolveAppConfig(undefined, params('mode=briefing&deck=my-deck')).config).toMatchObject({ mode: 'briefing', deck: 'my-deck' });
    expect(resolveAppConfig(undefined, params('')).config.mode).toBe('standard');
    expect(resolveAppConfig(undefined, params('')).config.playback).toBeUndefined();
  });

  it('sets the wall’s dwell and turns its daily self-reload on from the URL', () => {
    const { config, problems } = resolveAppConfig(undefined, params('mode=wall&tour=night&dwell=15&reload=03:30'));
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ mode: 'wall', tour: 'night', dwellSeconds: 15, reload: { enabled: true, at: '03:30', windowMinutes: 30 } });
    expect(resolveAppConfig(undefined, params('')).config.reload.enabled).toBe(false);
    expect(resolveAppConfig(undefined, params('reload=25:00')).problems[0]).toMatch(/^URL parameter reload="25:00" ignored: reload\.at: a time of day is HH:MM/);
  });

  it('names a bad mode, window or speed, and keeps the rest', () => {
    const { config, problems } = resolveAppConfig(undefined, params('mode=kiosk&playback=2026-11-23~2026-11-01&lang=en'));
    expect(config).toMatchObject({ mode: 'standard', language: 'en' });
    expect(config.playback).toBeUndefined();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^URL parameter mode="kiosk" ignored/);
    expect(problems[1]).toMatch(/^URL parameter playback=.*the first before the second/);
    const fast = resolveAppConfig(undefined, params('playback=24h&speed=9000'));
    expect(fast.config.playback).toEqual({ window: '24h', speed: 60 });
    expect(fast.problems[0]).toMatch(/^URL parameter speed="9000" ignored/);
  });

  it('never lets the URL show personal data whole: only config.json can allow it, and only in duty mode', () => {
    expect(resolveAppConfig(undefined, params('mode=duty&privacy=off&unmaskInDuty=true')).config.privacy.unmaskInDuty).toBe(false);
    const dutyDesk = { mode: 'duty', privacy: { unmaskInDuty: true } };
    expect(showsPersonalData(resolveAppConfig(dutyDesk, params('')).config)).toBe(true);
    expect(showsPersonalData(resolveAppConfig(dutyDesk, params('mode=wall')).config)).toBe(false);
    // A wall on the same deployment, its URL edited to duty mode: still masked.
    expect(showsPersonalData(resolveAppConfig({ privacy: { unmaskInDuty: true } }, params('mode=duty')).config)).toBe(false);
    expect(showsPersonalData(resolveAppConfig(undefined, params('mode=duty')).config)).toBe(false);
  });

  it('lets URL parameters override the file, each on its own', () => {
    const { config, problems } = resolveAppConfig({ region: 'changshan-yushan' }, params('basemap=natural-earth&region=bad%20id!'));
    expect(config.basemap.kind).toBe('natural-earth');
    expect(config.region).toBe('changshan-yushan');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^URL parameter region="bad id!" ignored/);
  });

  it('opens the 2D view from the URL or the file, and takes an intranet 2D style only from this server', () => {
    expect(resolveAppConfig(undefined, params('')).config.view).toBe('3d');
    expect(resolveAppConfig(undefined, params('view=2d')).config.view).toBe('2d');
    expect(resolveAppConfig({ view: '2d' }, params('')).config.view).toBe('2d');
    const bad = resolveAppConfig(undefined, params('view=flat'));
    expect(bad.config.view).toBe('3d');
    expect(bad.problems[0]).toMatch(/^URL parameter view="flat" ignored/);
    expect(resolveAppConfig({ basemap: { kind: 'dark', style2d: '/styles/intranet.json' } }, params('')).config.basemap.style2d).toBe('/styles/intranet.json');
    const foreign = resolveAppConfig({ basemap: { kind: 'dark', style2d: 'https://tiles.example.com/style.json' } }, params(''));
    expect(foreign.config.basemap.style2d).toBeUndefined();
    expect(foreign.problems.join()).toMatch(/basemap\.style2d/);
  });

  it('takes an mqtt source with the broker behind a same-origin path, and names what is wrong with one', () => {
    const { config, problems } = resolveAppConfig({ sources: [{ type: 'mqtt', id: 'broker' }] }, params(''));
    expect(problems).toEqual([]);
    expect(config.sources[0]).toMatchObject({ type: 'mqtt', baseUrl: '/api/v1', brokerUrl: '/mqtt', topicPrefix: 'safe-border/v1', qos: 1, sessionExpirySeconds: 3600 });
    const bad = resolveAppConfig({ sources: [{ type: 'mqtt', id: 'broker', brokerUrl: 'ws://10.1.2.3:8083/mqtt', topicPrefix: 'safe-border/#', qos: 0 }] }, params(''));
    const text = bad.problems.join('\n');
    expect(text).toMatch(/brokerUrl.*must be a path on this server/);
    expect(text).toMatch(/topicPrefix.*without wildcards/);
    expect(text).toMatch(/qos/);
  });
});
