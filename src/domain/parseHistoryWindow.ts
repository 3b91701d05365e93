import { z } from './z';

/** What the contract means by a time: ISO 8601 with a time zone (Z or an offset). */
const isoTimeSchema = z.iso.datetime({ offset: true });

/** The longest window one history request may ask for: a month, so one answer stays a sensible size. */
const MAX_HISTORY_WINDOW_MS = 31 * 24 * 3_600_000;

/**
 * A history window's `from` and `to`, both required ISO 8601 times, `from` before `to`, at most
 * 31 days apart. Shared by the mock server and the in-page mock adapter, so both refuse the same windows.
 */
export function parseHistoryWindow(fromText: string | null | undefined, toText: string | null | undefined): { fromMs: number; toMs: number } | { error: string } {
  const time = (name: string, text: string | null | undefined): number | { error: string } => {
    if (text === null || text === undefined || text === '') return { error: `${name} is required: an ISO 8601 time such as 2026-11-23T02:00:00Z` };
    if (!isoTimeSchema.safeParse(text).success) return { error: `${name} must be an ISO 8601 time with a time zone, not ${JSON.stringify(text.slice(0, 40))}` };
    return Date.parse(text);
  };
  const fromMs = time('from', fromText);
  if (typeof fromMs === 'object') return fromMs;
  const toMs = time('to', toText);
  if (typeof toMs === 'object') return toMs;
  if (fromMs >= toMs) return { error: `from must be before to (from ${new Date(fromMs).toISOString()}, to ${new Date(toMs).toISOString()})` };
  if (toMs - fromMs > MAX_HISTORY_WINDOW_MS) return { error: `from and to are ${Math.ceil((toMs - fromMs) / 86_400_000)} days apart; a window is at most 31 days` };
  return { fromMs, toMs };
}
