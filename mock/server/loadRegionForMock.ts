import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RegionPack, parseRegionPack } from '../../src/domain/regionPack';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The region the mock simulates: the generated pack in public/regions/, the same file the
 * dashboard draws. Building it is `npm run build:regions`' job (`npm run mock`, `dev` and `build`
 * run it first), so a server never carries the region builder.
 */
export function loadRegionForMock(regionId = 'changshan-yushan'): RegionPack {
  const file = join(root, 'public', 'regions', `${regionId}.json`);
  if (!existsSync(file)) throw new Error(`no region pack ${file}: run npm run build:regions first`);
  return parseRegionPack(JSON.parse(readFileSync(file, 'utf8')), file);
}
