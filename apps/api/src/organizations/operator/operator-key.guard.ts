import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

export const OPERATOR_KEY_HEADER = 'x-operator-key';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The deployment's operator (not a customer): X-Operator-Key must equal OPERATOR_KEY. Compared as hashes
 * in constant time, so neither the key nor its length leaks through timing.
 */
@Injectable()
export class OperatorKeyGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.auth.operatorKey ? digest(config.auth.operatorKey) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) throw new ForbiddenException('Operator access is not configured on this deployment (set OPERATOR_KEY)');
    const sent = context.switchToHttp().getRequest<FastifyRequest>().headers[OPERATOR_KEY_HEADER];
    if (typeof sent !== 'string' || sent.length === 0) throw new UnauthorizedException('Missing X-Operator-Key header');
    if (!timingSafeEqual(digest(sent), this.expected)) throw new UnauthorizedException('Invalid operator key');
    return true;
  }
}
