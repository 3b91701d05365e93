/**
 * The dashboard's Content-Security-Policy, in one place for the preview server's header and the
 * <meta> tag baked into the built index.html (so a plain static deployment keeps it too).
 *
 * No 'unsafe-eval': Cesium is imported from @cesium/engine (the `cesium` umbrella pulls in
 * knockout, which evals at import), zod runs jitless. 'wasm-unsafe-eval' is for Cesium's
 * meshoptimizer WebAssembly; 'unsafe-inline' styles are set by Cesium and Vue on elements.
 */
const directives: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** Directives a <meta> policy may not carry (browsers ignore them there and log an error). */
const headerOnly: Record<string, string> = {
  'frame-ancestors': "'self'",
};

const join = (entries: Record<string, string>) =>
  Object.entries(entries)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

export const contentSecurityPolicyHeader = join({ ...directives, ...headerOnly });
export const contentSecurityPolicyMeta = join(directives);
