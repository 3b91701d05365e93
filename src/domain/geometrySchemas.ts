/**
 * zod schemas for the GeoJSON-shaped coordinate arrays the app stores, always WGS84 degrees.
 * Messages say what is wrong in words a GIS colleague recognises, so a bad file can be fixed
 * from the error alone.
 */
import { z } from './z';

// zod 4 numbers reject NaN and ±Infinity themselves; bounds as min/max also reach the JSON Schema.
const longitudeSchema = z
  .number({ error: 'longitude must be a finite number' })
  .min(-180, 'longitude must be between -180 and 180')
  .max(180, 'longitude must be between -180 and 180');

const latitudeSchema = z
  .number({ error: 'latitude must be a finite number' })
  .min(-90, 'latitude must be between -90 and 90')
  .max(90, 'latitude must be between -90 and 90');

/** `[longitude, latitude]`, the GeoJSON order. */
export const lonLatSchema = z.tuple([longitudeSchema, latitudeSchema]);
export type LonLat = z.infer<typeof lonLatSchema>;

const isClosed = (ring: readonly (readonly number[])[]) => {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
};

/** Lines, rings and polygons over any position schema: 2-D in packs, 2-D or 3-D in GeoJSON files. */
const lineOf = <P extends z.ZodType<number[]>>(position: P) => z.array(position).min(2, 'a line needs at least 2 positions');
const ringOf = <P extends z.ZodType<number[]>>(position: P) =>
  z.array(position).min(4, 'a polygon ring needs at least 4 positions').refine(isClosed, 'a polygon ring must end where it starts');
const polygonOf = <P extends z.ZodType<number[]>>(position: P) => z.array(ringOf(position)).min(1, 'a polygon needs an outer ring');

export const lineStringSchema = lineOf(lonLatSchema);

/** Outer ring first, then holes. */
export const polygonSchema = polygonOf(lonLatSchema);
export type PolygonCoordinates = z.infer<typeof polygonSchema>;

export const multiPolygonSchema = z.array(polygonSchema).min(1, 'a multipolygon needs a polygon');
export type MultiPolygonCoordinates = z.infer<typeof multiPolygonSchema>;

export const boundsSchema = z
  .object({ west: longitudeSchema, south: latitudeSchema, east: longitudeSchema, north: latitudeSchema })
  .refine((b) => b.west < b.east, { message: 'west must be less than east', path: ['east'] })
  .refine((b) => b.south < b.north, { message: 'south must be less than north', path: ['north'] });

/** A GeoJSON position as files carry it: `[lon, lat]` or `[lon, lat, height]`. */
const positionSchema = z
  .tuple([longitudeSchema, latitudeSchema], z.number({ error: 'height must be a finite number' }))
  .refine((position) => position.length <= 3, 'a position is [longitude, latitude] or [longitude, latitude, height]')
  .transform((position) => position as [number, number] | [number, number, number]);
export type GeoPosition = z.infer<typeof positionSchema>;

/** The GeoJSON geometry types a map layer can draw (GeometryCollection is not one of them). */
export const geoJsonGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: positionSchema }),
  z.object({ type: z.literal('MultiPoint'), coordinates: z.array(positionSchema) }),
  z.object({ type: z.literal('LineString'), coordinates: lineOf(positionSchema) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(lineOf(positionSchema)) }),
  z.object({ type: z.literal('Polygon'), coordinates: polygonOf(positionSchema) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonOf(positionSchema)).min(1) }),
]);
export type GeoJsonGeometry = z.infer<typeof geoJsonGeometrySchema>;
