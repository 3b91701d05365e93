/**
 * The region pack: all the geography of one border region as data, so a deployment for another
 * border changes a JSON file, not code. Packs are stored in WGS84; whatever CRS the source data
 * had was converted when the pack was built (see `provenance.sourceCrs`).
 */
import { z } from './z';
import { CRS_IDS } from './crs';
import { boundsSchema, lineStringSchema, lonLatSchema, multiPolygonSchema, polygonSchema } from './geometrySchemas';
import { formatIssues } from './formatIssues';

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'an id uses letters, digits, dot, dash or underscore');

const localizedTextSchema = z.object({
  zh: z.string().trim().min(1, 'Chinese text is required'),
  en: z.string().trim().min(1, 'English text is required'),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const colorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour is written #rrggbb');
const adcodeSchema = z.string().regex(/^\d{6}$/, 'an administrative code has 6 digits');

const provinceSchema = z.object({
  id: idSchema,
  adcode: adcodeSchema,
  name: localizedTextSchema,
  color: colorSchema,
});

const countySchema = z.object({
  id: idSchema,
  adcode: adcodeSchema,
  name: localizedTextSchema,
  provinceId: idSchema,
  /** `focus` counties are the subject of the dashboard; `context` ones are drawn dimmed around them. */
  role: z.enum(['focus', 'context']),
  geometry: multiPolygonSchema,
  labelPosition: lonLatSchema,
});
export type County = z.infer<typeof countySchema>;

const townSchema = z.object({
  id: idSchema,
  name: localizedTextSchema,
  countyId: idSchema,
  position: lonLatSchema,
  /** Towns along the provincial border carry the cross-province grids. */
  borderTown: z.boolean(),
  geometry: multiPolygonSchema.optional(),
});

const borderLineSchema = z.object({
  id: idSchema,
  name: localizedTextSchema,
  provinceIds: z.tuple([idSchema, idSchema]),
  countyIds: z.tuple([idSchema, idSchema]),
  coordinates: lineStringSchema,
  lengthMeters: z.number().positive(),
});
export type BorderLine = z.infer<typeof borderLineSchema>;

const crossProvinceGridSchema = z.object({
  id: idSchema,
  name: localizedTextSchema,
  townIds: z.array(idSchema).min(2, 'a cross-province grid joins towns on both sides'),
  villages: z.array(z.object({ name: z.string().trim().min(1), townId: idSchema })).min(2),
  geometry: polygonSchema,
  /** True when the outline is a drawn approximation rather than a surveyed boundary. */
  schematic: z.boolean(),
});

const mapLabelSchema = z.object({
  id: idSchema,
  text: localizedTextSchema,
  position: lonLatSchema,
  kind: z.enum(['province', 'county', 'town', 'border', 'grid']),
  /** What the label names, for styling: a province label takes its province's colour, a county label its role's. */
  provinceId: idSchema.optional(),
  countyId: idSchema.optional(),
});
export type MapLabel = z.infer<typeof mapLabelSchema>;

const homeCameraSchema = z.object({
  target: lonLatSchema,
  headingDegrees: z.number().min(-360).max(360),
  pitchDegrees: z.number().min(-90, 'pitch is at least -90 (straight down)').max(-5, 'pitch must look down (≤ -5)'),
  rangeMeters: z.number().min(100).max(20_000_000),
});
export type HomeCamera = z.infer<typeof homeCameraSchema>;

const uniqueIds = <T extends { id: string }>(items: T[], context: z.RefinementCtx, field: string): Set<string> => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      context.addIssue({ code: 'custom', path: [field, index, 'id'], message: `duplicate id "${item.id}"` });
    }
    seen.add(item.id);
  });
  return seen;
};

const regionPackSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: idSchema,
    name: localizedTextSchema,
    bounds: boundsSchema,
    homeCamera: homeCameraSchema,
    provinces: z.array(provinceSchema).min(2, 'a border region has at least 2 provinces'),
    counties: z.array(countySchema).min(2),
    towns: z.array(townSchema),
    /** Several lines are allowed: a region can meet more than one neighbour (e.g. a four-province corner). */
    borderLines: z.array(borderLineSchema).min(1, 'a region needs its border line'),
    crossProvinceGrids: z.array(crossProvinceGridSchema),
    labels: z.array(mapLabelSchema),
    provenance: z.object({
      source: z.string().min(1),
      license: z.string().min(1),
      sourceCrs: z.enum(CRS_IDS),
      notes: z.array(z.string()),
    }),
  })
  .superRefine((pack, context) => {
    const provinceIds = uniqueIds(pack.provinces, context, 'provinces');
    const countyIds = uniqueIds(pack.counties, context, 'counties');
    const townIds = uniqueIds(pack.towns, context, 'towns');
    uniqueIds(pack.borderLines, context, 'borderLines');
    uniqueIds(pack.crossProvinceGrids, context, 'crossProvinceGrids');
    uniqueIds(pack.labels, context, 'labels');
    const reference = (known: Set<string>, id: string, path: PropertyKey[], what: string) => {
      if (!known.has(id)) context.addIssue({ code: 'custom', path, message: `unknown ${what} "${id}"` });
    };
    pack.counties.forEach((county, i) => reference(provinceIds, county.provinceId, ['counties', i, 'provinceId'], 'province'));
    pack.towns.forEach((town, i) => reference(countyIds, town.countyId, ['towns', i, 'countyId'], 'county'));
    pack.labels.forEach((label, i) => {
      if (label.provinceId !== undefined) reference(provinceIds, label.provinceId, ['labels', i, 'provinceId'], 'province');
      if (label.countyId !== undefined) reference(countyIds, label.countyId, ['labels', i, 'countyId'], 'county');
    });
    pack.borderLines.forEach((line, i) => {
      line.provinceIds.forEach((id, j) => reference(provinceIds, id, ['borderLines', i, 'provinceIds', j], 'province'));
      line.countyIds.forEach((id, j) => reference(countyIds, id, ['borderLines', i, 'countyIds', j], 'county'));
    });
    pack.crossProvinceGrids.forEach((grid, i) => {
      grid.townIds.forEach((id, j) => reference(townIds, id, ['crossProvinceGrids', i, 'townIds', j], 'town'));
      grid.villages.forEach((village, j) =>
        reference(townIds, village.townId, ['crossProvinceGrids', i, 'villages', j, 'townId'], 'town'),
      );
    });
    const [lon, lat] = pack.homeCamera.target;
    const { west, south, east, north } = pack.bounds;
    if (lon < west || lon > east || lat < south || lat > north) {
      context.addIssue({ code: 'custom', path: ['homeCamera', 'target'], message: 'the home camera must look inside the bounds' });
    }
  });
export type RegionPack = z.infer<typeof regionPackSchema>;

export class RegionPackError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Region pack ${source} is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'RegionPackError';
  }
}

/**
 * Validates unknown JSON as a region pack. Throws a RegionPackError whose message names every bad
 * field by its path (for example `counties[1].geometry[0][0][3][1]: latitude must be between -90 and 90`).
 */
export function parseRegionPack(json: unknown, source = 'region pack'): RegionPack {
  const result = regionPackSchema.safeParse(json);
  if (!result.success) throw new RegionPackError(source, formatIssues(result.error));
  return result.data;
}
