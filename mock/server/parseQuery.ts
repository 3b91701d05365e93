/** The query parameters the mock's read endpoints accept, parsed and checked. */
import { ENTITY_KINDS, type EntityKind, isEntityKind } from '../../src/domain/entities/entityKinds';

export interface RecordQuery {
  kinds: EntityKind[];
  bbox: [number, number, number, number] | undefined;
  from: number | undefined;
  to: number | undefined;
}

export function parseRecordQuery(params: URLSearchParams): RecordQuery | { error: string } {
  const kinds = params.get('kinds')?.split(',').filter(Boolean) ?? [...ENTITY_KINDS];
  const unknown = kinds.filter((kind) => !isEntityKind(kind));
  if (unknown.length > 0) return { error: `unknown kinds: ${unknown.join(', ')}` };
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
  return { kinds: kinds as EntityKind[], bbox, from, to };
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
