import type { INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { SetMetadata } from '@nestjs/common';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DATABASE_RETRY_AFTER_S } from '../database/database-unavailable';
import { ROLES } from './access.decorators';
const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorResponseDto' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const NO_DATABASE = 'openapi:no-database';

/**
 * Marks a handler that never reaches the database (not even through authentication), so the document
 * does not promise it a 503 "database unavailable". Only documentation reads it.
 */
export const WithoutDatabase = () => SetMetadata(NO_DATABASE, true);

/** What the document needs to know about the handlers beyond their routes, by operation id. */
export interface OperationFacts {
  /** Handlers restricted to some roles (403). */
  restricted: ReadonlySet<string>;
  /** Handlers marked @WithoutDatabase() (no 503). */
  withoutDatabase: ReadonlySet<string>;
}

/** Reads role and database metadata of every controller method (operation ids are the method names). */
export function operationFacts(app: INestApplication): OperationFacts {
  const restricted = new Set<string>();
  const withoutDatabase = new Set<string>();
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!type) continue;
      for (const name of scanner.getAllMethodNames(type.prototype)) {
        const handler = (type.prototype as Record<string, () => unknown>)[name];
        const roles = reflector.getAllAndOverride<string[] | undefined>(ROLES, [handler, type]);
        if (roles && roles.length > 0) restricted.add(name);
        if (reflector.get<boolean | undefined>(NO_DATABASE, handler)) withoutDatabase.add(name);
      }
    }
  }
  return { restricted, withoutDatabase };
}

const retryAfter = (example: number) => ({
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0, example } },
});

const error = (description: string, extra: Partial<ResponseObject> = {}): ResponseObject => ({
  description,
  content: { 'application/json': { schema: ERROR_SCHEMA } },
  ...extra,
});

/**
 * Declares on every operation the errors it can return, derived from what the operation is, so a new
 * endpoint gets them without decorators: 400 when it takes input, 401 when it needs credentials, 403 when
 * roles apply, 404 when its path names a resource, 413 when it takes a body, 429 always (with Retry-After),
 * 503 unless marked @WithoutDatabase() (HttpExceptionFilter answers a database outage 503 with Retry-After).
 * Public operations get `security: []` (the document's root requirement covers the rest). Statuses an
 * operation declares itself keep their description and gain the error schema.
 */
export function declareErrorResponses(doc: OpenAPIObject, facts: OperationFacts): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (!op) continue;
      const secured = (op.security?.length ?? 0) > 0;
      if (!secured) op.security = [];
      const params = (op.parameters ?? []) as Array<{ in?: string }>;
      const wanted: Record<number, ResponseObject> = {};
      if (op.requestBody || params.length > 0) wanted[400] = error('Invalid input: `message` says why and `fields` names the offending fields.');
      if (secured) wanted[401] = error('Missing, invalid or expired credentials.');
      if (op.operationId && facts.restricted.has(op.operationId)) wanted[403] = error('The caller’s role or credential may not do this.');
      if (params.some((p) => p.in === 'path')) wanted[404] = error('No such resource in the caller’s organization.');
      if (op.requestBody) wanted[413] = error('The request body is larger than the server accepts.');
      wanted[429] = error('Too many requests: retry after the number of seconds in `Retry-After`.', {
        headers: retryAfter(30),
      });
      if (!(op.operationId && facts.withoutDatabase.has(op.operationId))) {
        wanted[503] = error('The database is unreachable right now: retry after the number of seconds in `Retry-After`.', {
          headers: retryAfter(DATABASE_RETRY_AFTER_S),
        });
      }
      for (const [status, response] of Object.entries(op.responses)) {
        const code = Number(status);
        if (response && code >= 400 && !('$ref' in response) && !response.content) response.content = { 'application/json': { schema: ERROR_SCHEMA } };
      }
      for (const [status, response] of Object.entries(wanted)) {
        if (!op.responses[status]) op.responses[status] = response;
      }
    }
  }
  return doc;
}
