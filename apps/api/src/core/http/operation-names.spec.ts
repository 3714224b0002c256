import type { OpenAPIObject } from '@nestjs/swagger';
import { humanize, operationNames } from './operation-names';

describe('operationNames', () => {
  it('maps Fastify route templates to readable operation names', () => {
    const doc = {
      paths: {
        '/api/api-keys/{id}': { delete: { operationId: 'revokeApiKey' } },
        '/api/users': { get: { operationId: 'listUsers' }, post: { operationId: 'createUser' } },
      },
    } as unknown as OpenAPIObject;
    const names = operationNames(doc);
    expect(names.get('DELETE /api/api-keys/:id')).toBe('revoke api key');
    expect(names.get('GET /api/users')).toBe('list users');
    expect(names.get('POST /api/users')).toBe('create user');
  });

  it('humanizes camelCase', () => {
    expect(humanize('getHealthz')).toBe('get healthz');
  });
});
