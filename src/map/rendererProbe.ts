/**
 * What diagnostics report about the globe's WebGL context. `gl.getParameter` is a synchronous
 * round trip to the GPU process, so the facts that never change for a context (its version, the
 * GPU, WebGL 2 or not) are read once when the probe is made; only cheap values (sizes, flags the
 * app sets) are read on each call, so a benchmark or console asking often does not stall frames.
 */
// A type, not an interface: diagnostics take plain records, and only a type alias fits one.
export type RendererFacts = {
  webgl: string;
  renderer: string;
  webgl2: boolean;
};

export function rendererProbe<Live extends object>(gl: WebGLRenderingContext, live: () => Live): () => RendererFacts & Live {
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const facts: RendererFacts = {
    webgl: String(gl.getParameter(gl.VERSION)),
    renderer: String(debugInfo ? gl.getParameter(debugInfo.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)),
    webgl2: typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext,
  };
  return () => ({ ...facts, ...live() });
}
