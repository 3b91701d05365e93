import type { RegionPack } from '../../src/domain/regionPack';
import { loadRegionForMock } from '../../mock/server/loadRegionForMock';

let cached: RegionPack | undefined;

/** The default region pack, built once per test file (from the generated file or the npm data). */
export function loadTestRegion(): RegionPack {
  cached ??= loadRegionForMock();
  return cached;
}
