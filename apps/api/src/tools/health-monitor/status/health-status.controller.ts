import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Principal } from '../../../auth/auth.decorators';
import type { AuthPrincipal } from '../../../auth/auth-principal';
import { sendSerializedJson } from '../../../core/http/serialized-json';
import { HealthHistoryQueryDto, HealthHistoryResponseDto } from '../dto/health-history.dto';
import { HealthStatusResponseDto } from '../dto/health-status-response.dto';
import { MonitorsService } from '../monitors/monitors.service';
import { HealthStatusCache } from './health-status.cache';

@ApiTags('health')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller()
export class HealthStatusController {
  constructor(
    private readonly cache: HealthStatusCache,
    private readonly monitors: MonitorsService,
  ) {}

  @ApiOperation({
    summary: 'Get current health status',
    description: 'Current health per platform and per monitor, overall status and the time of the newest check. Served from memory, kept current by the sweep: it never probes.',
  })
  // The body is JSON serialized by the cache once per change, sent as it is; the spec still names its schema.
  @ApiOkResponse({ type: HealthStatusResponseDto })
  @Get('health-status')
  async getHealthStatus(@Principal() p: AuthPrincipal, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // The portal polls this: a client that holds the current body gets an empty 304. `no-cache`: always
    // revalidate, never reuse it unasked (the answer turns stale with the clock).
    sendSerializedJson(req, reply, await this.cache.body(p.organizationId), 'private, no-cache');
  }

  @ApiOperation({
    summary: 'Get a monitor’s check history',
    description:
      'One monitor\'s checks over the last `hours` (default 24), oldest first: the latency chart\'s series. `gaps` lists where checks are missing (more than two intervals without one): checks that could not run, shown as missing rather than as health.',
  })
  @Get('health-history')
  async getHealthHistory(@Principal() p: AuthPrincipal, @Query() q: HealthHistoryQueryDto): Promise<HealthHistoryResponseDto> {
    const hours = q.hours ?? 24;
    const { points, gaps } = await this.monitors.history(p.organizationId, q.monitor, hours);
    return {
      monitor_id: q.monitor,
      hours,
      series: points.map((r) => ({ checked_at: r.checkedAt.toISOString(), status: r.status, latency_ms: r.latencyMs, http_status: r.httpStatus })),
      gaps: gaps.map((g) => ({ from: g.from.toISOString(), to: g.to.toISOString(), missed_checks: g.missed })),
    };
  }
}
