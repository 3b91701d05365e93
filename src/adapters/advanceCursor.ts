/**
 * The one rule every adapter applies to a batch of changes: keep what comes after the cursor, in
 * sequence order, and move the cursor to the end of the batch. What is at or before the cursor
 * was applied already (a replay after reconnecting, a duplicate delivery) and is skipped.
 */
import type { Change } from './contract';

export function advanceCursor(cursor: number, changes: readonly Change[], batchSeq?: number): { fresh: Change[]; cursor: number } {
  let next = Math.max(cursor, batchSeq ?? cursor);
  const fresh: Change[] = [];
  for (const change of changes) {
    if (change.seq > next) next = change.seq;
    if (change.seq > cursor) fresh.push(change);
  }
  // Backends send in order; a batch that is not is put in order rather than trusted.
  for (let i = 1; i < fresh.length; i++) {
    if (fresh[i]!.seq < fresh[i - 1]!.seq) {
      fresh.sort((a, b) => a.seq - b.seq);
      break;
    }
  }
  return { fresh, cursor: next };
}
