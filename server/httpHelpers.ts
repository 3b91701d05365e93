import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorResponse } from '../src/domain/wire';

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

export function sendError(response: ServerResponse, status: number, error: ErrorResponse['error'], message: string): void {
  sendJson(response, status, { error, message } satisfies ErrorResponse);
}

/** An officer's action or a control command is small; an ingest batch may be megabytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body of at most `maxBytes`; rejects with a message fit for a 400 response. */
export function readJsonBody(request: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error(`request body over ${maxBytes} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error('request body is not valid JSON'));
      }
    });
    request.on('error', reject);
  });
}
