/**
 * 指令: what a duty desk tells a unit (a station, a checkpoint, a patrol) to do about an alert or
 * a grid event, followed until the unit reports back: sent → received → en-route → handled →
 * feedback. Kept on the record it concerns, so every screen that shows the record shows it.
 */
import { z } from '../z';
import { idSchema, nameSchema, provinceIdSchema, timestampSchema } from './entityBase';

export const INSTRUCTION_STAGES = ['sent', 'received', 'en-route', 'handled', 'feedback'] as const;
export type InstructionStage = (typeof INSTRUCTION_STAGES)[number];

const instructionSchema = z.object({
  id: idSchema,
  /** The unit told: a station id (stations, checkpoints) or a patrol's id. */
  unitId: idSchema,
  /** The unit's side when instructed: it reports, even if the unit leaves the map meanwhile. */
  unitSide: provinceIdSchema.optional(),
  text: nameSchema,
  /** The officer who gave it, and the side of the border their desk is on. */
  by: nameSchema,
  side: provinceIdSchema,
  stage: z.enum(INSTRUCTION_STAGES),
  times: z.partialRecord(z.enum(INSTRUCTION_STAGES), timestampSchema),
  /** What the unit reported at `feedback`. */
  feedback: nameSchema.optional(),
  /** Who moved it last (the unit's desk relaying its report). */
  changedBy: nameSchema.optional(),
});
export type Instruction = z.infer<typeof instructionSchema>;

/** At most this many instructions per record: a record is not a chat log. */
export const MAX_INSTRUCTIONS = 20;
export const instructionsSchema = z.array(instructionSchema).max(MAX_INSTRUCTIONS);

/** The stage after `stage`, or null at the end. */
export function nextInstructionStage(stage: InstructionStage): InstructionStage | null {
  return INSTRUCTION_STAGES[INSTRUCTION_STAGES.indexOf(stage) + 1] ?? null;
}
