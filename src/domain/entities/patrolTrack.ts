import { z } from '../z';
import { lonLatSchema } from '../geometrySchemas';
import { entityBaseShape, idSchema, nameSchema, timestampSchema } from './entityBase';

/** The most positions a track keeps: a drone reporting every 5 s covers almost three hours. */
const MAX_TRACK_POINTS = 2000;

/** A drone or vehicle patrol: its path as timestamped WGS84 positions; `position` is where it is now. */
export const patrolTrackSchema = z.object({
  ...entityBaseShape,
  patrolKind: z.enum(['drone', 'vehicle']),
  name: nameSchema,
  unitStationId: idSchema,
  active: z.boolean(),
  points: z.array(z.object({ at: timestampSchema, position: lonLatSchema })).max(MAX_TRACK_POINTS),
});
export type PatrolTrack = z.infer<typeof patrolTrackSchema>;
