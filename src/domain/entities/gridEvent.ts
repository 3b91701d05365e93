/**
 * 跨省网格事件: an event in a cross-province grid, run as a closed loop
 * 发现 discover → 研判 analyze → 指令 command → 处置 handle → 反馈 feedback → 归档 closed,
 * each stage timed and owned by one side, and handed across the border (交办) when the other
 * side must act.
 */
import { isoMs } from '../isoMs';
import { z } from '../z';
import { entityBaseShape, idSchema, nameSchema, provinceIdSchema, textSchema, timestampSchema } from './entityBase';
import { GRID_EVENT_CATEGORY_IDS, GRID_EVENT_SUBCATEGORY_CODES } from './gridEventCategories';
import { type EntityRule, withRules } from './entityRules';
import { instructionsSchema } from './instruction';

export const GRID_EVENT_STAGES = ['discover', 'analyze', 'command', 'handle', 'feedback', 'closed'] as const;
export type GridEventStage = (typeof GRID_EVENT_STAGES)[number];

const REPORTER_ROLES = ['grid-worker', 'resident', 'police', 'patrol', 'sensor'] as const;

const gridEventShape = z.object({
  ...entityBaseShape,
  title: nameSchema,
  category: z.enum(GRID_EVENT_CATEGORY_IDS),
  subcategory: z.enum([...GRID_EVENT_SUBCATEGORY_CODES] as [string, ...string[]], { error: 'unknown subcategory code' }),
  gridId: idSchema,
  reporter: z.object({ name: nameSchema, role: z.enum(REPORTER_ROLES) }),
  stage: z.enum(GRID_EVENT_STAGES),
  /** Every stage reached so far, in order, with when and which side owned it. */
  stages: z
    .array(z.object({ stage: z.enum(GRID_EVENT_STAGES), at: timestampSchema, side: provinceIdSchema }))
    .min(1, 'an event has at least its discover stage')
    .max(GRID_EVENT_STAGES.length),
  handoffs: z
    .array(
      z.object({
        at: timestampSchema,
        fromSide: provinceIdSchema,
        toSide: provinceIdSchema,
        note: textSchema.optional(),
        /** Who handed it over, and when and by whom the other side took it (交办 → 接收). */
        by: nameSchema.optional(),
        acceptedAt: timestampSchema.optional(),
        acceptedBy: nameSchema.optional(),
      }),
    )
    .max(50),
  /** When the loop should be closed by; past it and still open, the event is overdue. */
  dueAt: timestampSchema,
  /** Instructions (指令) given to units about it, each followed to the unit's feedback. */
  instructions: instructionsSchema.optional(),
});

export const gridEventRules: readonly EntityRule<z.output<typeof gridEventShape>>[] = [
  { path: ['subcategory'], message: 'the subcategory belongs to another category', holds: (event) => event.subcategory.startsWith(`${event.category}.`) },
  { path: ['stages'], message: 'the last entry of stages must be the current stage', holds: (event) => event.stages[event.stages.length - 1]?.stage === event.stage },
];

export const gridEventSchema = withRules(gridEventShape, gridEventRules);
export type GridEvent = z.infer<typeof gridEventSchema>;

export function isGridEventOverdue(event: Pick<GridEvent, 'stage' | 'dueAt'>, now: Date): boolean {
  return isGridEventOverdueAt(event, now.getTime());
}

/** The same, at epoch milliseconds: the layers ask for every event on every change. */
export function isGridEventOverdueAt(event: Pick<GridEvent, 'stage' | 'dueAt'>, nowMs: number): boolean {
  return event.stage !== 'closed' && isoMs(event.dueAt) < nowMs;
}
