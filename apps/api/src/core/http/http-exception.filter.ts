import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailable } from '../database/database-unavailable';
import type { ErrorResponseDto } from './error-response.dto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The ErrorResponseDto body: the same shape for every error the API returns. */
export function errorBody(status: number, message: string | string[], requestId: string, fields?: string[]): ErrorResponseDto {
  return {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message,
    ...(fields && fields.length > 0 ? { fields } : {}),
    request_id: requestId,
  };
}

/**
 * JSON errors for the API (unexpected ones become "Failed to <operation>" with the request id, logged once), and the portal's index.html for any other GET that matched no route,
 * so deep links into the single-page app load it while unknown /api paths stay JSON 404s.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('Http');
  private indexHtml?: Promise<Buffer | null>;

  constructor(
    private readonly webDir: string | null,
    /** "GET /api/users" → "list users", for "Failed to <operation>" messages. */
    private readonly operations: Map<string, string> = new Map(),
  ) {}

  async catch(error: unknown, host: ArgumentsHost) {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof NotFoundException && this.isPortalPage(req)) {
      const html = await this.loadIndex();
      if (html) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse() as string | { message?: unknown; fields?: unknown };
      const message = typeof body === 'string' ? body : body.message;
      const fields = typeof body === 'object' && Array.isArray(body.fields) ? (body.fields as string[]) : undefined;
      return reply
        .status(status)
        .send(errorBody(status, typeof message === 'string' || Array.isArray(message) ? message : error.message, req.id, fields));
    }
    // Fastify's own errors (body too large, bad JSON, unsupported media type) carry a 4xx status.
    const fst = error as { statusCode?: number; message?: string; code?: string };
    if (typeof fst.statusCode === 'number' && fst.statusCode >= 400 && fst.statusCode < 500) {
      return reply.status(fst.statusCode).send(errorBody(fst.statusCode, fst.message ?? STATUS_CODES[fst.statusCode] ?? 'Error', req.id));
    }
    const operation = this.operations.get(`${req.method} ${req.routeOptions.url}`) ?? 'handle the request';
    if (isDatabaseUnavailable(error)) {
      // An outage, not a bug: the client may retry; one warning line per request, without a stack.
      this.log.warn({ msg: `Could not ${operation}: the database is unreachable`, request_id: req.id, url: req.url, err: String((error as Error)?.message ?? error) });
      return reply
        .status(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_S))
        .send(errorBody(503, `Could not ${operation}: the database is unreachable right now. Try again in a few seconds.`, req.id));
    }
    this.log.error({ msg: `Failed to ${operation}`, request_id: req.id, url: req.url, err: String((error as Error)?.stack ?? error) });
    return reply
      .status(500)
      .send(errorBody(500, `Failed to ${operation}`, req.id));
  }

  private isPortalPage(req: FastifyRequest): boolean {
    const path = req.url.split('?')[0];
    return req.method === 'GET' && path !== '/api' && !path.startsWith('/api/') && path !== '/metrics' && this.webDir !== null;
  }

  private loadIndex(): Promise<Buffer | null> {
    this.indexHtml ??= readFile(join(this.webDir as string, 'index.html')).catch(() => null);
    return this.indexHtml;
  }
}
