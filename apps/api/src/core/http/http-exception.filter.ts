import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

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
      const body = error.getResponse();
      return reply
        .status(error.getStatus())
        .send(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
    }
    // Fastify's own errors (body too large, bad JSON, unsupported media type) carry a 4xx status.
    const fst = error as { statusCode?: number; message?: string; code?: string };
    if (typeof fst.statusCode === 'number' && fst.statusCode >= 400 && fst.statusCode < 500) {
      return reply.status(fst.statusCode).send({ statusCode: fst.statusCode, message: fst.message, error: fst.code });
    }
    const operation = this.operations.get(`${req.method} ${req.routeOptions.url}`) ?? 'handle the request';
    this.log.error({ msg: `Failed to ${operation}`, request_id: req.id, url: req.url, err: String((error as Error)?.stack ?? error) });
    return reply
      .status(500)
      .send({ statusCode: 500, message: `Failed to ${operation}`, error: 'Internal Server Error', request_id: req.id });
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
