import type { EntityKind } from '../domain/entities/entityKinds';
import type { World } from './buildWorld';
import type { SeededRandom } from './seededRandom';

/** A record as a behaviour builds it; the simulator stamps version, updatedAt and source. */
export type DraftRecord = { id: string } & Record<string, unknown>;
export type SimRecord = DraftRecord & { version: number; updatedAt: string; source: string };

/** What a behaviour (alerts, grid events, …) may do to the simulated world. */
export interface SimulationContext {
  readonly random: SeededRandom;
  readonly world: World;
  /** Simulated time, in epoch milliseconds. */
  now(): number;
  iso(ms?: number): string;
  schedule(atMs: number, run: () => void): void;
  /** Creates or replaces a record (a new version) and logs the change. */
  put(kind: EntityKind, record: DraftRecord): SimRecord;
  remove(kind: EntityKind, id: string): void;
  get(kind: EntityKind, id: string): SimRecord | undefined;
  all(kind: EntityKind): IterableIterator<SimRecord>;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
