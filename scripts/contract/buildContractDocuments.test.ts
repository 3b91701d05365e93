import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { historyResponseSchema } from '../../src/domain/wire';
import { z } from '../../src/domain/z';
import { buildContractDocuments, documentText } from './buildContractDocuments';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'api');

describe('the committed HTTP contract (docs/api)', () => {
  const documents = buildContractDocuments();

  it.each(Object.keys(documents))('%s matches the schemas the app validates with (run `npm run contract` if not)', (name) => {
    const file = join(apiDir, name);
    expect(existsSync(file), `${file} is missing`).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(documentText(documents[name]));
  });

  it('documents every endpoint the adapters call', () => {
    const paths = Object.keys((documents['openapi.json'] as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/health', '/capabilities', '/snapshot', '/changes', '/history', '/stream', '/ws', '/alerts/{id}/acknowledge', '/assistRequests', '/assistRequests/{id}/{step}', '/audit/{kind}/{id}']));
  });

  it('documents the history response with the fields the app requires of it', () => {
    const openapi = documents['openapi.json'] as { components: { schemas: { History: { required: string[]; properties: Record<string, unknown> } } } };
    const validated = z.toJSONSchema(historyResponseSchema, { io: 'input' }) as { required: string[]; properties: Record<string, unknown> };
    expect([...openapi.components.schemas.History.required].sort()).toEqual([...validated.required].sort());
    expect(Object.keys(openapi.components.schemas.History.properties).sort()).toEqual(Object.keys(validated.properties).sort());
  });

  it('carries the validation rules a backend team needs, such as coordinate ranges and severities', () => {
    const alert = documents['schemas/Alert.json'] as { properties: Record<string, { minimum?: number; maximum?: number; prefixItems?: { minimum?: number }[] }> };
    expect(alert.properties.severity).toMatchObject({ minimum: 1, maximum: 4 });
    expect(alert.properties.position!.prefixItems![0]).toMatchObject({ minimum: -180, maximum: 180 });
  });
});
