/**
 * Reads GeoJSON the way GIS teams actually hand it over and converts it to WGS84.
 *
 * Accepted shapes: a FeatureCollection, a single Feature, a bare array of Features (tnnevol/gmap
 * style), or a bare geometry. A UTF-8 byte-order mark (common in files saved on Windows) is
 * skipped. Each feature is validated on its own: a bad one is rejected with a reason naming the
 * field, and the good ones around it are kept.
 */
import { z } from './z';
import { type CrsId, toWgs84 } from './crs';
import { type GeoJsonGeometry, type GeoPosition, geoJsonGeometrySchema } from './geometrySchemas';
import { formatIssues } from './formatIssues';

export interface GeoJsonFeatureRecord {
  /** Position of the feature in the input, for error reports. */
  index: number;
  id: string | number | undefined;
  properties: Record<string, unknown>;
  /** Always WGS84 after parsing. */
  geometry: GeoJsonGeometry;
}

export interface GeoJsonRejection {
  index: number;
  reason: string;
  /** A hash of the feature as sent: the same broken feature on the next poll is not news, another one is. */
  fingerprint: string;
}

/** FNV-1a over the feature's JSON: cheap, and the text itself may be a megabyte. */
function fingerprintOf(item: unknown): string {
  const text = JSON.stringify(item) ?? String(item);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(36)}:${text.length}`;
}

export interface ParsedGeoJson {
  sourceCrs: CrsId;
  features: GeoJsonFeatureRecord[];
  rejected: GeoJsonRejection[];
}

export class GeoJsonError extends Error {
  override name = 'GeoJsonError';
}

const featureSchema = z.object({
  type: z.literal('Feature', { error: 'type must be "Feature"' }),
  id: z.union([z.string(), z.number()]).optional(),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
  geometry: geoJsonGeometrySchema,
});

const BYTE_ORDER_MARK = '\uFEFF';

function decode(input: string | unknown, sourceName: string): unknown {
  if (typeof input !== 'string') return input;
  const text = input.startsWith(BYTE_ORDER_MARK) ? input.slice(1) : input;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new GeoJsonError(`${sourceName} is not valid JSON: ${(error as Error).message}`);
  }
}

function featureList(json: unknown, sourceName: string): unknown[] {
  if (Array.isArray(json)) return json;
  if (typeof json !== 'object' || json === null) {
    throw new GeoJsonError(`${sourceName} is not GeoJSON: expected an object or an array of features`);
  }
  const type = (json as { type?: unknown }).type;
  if (type === 'FeatureCollection') {
    const features = (json as { features?: unknown }).features;
    if (!Array.isArray(features)) throw new GeoJsonError(`${sourceName}: a FeatureCollection needs a "features" array`);
    return features;
  }
  if (type === 'Feature') return [json];
  if (geoJsonGeometrySchema.options.some((option) => option.shape.type.value === type)) {
    return [{ type: 'Feature', properties: {}, geometry: json }];
  }
  throw new GeoJsonError(`${sourceName} is not GeoJSON: unknown type ${JSON.stringify(type)}`);
}

function convertPosition(position: GeoPosition, crs: CrsId): GeoPosition {
  return toWgs84(position, crs) as GeoPosition;
}

/** Returns a new geometry with every position converted from `crs` to WGS84. */
function geometryToWgs84(geometry: GeoJsonGeometry, crs: CrsId): GeoJsonGeometry {
  const convert = (position: GeoPosition) => convertPosition(position, crs);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: convert(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(convert) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((line) => line.map(convert)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(convert))),
      };
  }
}

/**
 * Parses GeoJSON text (or already-parsed JSON) declared to be in `crs`.
 *
 * @throws GeoJsonError only when nothing in the input can be read as features (bad JSON, not GeoJSON).
 */
export function parseGeoJson(input: string | unknown, options: { crs: CrsId; sourceName?: string }): ParsedGeoJson {
  const sourceName = options.sourceName ?? 'GeoJSON input';
  const items = featureList(decode(input, sourceName), sourceName);
  const features: GeoJsonFeatureRecord[] = [];
  const rejected: GeoJsonRejection[] = [];
  items.forEach((item, index) => {
    const result = featureSchema.safeParse(item);
    if (!result.success) {
      rejected.push({ index, reason: `features[${index}]: ${formatIssues(result.error, 3).join('; ')}`, fingerprint: fingerprintOf(item) });
      return;
    }
    features.push({
      index,
      id: result.data.id,
      properties: result.data.properties ?? {},
      geometry: geometryToWgs84(result.data.geometry, options.crs),
    });
  });
  return { sourceCrs: options.crs, features, rejected };
}
