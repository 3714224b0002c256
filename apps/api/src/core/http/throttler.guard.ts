import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { RequestPrincipal } from './access.decorators';

/** Limits per signed-in user or API key; anonymous calls (login, setup) per client address. */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = req['principal'] as RequestPrincipal | undefined;
    return principal ? `${principal.kind}:${principal.id}` : `ip:${String(req['ip'])}`;
  }
}
