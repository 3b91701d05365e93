/**
 * Maps one GeoJSON feature of an existing GIS export onto an entity record, driven by config:
 * `fields` says where each entity field is found (`properties.NAME`), `constants` fills fields
 * every feature shares, `valueMaps` translates codes (`派出所` → `police-station`). The position is
 * the feature's point, or the centre of its area; an area also becomes the record's geometry. A
 * patrol track's line becomes its points, timed by `properties.coordinateProperties.times` (the
 * convention togeojson writes for GPX and KML tracks), and its position is where the line ends.
 */
import { centerOfMass } from '@turf/turf';
import type { FeatureMapping } from '../../domain/appConfig';
import type { GeoJsonGeometry } from '../../domain/geometrySchemas';
import type { GeoJsonFeatureRecord } from '../../domain/parseGeoJson';

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);
/** Fields a feature's id and geometry give: a property of the same name never overrides them. */
const GEOMETRY_FIELDS = new Set(['id', 'position', 'geometry', 'points']);

export interface MapFeatureOptions {
  /**
   * Take properties named like entity fields as they are, before `fields` applies: a server
   * publishing the entities themselves (an OGC API) needs no mapping.
   */
  copyProperties?: boolean;
}

/** Reads `a.b.c` from own properties only: a path can never reach an object's prototype. */
export function readPath(source: unknown, path: string): unknown {
  let value: unknown = source;
  for (const segment of path.split('.')) {
    if (FORBIDDEN_SEGMENTS.has(segment) || typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function positionOf(geometry: GeoJsonGeometry): [number, number] {
  if (geometry.type === 'Point') return [geometry.coordinates[0], geometry.coordinates[1]];
  const [lon, lat] = centerOfMass({ type: 'Feature', properties: {}, geometry }).geometry.coordinates;
  return [Math.round(lon! * 1e6) / 1e6, Math.round(lat! * 1e6) / 1e6];
}

/**
 * A track's timed points from its line (or its single point) and the times beside it, paired by
 * index: a missing or short list leaves `at` empty, so validation names `points[].at` rather than
 * the line being silently dropped.
 */
function trackPoints(geometry: GeoJsonGeometry, times: unknown): unknown[] | undefined {
  const list = Array.isArray(times) ? (times as unknown[]) : [];
  if (geometry.type === 'Point') return list.length > 0 ? [{ at: list[0], position: [geometry.coordinates[0], geometry.coordinates[1]] }] : [];
  if (geometry.type !== 'LineString') return undefined;
  return geometry.coordinates.map(([lon, lat], index) => ({ at: list[index], position: [lon, lat] }));
}

/** The record as mapped, before versioning and validation. */
export function mapFeatureToRecord(feature: GeoJsonFeatureRecord, mapping: FeatureMapping, options: MapFeatureOptions = {}): Record<string, unknown> {
  const view = { id: feature.id, properties: feature.properties, geometry: feature.geometry };
  const record: Record<string, unknown> = { source: mapping.id };
  if (options.copyProperties) {
    for (const [field, value] of Object.entries(feature.properties)) {
      if (!FORBIDDEN_SEGMENTS.has(field) && !GEOMETRY_FIELDS.has(field)) record[field] = value;
    }
  }
  Object.assign(record, mapping.constants);
  record.id = feature.id === undefined ? readPath(view, 'properties.id') : String(feature.id);
  record.position = positionOf(feature.geometry);
  if (feature.geometry.type === 'Polygon') record.geometry = feature.geometry.coordinates.map((ring) => ring.map(([lon, lat]) => [lon, lat]));
  if (mapping.kind === 'patrolTrack') {
    const points = trackPoints(feature.geometry, readPath(view, 'properties.coordinateProperties.times'));
    if (points !== undefined) record.points = points;
    if (feature.geometry.type === 'LineString') {
      const last = feature.geometry.coordinates[feature.geometry.coordinates.length - 1]!;
      record.position = [last[0], last[1]];
    }
  }
  for (const [field, path] of Object.entries(mapping.fields)) {
    if (FORBIDDEN_SEGMENTS.has(field)) continue;
    const value = readPath(view, path);
    if (value === undefined) continue;
    const mapped = mapping.valueMaps[field];
    record[field] = mapped && typeof value === 'string' && Object.hasOwn(mapped, value) ? mapped[value] : value;
  }
  if (typeof record.id === 'number') record.id = String(record.id);
  return record;
}
