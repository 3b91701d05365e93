import { z } from '../z';
import { entityBaseShape, nameSchema } from './entityBase';

/**
 * 派出所 police station, 警务室 police office, 边界警务融治工作站 joint border workstation,
 * 联合布控预警中心 joint control centre, 省际生态警务室 eco-police office, 共享法庭 shared court,
 * 卡口/检查站 checkpoint.
 */
const STATION_KINDS = [
  'police-station',
  'police-office',
  'border-workstation',
  'joint-control-centre',
  'eco-police-office',
  'shared-court',
  'checkpoint',
] as const;
export type StationKind = (typeof STATION_KINDS)[number];

const CHECKPOINT_STATUSES = ['open', 'intercepting', 'closed'] as const;

export const stationSchema = z.object({
  ...entityBaseShape,
  stationKind: z.enum(STATION_KINDS),
  name: nameSchema,
  officersOnDuty: z.number().int().min(0).max(10_000),
  /** Only checkpoints: whether they are stopping traffic for an interception right now. */
  checkpoint: z
    .object({
      status: z.enum(CHECKPOINT_STATUSES),
      interceptionsToday: z.number().int().min(0).max(100_000),
    })
    .optional(),
});
export type Station = z.infer<typeof stationSchema>;
