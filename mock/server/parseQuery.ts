/** The query parameters the mock's read endpoints accept, parsed and checked. */
import { ENTITY_KINDS, type EntityKind, isEntityKind } from '../../src/domain/entities/entityKinds';
import { z } from '../../src/domain/z';

/** What the contract means by a time: ISO 8601 with a time zone (Z or an offset). */
const isoTimeSchema = z.iso.datetime({ offset: true });

export interface RecordQuery {
  kinds: EntityKind[];
  bbox: [number, number, number, number] | undefined;
  from: number | undefined;
  to: number | undefined;
}

/** `kinds=a,b`: every kind when absent. */
function parseKinds(params: URLSearchParams): EntityKind[] | { error: string } {
  const kinds = params.get('kinds')?.split(',').filter(Boolean) ?? [...ENTITY_KINDS];
  const unknown = kinds.filter((kind) => !isEntityKind(kind));
  if (unknown.length > 0) return { error: `unknown kinds: ${unknown.join(', ')}` };
  return kinds as EntityKind[];
}

export function parseRecordQuery(params: URLSearchParams): RecordQuery | { error: string } {
  const kinds = parseKinds(params);
  if ('error' in kinds) return kinds;
  let bbox: RecordQuery['bbox'];
  const bboxText = params.get('bbox');
  if (bboxText) {
    const values = bboxText.split(',').map(Number);
    if (values.length !== 4 || values.some((v) => !Number.isFinite(v))) return { error: 'bbox is west,south,east,north in degrees' };
    bbox = values as [number, number, number, number];
  }
  const time = (name: string) => {
    const text = params.get(name);
    if (text === null) return undefined;
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? Number.NaN : ms;
  };
  const from = time('from');
  const to = time('to');
  if (Number.isNaN(from) || Number.isNaN(to)) return { error: 'from and to are ISO 8601 timestamps' };
  return { kinds, bbox, from, to };
}

/** The longest window one history request may ask for: a month, so one answer stays a sensible size. */
export const MAX_HISTORY_WINDOW_MS = 31 * 24 * 3_600_000;

/**
 * A history window's `from` and `to`, both required ISO 8601 times, `from` before `to`, at most
 * 31 days apart. Shared by the server and the in-page mock adapter, so both refuse the same windows.
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

export function parseHistoryQuery(params: URLSearchParams): { fromMs: number; toMs: number; kinds: EntityKind[] } | { error: string } {
  const window = parseHistoryWindow(params.get('from'), params.get('to'));
  if ('error' in window) return window;
  const kinds = parseKinds(params);
  if ('error' in kinds) return kinds;
  return { ...window, kinds };
}

/** Whether a record (with `position` and `updatedAt`) falls inside the query's box and window. */
export function matchesQuery(record: { position?: unknown; updatedAt?: unknown }, query: RecordQuery): boolean {
  if (query.bbox && Array.isArray(record.position)) {
    const [lon, lat] = record.position as [number, number];
    const [west, south, east, north] = query.bbox;
    if (lon < west || lon > east || lat < south || lat > north) return false;
  }
  if (query.from !== undefined || query.to !== undefined) {
    const updated = Date.parse(String(record.updatedAt));
    if (query.from !== undefined && updated < query.from) return false;
    if (query.to !== undefined && updated > query.to) return false;
  }
  return true;
}

/** `after=` (or the SSE Last-Event-ID header): the last sequence number the client applied. */
export function parseAfter(value: string | null | undefined): number | undefined | { error: string } {
  if (value === null || value === undefined || value === '') return undefined;
  const seq = Number(value);
  return Number.isInteger(seq) && seq >= 0 ? seq : { error: 'after is the last sequence number applied, a whole number' };
}
