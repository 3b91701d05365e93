/**
 * What the simulated border looked like at any moment of the last days, for time playback: every
 * change with the simulated time it was made. Changes older than the retention are folded into a
 * base state (the state at the fold boundary), so a mock running for months holds steady memory
 * and can still answer "the state at the start of the window, then every change in it".
 *
 * Some records are re-sent whole every few seconds (a patrol track with its last 40 positions
 * every 15–20 s: 95 % of the simulator's changes, 224 of a week's 227 MB of JSON). Those kinds are
 * thinned: of the upserts of one record, one per interval is kept, and so is the last before a
 * pause (the end of a sortie) and always the latest, so a replay ending now ends at the live state.
 */
import { ENTITY_KINDS, type EntityKind } from '../domain/entities/entityKinds';
import type { WireChange, WireRecord } from '../domain/wire';
import { DAY, MINUTE } from './simulationContext';

export interface TimedWireChange {
  /** Simulated time of the change, epoch milliseconds. */
  at: number;
  change: WireChange;
}

export interface HistoryWindow {
  /** The start served: the one asked for, or the oldest time still held if that is later. */
  fromMs: number;
  /** The end served: the one asked for, never before `fromMs`. */
  toMs: number;
  /** The state at `fromMs`. */
  base: WireRecord[];
  /** Every kept change with `fromMs < at <= toMs`, in sequence order. */
  changes: TimedWireChange[];
}

export interface HistoryLogOptions {
  /** When the history begins: the state before it is empty, and changes made then are the base. */
  startMs: number;
  /** How far back a window may reach (7 days unless set). */
  retentionMs?: number;
  /** Per kind, the interval at which one record's upserts are kept (see the header). */
  thinning?: Partial<Record<EntityKind, number>>;
}

const DEFAULT_HISTORY_RETENTION_MS = 7 * DAY;

/**
 * A patrol track holds 10–13 minutes of positions, so with one report kept every 5 minutes each
 * position still appears in a kept report: playback loses no point of a trail, and a week of
 * history is 17 MB of JSON (15 MB of heap) instead of 227 MB; one a minute would be 70 MB.
 */
const DEFAULT_HISTORY_THINNING: Partial<Record<EntityKind, number>> = { patrolTrack: 5 * MINUTE };

/** Where the latest kept upsert of a thinned record sits, to drop it if a newer one supersedes it. */
interface ThinnedRecord {
  /** Undefined when it went straight into the base. */
  position: number | undefined;
  at: number;
  /** When the last upsert kept for its interval was made; later ones within the interval may go. */
  anchorAt: number;
  /** Kept only for being the latest: a newer upsert within the interval replaces it. */
  provisional: boolean;
}

const recordId = (change: WireChange): string => (change.op === 'delete' ? change.id : (change.record as { id: string }).id);

export class HistoryLog {
  private readonly retentionMs: number;
  private readonly thinning: Partial<Record<EntityKind, number>>;
  private readonly base = new Map<EntityKind, Map<string, unknown>>(ENTITY_KINDS.map((kind) => [kind, new Map()]));
  /** `base` is the state at this time: every change made by then is in it. */
  private baseAt: number;
  private latestAt: number;
  /** Unfolded changes from `head` on, in sequence order; null where a thinned upsert was dropped. */
  private entries: (TimedWireChange | null)[] = [];
  private head = 0;
  /** Entries cut off the front so far: positions (index + cut) stay valid across compactions. */
  private cut = 0;
  private kept = 0;
  private readonly thinned = new Map<string, ThinnedRecord>();

  constructor(options: HistoryLogOptions) {
    this.retentionMs = options.retentionMs ?? DEFAULT_HISTORY_RETENTION_MS;
    if (!(this.retentionMs > 0)) throw new RangeError('retentionMs must be above 0');
    this.thinning = options.thinning ?? DEFAULT_HISTORY_THINNING;
    this.baseAt = options.startMs;
    this.latestAt = options.startMs;
  }

  /** The oldest time a window can start at. */
  get oldestMs(): number {
    return this.baseAt;
  }

  /** How many changes are held (not yet folded into the base, not thinned out). */
  get size(): number {
    return this.kept;
  }

  /** Records a change the simulator made at simulated time `at` (never earlier than the last). */
  append(at: number, change: WireChange): void {
    if (at < this.latestAt) throw new RangeError(`history is in time order: ${new Date(at).toISOString()} is before ${new Date(this.latestAt).toISOString()}`);
    this.latestAt = at;
    this.fold(at - this.retentionMs);
    if (at <= this.baseAt) {
      this.applyTo(this.base, change);
      this.thin(at, change, undefined);
      return;
    }
    const position = this.cut + this.entries.length;
    this.entries.push({ at, change });
    this.kept += 1;
    this.thin(at, change, position);
  }

  /** The state at `fromMs` and every change after it up to `toMs`, for the kinds asked (all by default). */
  window(fromMs: number, toMs: number, kinds: readonly EntityKind[] = ENTITY_KINDS): HistoryWindow {
    const from = Math.max(fromMs, this.baseAt);
    const to = Math.max(toMs, from);
    const state = new Map<EntityKind, Map<string, unknown>>(kinds.map((kind) => [kind, new Map(this.base.get(kind))]));
    const changes: TimedWireChange[] = [];
    for (let index = this.head; index < this.entries.length; index++) {
      const entry = this.entries[index];
      if (!entry) continue;
      if (entry.at > to) break;
      if (!state.has(entry.change.kind)) continue;
      if (entry.at <= from) this.applyTo(state, entry.change);
      else changes.push(entry);
    }
    const base: WireRecord[] = [];
    for (const [kind, records] of state) for (const record of records.values()) base.push({ kind, record });
    return { fromMs: from, toMs: to, base, changes };
  }

  private applyTo(state: Map<EntityKind, Map<string, unknown>>, change: WireChange): void {
    const records = state.get(change.kind)!;
    if (change.op === 'upsert') records.set(recordId(change), change.record);
    else records.delete(change.id);
  }

  /** Moves every change made by `cutoff` into the base. */
  private fold(cutoff: number): void {
    if (cutoff <= this.baseAt) return;
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head];
      if (entry) {
        if (entry.at > cutoff) break;
        this.applyTo(this.base, entry.change);
        this.kept -= 1;
      }
      this.entries[this.head] = null;
      this.head += 1;
    }
    this.baseAt = cutoff;
    // Compacting only once half the array is folded keeps each append amortised O(1).
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.cut += this.head;
      this.head = 0;
    }
  }

  private thin(at: number, change: WireChange, position: number | undefined): void {
    const intervalMs = this.thinning[change.kind];
    if (intervalMs === undefined) return;
    const key = `${change.kind}:${recordId(change)}`;
    if (change.op === 'delete') {
      this.thinned.delete(key);
      return;
    }
    const previous = this.thinned.get(key);
    // A provisional upsert followed by a pause (the last report of a sortie) stays: it is how the
    // record looked for all that time.
    if (previous?.provisional && previous.position !== undefined && at - previous.at < intervalMs) this.drop(previous.position);
    const anchors = previous === undefined || at - previous.anchorAt >= intervalMs;
    this.thinned.set(key, { position, at, anchorAt: anchors ? at : previous.anchorAt, provisional: !anchors });
  }

  private drop(position: number): void {
    const index = position - this.cut;
    // Already folded into the base: a newer upsert there will simply replace it.
    if (index < this.head || this.entries[index] === null) return;
    this.entries[index] = null;
    this.kept -= 1;
  }
}
