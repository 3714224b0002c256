import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './http-exception.filter';
import { findUnsafeInput, UnsafeInput } from './string-safety';

/**
 * Input rules every route shares, in one place, before Nest's pipes see the request:
 * - `content-type: application/json` with an empty body is "no body" (a POST that takes none succeeds; one that
 *   needs a body gets the usual 400 naming the missing fields) instead of Fastify's "Body cannot be empty".
 * - No string anywhere in the body, query or path parameters may hold NUL or unpaired surrogates (PostgreSQL
 *   refuses NUL with a 500; neither is text), and nothing may nest deeper than any DTO.
 */
export function registerInputGuards(fastify: FastifyInstance): void {
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) return done(null, undefined);
    return json(req, body as string, done);
  });
  fastify.addHook('preValidation', (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const problems: UnsafeInput[] = [
      ...findUnsafeInput(req.params),
      ...findUnsafeInput(req.query),
      ...findUnsafeInput(req.body),
    ];
    if (problems.length === 0) return done();
    reply.code(400).send(errorBody(400, problems.map((p) => p.message), req.id, problems.map((p) => p.field)));
  });
}
