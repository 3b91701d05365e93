/**
 * Builds a region pack from county polygons and a region source description: converts GCJ-02 to
 * WGS84, picks the focus counties and the counties around them, derives each named border line
 * from the two county outlines, cuts the cross-province grids, places labels and the home camera,
 * and validates the result.
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
import { parseGeoJson } from '../../src/domain/parseGeoJson';
import { toWgs84 } from '../../src/domain/crs';
import type { LonLat, MultiPolygonCoordinates } from '../../src/domain/geometrySchemas';
import { type BorderLine, type County, type MapLabel, type RegionPack, parseRegionPack } from '../../src/domain/regionPack';
import { deriveSharedBorder } from '../../src/domain/sharedBorder';
import { normalizeMultiPolygon } from '../../src/domain/normalizeMultiPolygon';
import type { BorderLineSource, RegionSource, TownSource } from './regionSource';
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

/** How far apart two bounding boxes may lie, in degrees, and still hold counties that touch. */
const TOUCH_MARGIN_DEGREES = 0.01;
/** Province names sit this far into their province from a border line, clear of the towns on it. */
const PROVINCE_LABEL_OFFSET_KM = 9;

function readCounties(source: RegionSource, readCityFile: (file: string) => unknown): SourceCounty[] {
  return source.provinces.flatMap((province) =>
    province.cityFiles.flatMap((cityFile) => {
      const parsed = parseGeoJson(readCityFile(cityFile), { crs: 'gcj02', sourceName: cityFile });
      if (parsed.rejected.length > 0) {
        throw new Error(`${cityFile}: ${parsed.rejected.map((r) => r.reason).join('; ')}`);
      }
      return parsed.features.map((feature) => {
        const { geometry } = feature;
        if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
          throw new Error(`${cityFile}: county ${String(feature.id)} is a ${geometry.type}, not an area`);
        }
        const coordinates = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as MultiPolygonCoordinates;
        return { adcode: String(feature.id), nameZh: String(feature.properties.name), provinceId: province.id, geometry: coordinates };
      });
    }),
  );
}

type Box = [number, number, number, number];
const boxOf = (geometry: MultiPolygonCoordinates) => bbox(multiPolygon(geometry)) as Box;
const boxesMeet = (a: Box, b: Box) =>
  a[0] <= b[2] + TOUCH_MARGIN_DEGREES && b[0] <= a[2] + TOUCH_MARGIN_DEGREES && a[1] <= b[3] + TOUCH_MARGIN_DEGREES && b[1] <= a[3] + TOUCH_MARGIN_DEGREES;

