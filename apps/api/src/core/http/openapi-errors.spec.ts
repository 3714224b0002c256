import type { OpenAPIObject } from '@nestjs/swagger';
import { DATABASE_RETRY_AFTER_S } from '../database/database-unavailable';
import { declareErrorResponses, type OperationFacts } from './openapi-errors';

const facts = (restricted: string[] = [], withoutDatabase: string[] = []): OperationFacts => ({
  restricted: new Set(restricted),
  withoutDatabase: new Set(withoutDatabase),
});

const doc = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/livez': { get: { operationId: 'livez', responses: { '200': { description: 'ok' } } } },
    '/api/monitors/{id}': {
      patch: {
        operationId: 'updateMonitor',
        security: [{ bearer: [] }],
        parameters: [{ in: 'path', name: 'id', required: true }],
        requestBody: { content: { 'application/json': { schema: {} } } },
        responses: { '200': { description: 'ok' }, '409': { description: 'Name taken' } },
      },
    },
  },
});

/** The operation at path/method, which the fixture always has. */
function operation(out: OpenAPIObject, path: string, method: 'get' | 'patch') {
  const op = out.paths[path][method];
  if (!op) throw new Error(`fixture has no ${method} ${path}`);
  return op;
}

describe('declareErrorResponses', () => {
  it('derives the errors from what the operation is', () => {
    const out = declareErrorResponses(doc(), facts(['updateMonitor']));
    const patch = operation(out, '/api/monitors/{id}', 'patch');
    expect(Object.keys(patch.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '429', '503']);
    expect(patch.responses['409']).toEqual({ description: 'Name taken', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } } });
    expect(patch.responses['429']).toMatchObject({ headers: { 'Retry-After': { schema: { type: 'integer' } } } });
    expect(patch.security).toEqual([{ bearer: [] }]);
  });

  it('marks public operations with security: [] and gives them only the errors they can return', () => {
    const get = operation(declareErrorResponses(doc(), facts([], ['livez'])), '/api/livez', 'get');
    expect(get.security).toEqual([]);
    expect(Object.keys(get.responses).sort()).toEqual(['200', '429']);
  });

  it('declares 403 only where roles apply', () => {
    expect(operation(declareErrorResponses(doc(), facts()), '/api/monitors/{id}', 'patch').responses['403']).toBeUndefined();
  });

  it('declares 503 with Retry-After on operations that need the database', () => {
    const out = declareErrorResponses(doc(), facts([], ['livez']));
    const patch = operation(out, '/api/monitors/{id}', 'patch');
    expect(patch.responses['503']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } },
      headers: { 'Retry-After': { schema: { type: 'integer', example: DATABASE_RETRY_AFTER_S } } },
    });
    expect(operation(out, '/api/livez', 'get').responses['503']).toBeUndefined();
  });

  it('keeps a 503 the operation declares itself (healthz reports its checks)', () => {
    const own = { description: 'A dependency is down', content: { 'application/json': { schema: { $ref: '#/components/schemas/HealthzResponseDto' } } } };
    const d = doc();
    operation(d, '/api/livez', 'get').responses['503'] = structuredClone(own);
    expect(operation(declareErrorResponses(d, facts()), '/api/livez', 'get').responses['503']).toEqual(own);
  });
});
