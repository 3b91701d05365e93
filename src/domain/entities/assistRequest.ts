/**
 * 协查请求: one station asks a station across the border to stop or find someone or something,
 * with a service-level time; the 15-minute interception of a fleeing car is the model case.
 */
import { isoMs } from '../isoMs';
import { z } from '../z';
import { entityBaseShape, idSchema, nameSchema, provinceIdSchema, textSchema, timestampSchema } from './entityBase';
import { type EntityRule, withRules } from './entityRules';

/** `responded`: accepted by the other side and being worked on; `declined` ends it unanswered. */
const ASSIST_STATUSES = ['open', 'responded', 'declined', 'completed'] as const;
export const ASSIST_OUTCOMES = ['intercepted', 'located', 'not-found', 'withdrawn'] as const;
export type AssistOutcome = (typeof ASSIST_OUTCOMES)[number];

const assistRequestShape = z.object({
  ...entityBaseShape,
  fromStationId: idSchema,
  toStationId: idSchema,
  fromSide: provinceIdSchema,
  toSide: provinceIdSchema,
  subject: z.object({ type: z.enum(['person', 'vehicle', 'item']), summary: nameSchema, details: textSchema.optional() }),
  requestedAt: timestampSchema,
  slaMinutes: z.number().int().min(1).max(7 * 24 * 60),
  status: z.enum(ASSIST_STATUSES),
  respondedAt: timestampSchema.optional(),
  completedAt: timestampSchema.optional(),
  outcome: z.enum(ASSIST_OUTCOMES).optional(),
  /** The officers who raised, answered and settled it, when desks did (the simulator names none). */
  raisedBy: nameSchema.optional(),
  respondedBy: nameSchema.optional(),
  completedBy: nameSchema.optional(),
  /** Who made this version, when an officer did: named when another desk's change is refused. */
  changedBy: nameSchema.optional(),
  /** Progress reported by either side while the request is worked on, oldest first. */
  notes: z.array(z.object({ at: timestampSchema, side: provinceIdSchema, by: nameSchema, text: nameSchema })).max(50).optional(),
});

export const assistRequestRules: readonly EntityRule<z.output<typeof assistRequestShape>>[] = [
  { path: ['respondedAt'], message: 'a responded or declined request needs respondedAt', holds: (r) => r.status === 'open' || r.status === 'completed' || r.respondedAt !== undefined },
  {
    path: ['completedAt'],
    message: 'a completed request needs completedAt and outcome',
    holds: (r) => r.status !== 'completed' || (r.completedAt !== undefined && r.outcome !== undefined),
  },
];

export const assistRequestSchema = withRules(assistRequestShape, assistRequestRules);
export type AssistRequest = z.infer<typeof assistRequestSchema>;

/** Minutes left for the other side to answer (negative once overdue); null once answered. */
export function assistMinutesLeft(request: Pick<AssistRequest, 'requestedAt' | 'slaMinutes' | 'status'>, now: Date): number | null {
  if (request.status !== 'open') return null;
  return (isoMs(request.requestedAt) + request.slaMinutes * 60_000 - now.getTime()) / 60_000;
}