function sharesBorder(a: SourceCounty, b: SourceCounty, boxes: Map<SourceCounty, Box>): boolean {
  // Most pairs are far apart: the box test spares them the overlap search.
  if (!boxesMeet(boxes.get(a)!, boxes.get(b)!)) return false;
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

/**
 * One border line, derived from the two county outlines as stored so it lies exactly on both
 * edges. `exactLengthMeters` is the unrounded length, which places labels and the camera.
 */
function deriveBorderLine(line: BorderLineSource, countyById: Map<string, County>): { line: BorderLine; exactLengthMeters: number } {
  const [a, b] = line.countyIds.map((id) => {
    const county = countyById.get(id);
    if (county?.role !== 'focus') throw new Error(`border line ${line.countyIds.join('–')}: county ${id} is not a focus county`);
    return county;
  }) as [County, County];
  if (a.provinceId === b.provinceId) throw new Error(`border line ${a.id}–${b.id}: both counties are in province ${a.provinceId}`);
  let shared: ReturnType<typeof deriveSharedBorder>;
  try {
    shared = deriveSharedBorder(a.geometry, b.geometry);
  } catch {
    throw new Error(`border line ${a.id}–${b.id}: ${a.name.zh} and ${b.name.zh} share no border in the source data`);
  }
  if (shared.lengthMeters < MIN_NEIGHBOUR_BORDER_METERS) {
    throw new Error(`border line ${a.id}–${b.id}: ${a.name.zh} and ${b.name.zh} only touch (${Math.round(shared.lengthMeters)} m)`);
  }
  // Oriented from its northern end: grid fractions and labels count from there.
  const northFirst = shared.coordinates[0]![1] >= shared.coordinates[shared.coordinates.length - 1]![1];
  return {
    line: {
      id: `${a.id}-${b.id}`,
      name: line.name,
      provinceIds: [a.provinceId, b.provinceId],
      countyIds: [a.id, b.id],
      coordinates: (northFirst ? shared.coordinates : [...shared.coordinates].reverse()).map(roundPosition),
      lengthMeters: Math.round(shared.lengthMeters),
    },
    exactLengthMeters: shared.lengthMeters,
  };
}

function townPosition(town: TownSource): LonLat {
  return roundPosition('centreGcj02' in town ? toWgs84(town.centreGcj02, 'gcj02') : town.centreWgs84);
}

export function buildRegionPack(source: RegionSource, readCityFile: (file: string) => unknown): RegionPack {
  const all = simplifyPreservingTopology(readCounties(source, readCityFile), SIMPLIFY_MIN_AREA_SQUARE_METERS).map((county) => ({
    ...county,
    geometry: roundMultiPolygon(normalizeMultiPolygon(county.geometry)),
  }));
  const focusIds = new Set(source.focusCountyIds);
  const focus = source.focusCountyIds.map((id) => {
    const county = all.find((c) => c.adcode === id);
    if (!county) throw new Error(`focus county ${id} is not in the source data`);
    return county;
  });
  const boxes = new Map(all.map((county) => [county, boxOf(county.geometry)]));
  const context = all.filter((c) => !focusIds.has(c.adcode) && focus.some((f) => sharesBorder(c, f, boxes)));

  const countyNameOf = (county: SourceCounty) => ({ zh: county.nameZh, en: source.countyNamesEn[county.adcode] ?? county.nameZh });
  const counties: County[] = [...focus, ...context].map((county) => {
    const { geometry } = county;
    return {
      id: county.adcode,
      adcode: county.adcode,
      name: countyNameOf(county),
      provinceId: county.provinceId,
      role: focusIds.has(county.adcode) ? 'focus' : 'context',
      geometry,
      labelPosition: labelPosition(geometry),
    };
  });
  const countyById = new Map(counties.map((c) => [c.id, c]));
  for (const county of counties) {
    if (source.countyNamesEn[county.id] === undefined) throw new Error(`county ${county.id} (${county.name.zh}) has no English name in countyNamesEn`);
  }

  const derivedLines = source.borderLines.map((line) => deriveBorderLine(line, countyById));
  const borderLines = derivedLines.map((derived) => derived.line);
  const exactLength = new Map(derivedLines.map((derived) => [derived.line, derived.exactLengthMeters]));

  const towns = source.towns.map((town) => {
    const position = townPosition(town);
    const county = countyById.get(town.countyId);
    if (!county || !booleanPointInPolygon(point(position), multiPolygon(county.geometry))) {
      throw new Error(`town ${town.id} does not lie inside county ${town.countyId}`);
    }
    return { id: town.id, name: town.name, countyId: town.countyId, position, borderTown: town.borderTown };
  });

  const townName = (id: string) => source.towns.find((t) => t.id === id)?.name ?? { zh: id, en: id };
  const crossProvinceGrids = source.borderLines.flatMap((line, lineIndex) => {
    const grids = line.grids ?? [];
    const shapes = sliceBorderCorridor(
      borderLines[lineIndex]!.coordinates,
      grids.map((g) => [g.fromFraction, g.toFraction] as const),
      source.gridHalfWidthMeters,
    );
    return grids.map((grid, index) => ({ grid, geometry: shapes[index]! }));
  }).map(({ grid, geometry }, index) => {
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
      geometry: geometry.map((ring) => ring.map(roundPosition)),
      schematic: true,
    };
  });

  // Each province is named beside its longest border line, away from the towns that crowd the
  // lines' middles: at the line's northern quarter, a few km into its own side. With one focus
  // county a province (a two-county pack), the label names that county too: its own centre can
  // be far from the border. Otherwise every focus county carries its own label.
  const focusOf = (provinceId: string) => counties.filter((c) => c.role === 'focus' && c.provinceId === provinceId);
  const namesCounties = source.provinces.every((p) => focusOf(p.id).length <= 1);
  const namedByProvince = new Set<string>();
  const provinceLabels: MapLabel[] = source.provinces
    .filter((province) => focusOf(province.id).length > 0)
    .map((province) => {
      if (province.labelPosition) {
        const position = roundPosition(province.labelPosition);
        if (!focusOf(province.id).some((c) => booleanPointInPolygon(point(position), multiPolygon(c.geometry)))) {
          throw new Error(`the label position of province ${province.id} lies outside its focus counties`);
        }
        return { id: `province-${province.id}`, text: province.name, position, kind: 'province', provinceId: province.id };
      }
      const lines = borderLines.filter((l) => l.provinceIds.includes(province.id));
      if (lines.length === 0) throw new Error(`province ${province.id} has focus counties but no border line`);
      const line = lines.reduce((longest, l) => (l.lengthMeters > longest.lengthMeters ? l : longest));
      const quarter = along(lineString(line.coordinates), exactLength.get(line)! / 4000, { units: 'kilometers' });
      const quarterBearing = bearing(point(line.coordinates[0]!), quarter);
      for (const offset of [-90, 90]) {
        const position = roundPosition(destination(quarter, PROVINCE_LABEL_OFFSET_KM, quarterBearing + offset, { units: 'kilometers' }).geometry.coordinates);
        const county = focusOf(province.id).find((c) => booleanPointInPolygon(point(position), multiPolygon(c.geometry)));
        if (!county) continue;
        if (!namesCounties) return { id: `province-${province.id}`, text: province.name, position, kind: 'province', provinceId: province.id };
        namedByProvince.add(county.id);
        const text = { zh: `${province.name.zh} ${county.name.zh}`, en: `${county.name.en}, ${province.name.en}` };
        return { id: `province-${province.id}`, text, position, kind: 'province', provinceId: province.id };
      }
      throw new Error(`the label of province ${province.id} fell outside its focus counties`);
    });
  const borderLabels = source.borderLines.flatMap((line, lineIndex): MapLabel[] => {
    if (!line.label) return [];
    const derived = borderLines[lineIndex]!;
    const position = along(lineString(derived.coordinates), (line.label.atFraction * exactLength.get(derived)!) / 1000, { units: 'kilometers' });
    return [{ id: `border-${derived.id}`, text: line.label.text, position: roundPosition(position.geometry.coordinates), kind: 'border' }];
  });
  const labels: MapLabel[] = [
    ...provinceLabels,
    ...counties
      .filter((c) => !namedByProvince.has(c.id))
      .map((c): MapLabel => ({ id: `county-${c.id}`, text: c.name, position: c.labelPosition, kind: 'county', countyId: c.id })),
    ...towns.map((t): MapLabel => ({ id: `town-${t.id}`, text: t.name, position: t.position, kind: 'town' })),
    ...borderLabels,
  ];

  const [west, south, east, north] = bbox(multiPolygon(counties.flatMap((c) => c.geometry)));
  const borderPoints = borderLines.flatMap((l) => l.coordinates);
  const target =
    borderLines.length === 1
      ? along(lineString(borderLines[0]!.coordinates), exactLength.get(borderLines[0]!)! / 2000, { units: 'kilometers' })
      : (([w, s, e, n]) => point([(w + e) / 2, (s + n) / 2]))(bbox(lineString(borderPoints)));
  const reachMeters = Math.max(...[...towns.map((t) => t.position), ...borderPoints].map((p) => distance(target, point(p), { units: 'meters' })));
  const homeCamera = {
    target: roundPosition(target.geometry.coordinates),
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
      borderLines,
      crossProvinceGrids,
      labels,
      provenance: { source: source.provenance.source, license: source.provenance.license, sourceCrs: 'gcj02', notes: source.provenance.notes },
    },
    source.id,
  );
}
