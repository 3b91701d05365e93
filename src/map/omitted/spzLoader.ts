/**
 * Stands in for `@spz-loader/core` in the build (vite.config.ts aliases it here). Cesium imports it
 * to decode Gaussian-splat glTF (SPZ); the dashboard draws none, and the loader (WebAssembly
 * inlined as base64) and the meshopt decoder together cost the first screen 137 KB of gzip. A
 * splat that does reach it is rejected with this message.
 */
export function loadSpz(): Promise<never> {
  return Promise.reject(new Error("loadSpz: Safe Border's build leaves out @spz-loader/core, so Gaussian-splat (SPZ) glTF cannot be loaded"));
}
