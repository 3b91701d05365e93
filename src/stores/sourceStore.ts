/**
 * The state of every configured data source, for the HUD's freshness badges and diagnostics:
 * connection state, when it last said anything, the last error, and every rejected record
 * counted by reason.
 */
import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { Capabilities, Failure, Rejection, StreamState } from '../adapters/contract';

/** Distinct reasons kept per source; the rest are counted together, so a hostile feed cannot grow memory. */
export const MAX_REJECTION_REASONS = 50;
export const OTHER_REASONS = '(other reasons)';

export interface SourceStatus {
  id: string;
  type: string;
  state: StreamState | 'failed';
  attempt: number;
  lastError: Failure | null;
  lastMessageAt: string | null;
  lastChangeAt: string | null;
  cursor: number | null;
  capabilities: Capabilities | null;
  rejected: { total: number; byReason: Record<string, number> };
}

export function countRejections(status: SourceStatus, rejections: readonly Rejection[]): void {
  for (const rejection of rejections) {
    status.rejected.total += 1;
    const reasons = status.rejected.byReason;
    const key = rejection.reason in reasons || Object.keys(reasons).length < MAX_REJECTION_REASONS ? rejection.reason : OTHER_REASONS;
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
}

export const useSourceStore = defineStore('sources', () => {
  const sources = reactive<Record<string, SourceStatus>>({});

  function register(id: string, type: string): SourceStatus {
    sources[id] = {
      id,
      type,
      state: 'connecting',
      attempt: 0,
      lastError: null,
      lastMessageAt: null,
      lastChangeAt: null,
      cursor: null,
      capabilities: null,
      rejected: { total: 0, byReason: Object.create(null) as Record<string, number> },
    };
    return sources[id]!;
  }

  function update(id: string, patch: Partial<Omit<SourceStatus, 'id' | 'rejected'>>): void {
    const status = sources[id];
    if (status) Object.assign(status, patch);
  }

  function reject(id: string, rejections: readonly Rejection[]): void {
    const status = sources[id];
    if (status) countRejections(status, rejections);
  }

  return { sources, register, update, reject };
});
