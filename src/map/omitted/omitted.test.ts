import { describe, expect, it } from 'vitest';
import { MeshoptDecoder } from './meshoptimizer';
import { loadSpz } from './spzLoader';

describe('decoders left out of the build', () => {
  it('say what cannot be loaded when something reaches them', async () => {
    expect(() => MeshoptDecoder.decodeGltfBuffer()).toThrow(/leaves out meshoptimizer.*meshopt-compressed glTF/);
    await expect(MeshoptDecoder.ready).rejects.toThrow(/MeshoptDecoder\.ready/);
    await expect(loadSpz()).rejects.toThrow(/leaves out @spz-loader\/core.*SPZ/);
  });
});
