/**
 * Fields every entity carries, whatever backend it came from: a stable id, a monotonic version
 * (a newer version replaces an older one, an older or equal one is ignored), when it last
 * changed, where it is (administratively and as a WGS84 position after CRS conversion) and which
 * source system reported it. Text fields are bounded so a 1 MB string is a rejected record,
 * not a frozen wall.
 */
import { z } from '../z';
import { lonLatSchema } from '../geometrySchemas';

const MAX_NAME_LENGTH = 200;
const MAX_TEXT_LENGTH = 2000;

export const idSchema = z.string().min(1, 'an id cannot be empty').max(128, 'an id is at most 128 characters');
export const nameSchema = z
  .string()
  .min(1, 'a name cannot be empty')
  .max(MAX_NAME_LENGTH, `a name is at most ${MAX_NAME_LENGTH} characters`)
  .regex(/\S/, 'a name cannot be blank');
export const textSchema = z.string().max(MAX_TEXT_LENGTH, `a text is at most ${MAX_TEXT_LENGTH} characters`);

/** ISO 8601 with a time zone, as every backend must send it: `2026-11-23T10:00:00Z` or `…+08:00`. */
export const timestampSchema = z.iso.datetime({ offset: true, error: 'a timestamp is ISO 8601 with a time zone' });

/** A region pack's province id (`zj`, `jx`, …). */
export const provinceIdSchema = z.string().regex(/^[a-z]{2,8}$/, 'a province id is 2–8 lower-case letters');

/**
 * A county's code (adcode `330822`) and a town's id: keys into the region pack, looked up for the
 * names shown. Named so that masking can tell them from text (maskRecordForDisplay).
 */
const countyIdSchema = z.string().min(1).max(32);
const townIdSchema = z.string().min(1).max(64);

/**
 * The string schemas whose values logic matches on (ids, province codes, region keys, times):
 * screens show them through a lookup or a formatter, and masking them would break the joins.
 * Every other string a schema declares is text, masked on public screens by default.
 */
export const KEY_STRING_SCHEMAS: ReadonlySet<z.ZodType> = new Set([idSchema, timestampSchema, provinceIdSchema, countyIdSchema, townIdSchema]);

export const localizedTextSchema = z.object({ zh: nameSchema, en: nameSchema });

export const entityBaseShape = {
  id: idSchema,
  version: z.number().int('a version is a whole number').nonnegative('a version cannot be negative'),
  updatedAt: timestampSchema,
  province: provinceIdSchema,
  county: countyIdSchema,
  town: townIdSchema.optional(),
  /** WGS84 `[longitude, latitude]`, after conversion from whatever CRS the source declared. */
  position: lonLatSchema,
  source: z.string().min(1).max(64),
};

