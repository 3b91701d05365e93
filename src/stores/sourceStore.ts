/**
 * The state of every configured data source, for the HUD's freshness badges and diagnostics:
 * connection state, when it last said anything, the last error, and every rejected record
 * counted by reason.
 */
import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { Capabilities, Failure, Rejection, ResyncReason, StreamState } from '../adapters/contract';

/** Distinct reasons kept per source; the rest are counted together, so a hostile feed cannot grow memory. */
export const MAX_REJECTION_REASONS = 50;
export const OTHER_REASONS = '(other reasons)';

/** The last time a source's stream started over from a snapshot, and why. */
interface SourceResync {
  /** When this screen applied the snapshot, ISO 8601. */
  at: string;
  reason: ResyncReason;
  /** The backend restarted: what the source had delivered was replaced, not merged. */
  replaced: boolean;
  /** Records the snapshot held. */
  records: number;
}

export interface SourceStatus {
  id: string;
  /** The configured display name, or null: the HUD then names the kind of source. */
  name: string | null;
  type: string;
  state: StreamState | 'failed';
  /** When the source entered its current state, ISO 8601: how long it has waited for an answer. */
  stateSince: string;
  attempt: number;
  lastError: Failure | null;
  lastMessageAt: string | null;
  lastChangeAt: string | null;
  cursor: number | null;
  /** Silence longer than this makes the source stale (see StreamStatus.staleAfterMs). */
  staleAfterMs: number | null;
  lastResync: SourceResync | null;
  /** How often the backend was seen to restart since the page opened. */
  restarts: number;
  capabilities: Capabilities | null;
  rejected: { total: number; byReason: Record<string, number> };
}

function countRejections(status: SourceStatus, rejections: readonly Rejection[]): void {
  for (const rejection of rejections) {
    status.rejected.total += 1;
    const reasons = status.rejected.byReason;
    const key = rejection.reason in reasons || Object.keys(reasons).length < MAX_REJECTION_REASONS ? rejection.reason : OTHER_REASONS;
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
}

export const useSourceStore = defineStore('sources', () => {
  const sources = reactive<Record<string, SourceStatus>>({});

  function register(id: string, type: string, name: string | null = null, staleAfterMs: number | null = null): SourceStatus {
    sources[id] = {
      id,
      name,
      type,
      state: 'connecting',
      stateSince: new Date().toISOString(),
      attempt: 0,
      lastError: null,
      lastMessageAt: null,
      lastChangeAt: null,
      cursor: null,
      staleAfterMs,
      lastResync: null,
      restarts: 0,
      capabilities: null,
      rejected: { total: 0, byReason: Object.create(null) as Record<string, number> },
    };
    return sources[id]!;
  }

  function update(id: string, patch: Partial<Omit<SourceStatus, 'id' | 'rejected' | 'stateSince'>>): void {
    const status = sources[id];
    if (!status) return;
    if (patch.state !== undefined && patch.state !== status.state) status.stateSince = new Date().toISOString();
    Object.assign(status, patch);
  }

  function reject(id: string, rejections: readonly Rejection[]): void {
    const status = sources[id];
    if (status) countRejections(status, rejections);
  }

  return { sources, register, update, reject };
});
