import { CallHandler, ExecutionContext, HttpException, Injectable, InternalServerErrorException, Logger, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, Observable, throwError } from 'rxjs';

/** "listApiKeys" → "list api keys" */
export const humanize = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * Unexpected errors become "Failed to <operation>" with the request id, and are logged once with it;
 * expected ones (HttpException) pass through unchanged.
 */
@Injectable()
export class ErrorContextInterceptor implements NestInterceptor {
  private readonly log = new Logger('Http');

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof HttpException) return throwError(() => err);
        const req = ctx.switchToHttp().getRequest<FastifyRequest>();
        const operation = humanize(ctx.getHandler().name);
        this.log.error({ msg: `Failed to ${operation}`, request_id: req.id, err: String((err as Error)?.stack ?? err) });
        return throwError(
          () => new InternalServerErrorException({ statusCode: 500, message: `Failed to ${operation}`, error: 'Internal Server Error', request_id: req.id }),
        );
      }),
    );
  }
}
