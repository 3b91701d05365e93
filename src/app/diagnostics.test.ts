import { describe, expect, it } from 'vitest';
import { describeError } from '../domain/describeError';
import { rendererProbe } from '../map/rendererProbe';
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

  it('asks the GPU for the renderer facts once, however often diagnostics are read', () => {
    // gl.getParameter is a synchronous GPU round trip: a console or benchmark reading diagnostics
    // every frame must not add one per read. Sizes stay live (a wall resized shows its new size).
    let gpuReads = 0;
    const gl = {
      VERSION: 0x1f02,
      RENDERER: 0x1f01,
      drawingBufferWidth: 1280,
      drawingBufferHeight: 720,
      getExtension: () => ({ UNMASKED_RENDERER_WEBGL: 0x9246 }),
      getParameter: (name: number) => {
        gpuReads += 1;
        return name === 0x1f02 ? 'WebGL 2.0' : 'SwiftShader';
      },
    } as unknown as WebGLRenderingContext;
    const hub = new DiagnosticsHub();
    hub.setRendererProbe(rendererProbe(gl, () => ({ drawingBuffer: { width: gl.drawingBufferWidth, height: gl.drawingBufferHeight } })), () => 0);
    for (let i = 0; i < 99; i++) hub.snapshot();
    (gl as { drawingBufferWidth: number }).drawingBufferWidth = 3840;
    expect(hub.snapshot().renderer).toEqual({ webgl: 'WebGL 2.0', renderer: 'SwiftShader', webgl2: false, drawingBuffer: { width: 3840, height: 720 } });
    expect(gpuReads).toBe(2);
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
