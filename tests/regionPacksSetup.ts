/**
 * The unit project's global set-up: makes sure the generated region packs exist before any test
 * file runs. Without them (a fresh clone, or `npm test -- --project unit` before any build) every
 * file that needs the region built its own pack from the npm data, 2 s each on an idle machine and
 * over 10 s on a loaded 2-core one, which is how describeRegionScene's hook timed out. Built once
 * here, each file reads the JSON instead (tests/contract/loadTestRegion.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { regionSources } from '../scripts/regions/regionSources';

export default function setup(): void {
  const dir = join(import.meta.dirname, '..', 'public', 'regions');
  if (regionSources.every((source) => existsSync(join(dir, `${source.id}.json`)))) return;
  const build = spawnSync('npm', ['run', 'build:regions'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (build.status !== 0) throw new Error(`unit: npm run build:regions failed (exit ${build.status})`);
}
