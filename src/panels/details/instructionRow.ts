/** One instruction as the detail panel lists it (see app/useInstructions.ts, which makes them). */
import type { InstructionStage } from '../../domain/entities/instruction';

export interface InstructionRow {
  id: string;
  unitName: string;
  text: string;
  by: string;
  stage: InstructionStage;
  times: Partial<Record<InstructionStage, string>>;
  feedback: string | null;
  /** The step this desk may report next, when the unit is on its side. */
  next: Exclude<InstructionStage, 'sent'> | null;
}
