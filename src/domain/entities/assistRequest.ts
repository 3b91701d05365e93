/**
 * 协查请求: one station asks a station across the border to stop or find someone or something,
 * with a service-level time; the 15-minute interception of a fleeing car is the model case.
 */
import { z } from '../z';
import { entityBaseShape, idSchema, nameSchema, provinceIdSchema, textSchema, timestampSchema } from './entityBase';
import { type EntityRule, withRules } from './entityRules';

const ASSIST_STATUSES = ['open', 'responded', 'completed'] as const;
const ASSIST_OUTCOMES = ['intercepted', 'located', 'not-found', 'withdrawn'] as const;

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
});

export const assistRequestRules: readonly EntityRule<z.output<typeof assistRequestShape>>[] = [
  { path: ['respondedAt'], message: 'a responded request needs respondedAt', holds: (r) => r.status === 'open' || r.respondedAt !== undefined },
  {
    path: ['completedAt'],
    message: 'a completed request needs completedAt and outcome',
    holds: (r) => r.status !== 'completed' || (r.completedAt !== undefined && r.outcome !== undefined),
  },
];

export const assistRequestSchema = withRules(assistRequestShape, assistRequestRules);
export type AssistRequest = z.infer<typeof assistRequestSchema>;

/** Minutes left until the request's SLA runs out (negative once overdue); null once answered. */
export function assistMinutesLeft(request: Pick<AssistRequest, 'requestedAt' | 'slaMinutes' | 'status'>, now: Date): number | null {
  if (request.status !== 'open') return null;
  return (Date.parse(request.requestedAt) + request.slaMinutes * 60_000 - now.getTime()) / 60_000;
}
