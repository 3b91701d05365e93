/**
 * 布控: one side puts a person or vehicle on the watchlist and names the sides that check for it
 * (一地布控、两域双查: usually both). Hits arrive as alerts carrying `controlOrderId`; the order
 * keeps its own count so the list stays right after the alerts themselves have aged out.
 */
import { z } from '../z';
import { alertSubjectSchema } from './alert';
import { entityBaseShape, idSchema, nameSchema, provinceIdSchema, timestampSchema } from './entityBase';
import { type EntityRule, withRules } from './entityRules';

const CONTROL_ORDER_STATUSES = ['active', 'lifted', 'expired'] as const;

const controlOrderShape = z.object({
  ...entityBaseShape,
  /** The side that set it is `province`; the station that set it: */
  setStationId: idSchema,
  setAt: timestampSchema,
  /** The officer who set it, when a desk did. */
  setBy: nameSchema.optional(),
  severity: z.number().int().min(1, 'severity is 1–4').max(4, 'severity is 1–4'),
  watchlist: nameSchema,
  subject: alertSubjectSchema,
  /** The provinces whose cameras and checkpoints look for the subject. */
  checkSides: z.array(provinceIdSchema).min(1, 'at least one side checks').max(8),
  status: z.enum(CONTROL_ORDER_STATUSES),
  expiresAt: timestampSchema.optional(),
  liftedAt: timestampSchema.optional(),
  liftedBy: nameSchema.optional(),
  /** Hits so far (each one an alert with this order's id). */
  hitCount: z.number().int().nonnegative().optional(),
  lastHitAt: timestampSchema.optional(),
  /** Who made this version, when an officer did. */
  changedBy: nameSchema.optional(),
});

export const controlOrderRules: readonly EntityRule<z.output<typeof controlOrderShape>>[] = [
  { path: ['liftedAt'], message: 'a lifted order needs liftedAt', holds: (order) => order.status !== 'lifted' || order.liftedAt !== undefined },
  { path: ['expiresAt'], message: 'an expired order needs expiresAt', holds: (order) => order.status !== 'expired' || order.expiresAt !== undefined },
];

export const controlOrderSchema = withRules(controlOrderShape, controlOrderRules);
export type ControlOrder = z.infer<typeof controlOrderSchema>;
