/**
 * Stands in for the `meshoptimizer` package in the build (vite.config.ts aliases it here).
 * Cesium imports its decoder for meshopt-compressed glTF and 3D Tiles terrain; the dashboard
 * loads neither, and the decoder (WebAssembly inlined as base64) and the SPZ loader together cost
 * the first screen 137 KB of gzip. Anything that does reach it fails with this message.
 */
const omitted = (what: string) =>
  new Error(`${what}: Safe Border's build leaves out meshoptimizer, so meshopt-compressed glTF and 3D Tiles terrain cannot be loaded`);

function unavailable(what: string): () => never {
  return () => {
    throw omitted(what);
  };
}

export const MeshoptDecoder = {
  supported: false,
  get ready(): Promise<never> {
    return Promise.reject(omitted('MeshoptDecoder.ready'));
  },
  useWorkers: unavailable('MeshoptDecoder.useWorkers'),
  decodeGltfBuffer: unavailable('MeshoptDecoder.decodeGltfBuffer'),
  decodeVertexBuffer: unavailable('MeshoptDecoder.decodeVertexBuffer'),
  decodeIndexBuffer: unavailable('MeshoptDecoder.decodeIndexBuffer'),
  decodeIndexSequence: unavailable('MeshoptDecoder.decodeIndexSequence'),
};
