/** The query parameters the mock's read endpoints accept, parsed and checked. */
import { ENTITY_KINDS, type EntityKind, isEntityKind } from '../../src/domain/entities/entityKinds';
import { parseHistoryWindow } from '../../src/domain/parseHistoryWindow';

export interface RecordQuery {
  kinds: EntityKind[];
  bbox: [number, number, number, number] | undefined;
  /** Checked ISO 8601 times, as src/domain/matchesSnapshotQuery compares them. */
  from: string | undefined;
  to: string | undefined;
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
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  if ([from, to].some((text) => text !== undefined && Number.isNaN(Date.parse(text)))) return { error: 'from and to are ISO 8601 timestamps' };
  return { kinds, bbox, from, to };
}

export function parseHistoryQuery(params: URLSearchParams): { fromMs: number; toMs: number; kinds: EntityKind[] } | { error: string } {
  const window = parseHistoryWindow(params.get('from'), params.get('to'));
  if ('error' in window) return window;
  const kinds = parseKinds(params);
  if ('error' in kinds) return kinds;
  return { ...window, kinds };
}

/** `after=` (or the SSE Last-Event-ID header): the last sequence number the client applied. */
export function parseAfter(value: string | null | undefined): number | undefined | { error: string } {
  if (value === null || value === undefined || value === '') return undefined;
  const seq = Number(value);
  return Number.isInteger(seq) && seq >= 0 ? seq : { error: 'after is the last sequence number applied, a whole number' };
}
