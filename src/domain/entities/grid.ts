import { z } from '../z';
import { polygonSchema } from '../geometrySchemas';
import { entityBaseShape, idSchema, localizedTextSchema, nameSchema, provinceIdSchema } from './entityBase';

/** A cross-province grid (跨省网格): one area spanning both sides, its villages and grid workers. */
export const gridSchema = z.object({
  ...entityBaseShape,
  name: localizedTextSchema,
  geometry: polygonSchema,
  villages: z.array(z.object({ name: nameSchema, townId: idSchema, side: provinceIdSchema })).min(1).max(50),
  gridWorkers: z.array(z.object({ name: nameSchema, side: provinceIdSchema })).max(200),
});
export type Grid = z.infer<typeof gridSchema>;
