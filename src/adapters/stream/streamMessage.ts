/**
 * What a change stream says, whichever transport carries it (SSE events or WebSocket messages),
 * decoded defensively: a message that is not what the contract says becomes `malformed`.
 */
export type StreamMessage =
  | { type: 'changes'; seq: number | undefined; epoch: string | undefined; changes: unknown[] }
  | { type: 'heartbeat'; seq: number | undefined; epoch: string | undefined; at: string | undefined; intervalMs?: number }
  | { type: 'error'; error: string; message: string }
  | { type: 'malformed'; reason: string };

const epochOf = (value: unknown) => (typeof value === 'string' && value.length <= 64 ? value : undefined);
const sequenceOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);

export function decodeStreamMessage(type: string, data: string): StreamMessage {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return { type: 'malformed', reason: `stream: ${type} message is not valid JSON` };
  }
  return decodeParsed(type, body);
}

/** A WebSocket message names its own type inside the JSON; parsed once. */
export function decodeWebSocketMessage(data: string): StreamMessage {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return { type: 'malformed', reason: 'stream: message is not valid JSON' };
  }
  const type = (body as { type?: unknown } | null)?.type;
  return decodeParsed(typeof type === 'string' ? type : 'untyped', body);
}

function decodeParsed(type: string, body: unknown): StreamMessage {
  if (typeof body !== 'object' || body === null) return { type: 'malformed', reason: `stream: ${type} message is not an object` };
  const fields = body as Record<string, unknown>;
  switch (type) {
    case 'changes':
      if (!Array.isArray(fields.changes)) return { type: 'malformed', reason: 'stream: changes message without a changes array' };
      return { type: 'changes', seq: sequenceOf(fields.seq), epoch: epochOf(fields.epoch), changes: fields.changes };
    case 'heartbeat': {
      const heartbeat: StreamMessage = { type: 'heartbeat', seq: sequenceOf(fields.seq), epoch: epochOf(fields.epoch), at: typeof fields.at === 'string' ? fields.at : undefined };
      // Announced intervals outside 0.1 s – 10 min are a broken backend: ignored, the configured timeout holds.
      const interval = fields.intervalMs;
      if (typeof interval === 'number' && Number.isFinite(interval) && interval >= 100 && interval <= 600_000) heartbeat.intervalMs = interval;
      return heartbeat;
    }
    case 'error':
      return { type: 'error', error: String(fields.error ?? 'unknown'), message: String(fields.message ?? '') };
    default:
      return { type: 'malformed', reason: `stream: unknown message type ${JSON.stringify(type).slice(0, 40)}` };
  }
}
