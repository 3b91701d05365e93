/**
 * A window of history through the same gate as a snapshot and a change log: the base records by
 * `validateRecords`, each change by `validateChanges`, converted to WGS84, a bad one rejected alone
 * and the rest kept with the time it was made. Used by the http and the in-page mock adapters.
 */
import type { History, Rejection, TimedChange } from './contract';
import { type ValidationContext, validateChanges, validateRecords } from './validateRecords';

export interface RawHistory {
  from: string;
  to: string;
  records: readonly unknown[];
  /** `at`: epoch milliseconds. */
  changes: readonly { at: number; change: unknown }[];
}

export function validateHistory(raw: RawHistory, context: ValidationContext): History {
  const { records: base, rejected } = validateRecords(raw.records, context);
  const changes: TimedChange[] = [];
  const changeRejections: Rejection[] = [];
  for (const { at, change } of raw.changes) {
    // One at a time, so each accepted change keeps its own time.
    const checked = validateChanges([change], context);
    if (checked.changes.length === 1) changes.push({ at, change: checked.changes[0]! });
    else changeRejections.push(...checked.rejected);
  }
  // Playback walks changes by time; a backend that lists them by sequence only must not make it skip any.
  changes.sort((a, b) => a.at - b.at);
  return { from: raw.from, to: raw.to, base, changes, rejected: [...rejected, ...changeRejections] };
}
