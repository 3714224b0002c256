import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThanOrEqual, Repository } from 'typeorm';
import { Principal } from '../../../auth/auth.decorators';
import type { AuthPrincipal } from '../../../auth/auth-principal';
import { HealthHistoryQueryDto, HealthHistoryResponseDto } from '../dto/health-history.dto';
import { HealthStatusResponseDto } from '../dto/health-status-response.dto';
import { HealthCheck } from '../entities/health-check.entity';
import { Monitor } from '../entities/monitor.entity';
import { HealthStatusCache } from './health-status.cache';

/** Most points one history answer holds (a 30 s interval over 168 h is 20,160). */
const MAX_HISTORY_POINTS = 10_000;

@ApiTags('health')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller()
export class HealthStatusController {
  constructor(
    private readonly cache: HealthStatusCache,
    @InjectRepository(Monitor) private readonly monitors: Repository<Monitor>,
    @InjectRepository(HealthCheck) private readonly checks: Repository<HealthCheck>,
  ) {}

  /**
   * Current health per platform and per monitor, overall status and the time of the newest check. Served
   * from memory, kept current by the sweep: it never probes.
   */
  @Get('health-status')
  getHealthStatus(@Principal() p: AuthPrincipal): Promise<HealthStatusResponseDto> {
    return this.cache.get(p.organizationId);
  }

  /** One monitor's checks over the last `hours` (default 24), oldest first: the latency chart's series. */
  @Get('health-history')
  async getHealthHistory(@Principal() p: AuthPrincipal, @Query() q: HealthHistoryQueryDto): Promise<HealthHistoryResponseDto> {
    const hours = q.hours ?? 24;
    if (!(await this.monitors.existsBy({ id: q.monitor, organizationId: p.organizationId }))) {
      throw new NotFoundException('Monitor not found');
    }
    const rows = await this.checks.find({
      select: { checkedAt: true, status: true, latencyMs: true, httpStatus: true },
      where: { monitorId: q.monitor, checkedAt: MoreThanOrEqual(new Date(Date.now() - hours * 3_600_000)) },
      order: { checkedAt: 'DESC' },
      take: MAX_HISTORY_POINTS,
    });
    return {
      monitor_id: q.monitor,
      hours,
      series: rows.reverse().map((r) => ({ checked_at: r.checkedAt.toISOString(), status: r.status, latency_ms: r.latencyMs, http_status: r.httpStatus })),
    };
  }
}
