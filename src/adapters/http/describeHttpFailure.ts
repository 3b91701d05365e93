import type { Failure, FailureCode } from '../contract';

/** One mapping from an HTTP status (and the contract's error body) to a failure the HUD can show. */
export function failureForStatus(status: number, body: { error?: unknown; message?: unknown } | undefined, what: string): Failure {
  const byError: Record<string, FailureCode> = { 'cursor-expired': 'cursor-expired', unauthorized: 'unauthorized', 'not-found': 'not-found', conflict: 'conflict' };
  const byStatus: Record<number, FailureCode> = { 401: 'unauthorized', 403: 'unauthorized', 404: 'not-found', 409: 'conflict', 410: 'cursor-expired' };
  const code = (typeof body?.error === 'string' ? byError[body.error] : undefined) ?? byStatus[status] ?? 'http';
  const detail = typeof body?.message === 'string' && body.message ? ` ${body.message.slice(0, 300)}` : '';
  return { code, reason: `${what}: HTTP ${status}${detail}`, status };
}
