import { describe, expect, it } from 'vitest';
import { describeError } from '../domain/describeError';
import { DiagnosticsHub, MAX_DIAGNOSTIC_ERRORS } from './diagnostics';

describe('DiagnosticsHub', () => {
  it('reports region, layers, renderer, frames and errors as plain JSON', () => {
    const hub = new DiagnosticsHub(() => new Date('2026-11-23T10:00:00Z'));
    hub.setRegion('changshan-yushan');
    hub.setLayer({ id: 'counties', featureCount: 10, visible: true });
    hub.setRendererProbe(() => ({ renderer: 'SwiftShader' }), () => 42);
    hub.recordError('render', new TypeError('boom'));
    hub.setReady(true);
    const snapshot = hub.snapshot();
    expect(snapshot).toEqual({
      regionId: 'changshan-yushan',
      ready: true,
      layers: [{ id: 'counties', featureCount: 10, visible: true }],
      renderer: { renderer: 'SwiftShader' },
      framesRendered: 42,
      errors: [{ source: 'render', message: 'TypeError: boom', at: '2026-11-23T10:00:00.000Z' }],
      errorsDropped: 0,
      sources: [],
      entities: {},
    });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('hands out copies, so a caller cannot change the hub through a snapshot', () => {
    const hub = new DiagnosticsHub();
    hub.setLayer({ id: 'towns', featureCount: 6, visible: true });
    hub.snapshot().layers[0]!.featureCount = 0;
    expect(hub.snapshot().layers[0]!.featureCount).toBe(6);
  });

  it('keeps only the newest errors but counts them all', () => {
    const hub = new DiagnosticsHub();
    for (let i = 0; i < MAX_DIAGNOSTIC_ERRORS + 25; i++) hub.recordError('test', `error ${i}`);
    const errors = hub.snapshot().errors;
    expect(errors).toHaveLength(MAX_DIAGNOSTIC_ERRORS);
    expect(errors[errors.length - 1]!.message).toBe(`error ${MAX_DIAGNOSTIC_ERRORS + 24}`);
    expect(hub.snapshot().errorsDropped).toBe(25);
  });

  it('describes any thrown value', () => {
    expect(describeError(new RangeError('bad'))).toBe('RangeError: bad');
    expect(describeError('plain')).toBe('plain');
    expect(describeError({ code: 7 })).toBe('{"code":7}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeError(cyclic)).toBe('[object Object]');
  });
});
