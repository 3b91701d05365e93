/**
 * 布控预警: a watchlist hit on a person or vehicle. One side sets the control, both sides check
 * (一地布控、两域双查): `controlSide` is the province that put the subject on the watchlist,
 * `hitSide` the province whose camera or checkpoint saw it.
 */
import { z } from '../z';
import { entityBaseShape, idSchema, nameSchema, provinceIdSchema, textSchema, timestampSchema } from './entityBase';
import { type EntityRule, withRules } from './entityRules';
import { instructionsSchema } from './instruction';

export const ALERT_STATUSES = ['new', 'acknowledged', 'dispatched', 'intercepted', 'released', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Statuses an alert can move to from each status; the last three end it. */
const ALERT_TRANSITIONS: Record<AlertStatus, readonly AlertStatus[]> = {
  new: ['acknowledged', 'dispatched', 'closed'],
  acknowledged: ['dispatched', 'released', 'closed'],
  dispatched: ['intercepted', 'released', 'closed'],
  intercepted: ['closed'],
  released: ['closed'],
  closed: [],
};

export function canTransitionAlert(from: AlertStatus, to: AlertStatus): boolean {
  return ALERT_TRANSITIONS[from].includes(to);
}

export function isAlertOpen(status: AlertStatus): boolean {
  return status === 'new' || status === 'acknowledged' || status === 'dispatched';
}

/** Subject fields are kept as sent so that masking happens in one place, just before display. */
export const alertSubjectSchema = z.object({
  type: z.enum(['person', 'vehicle']),
  name: nameSchema.optional(),
  idNumber: z.string().max(32).optional(),
  phone: z.string().max(32).optional(),
  plate: z.string().max(16).optional(),
  description: textSchema.optional(),
});

const alertShape = z.object({
  ...entityBaseShape,
  severity: z.number().int().min(1, 'severity is 1–4').max(4, 'severity is 1–4'),
  watchlist: nameSchema,
  subject: alertSubjectSchema,
  hit: z.object({
    at: timestampSchema,
    via: z.enum(['camera', 'checkpoint']),
    deviceId: idSchema,
    deviceName: nameSchema,
  }),
  controlSide: provinceIdSchema,
  hitSide: provinceIdSchema,
  /** The station of the side that set the control: the alert's line on the map ends there. */
  controlStationId: idSchema,
  /** The control order (布控) this hit answers, when the source links them. */
  controlOrderId: idSchema.optional(),
  status: z.enum(ALERT_STATUSES),
  statusTimes: z.partialRecord(z.enum(ALERT_STATUSES), timestampSchema),
  acknowledgedBy: nameSchema.optional(),
  /** Instructions (指令) given to units about it, each followed to the unit's feedback. */
  instructions: instructionsSchema.optional(),
});

export const alertRules: readonly EntityRule<z.output<typeof alertShape>>[] = [
  { path: ['statusTimes', 'new'], message: 'statusTimes.new is required', holds: (alert) => alert.statusTimes.new !== undefined },
  { path: ['statusTimes'], message: 'the current status needs its time in statusTimes', holds: (alert) => alert.statusTimes[alert.status] !== undefined },
];

export const alertSchema = withRules(alertShape, alertRules);
export type Alert = z.infer<typeof alertSchema>;
