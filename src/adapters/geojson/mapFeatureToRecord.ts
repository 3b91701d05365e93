/**
 * Maps one GeoJSON feature of an existing GIS export onto an entity record, driven by config:
 * `fields` says where each entity field is found (`properties.NAME`), `constants` fills fields
 * every feature shares, `valueMaps` translates codes (`派出所` → `police-station`). The position is
 * the feature's point, or the centre of its area; an area also becomes the record's geometry.
 */
import { centerOfMass } from '@turf/turf';
import type { GeojsonSourceSettings } from '../../domain/appConfig';
import type { GeoJsonGeometry } from '../../domain/geometrySchemas';
import type { GeoJsonFeatureRecord } from './parseGeoJson';

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

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

/** The record as mapped, before versioning and validation. */
export function mapFeatureToRecord(feature: GeoJsonFeatureRecord, settings: GeojsonSourceSettings): Record<string, unknown> {
  const view = { id: feature.id, properties: feature.properties, geometry: feature.geometry };
  const record: Record<string, unknown> = { source: settings.id, ...settings.constants };
  record.id = feature.id === undefined ? readPath(view, 'properties.id') : String(feature.id);
  record.position = positionOf(feature.geometry);
  if (feature.geometry.type === 'Polygon') record.geometry = feature.geometry.coordinates.map((ring) => ring.map(([lon, lat]) => [lon, lat]));
  for (const [field, path] of Object.entries(settings.fields)) {
    if (FORBIDDEN_SEGMENTS.has(field)) continue;
    const value = readPath(view, path);
    if (value === undefined) continue;
    const mapped = settings.valueMaps[field];
    record[field] = mapped && typeof value === 'string' && Object.hasOwn(mapped, value) ? mapped[value] : value;
  }
  if (typeof record.id === 'number') record.id = String(record.id);
  return record;
}
