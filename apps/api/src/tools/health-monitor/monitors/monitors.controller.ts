import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiUuidParam } from '../../../core/http/api-uuid-param';
import { Principal, Roles } from '../../../auth/auth.decorators';
import type { AuthPrincipal } from '../../../auth/auth-principal';
import { HealthCheckResponseDto } from '../dto/health-check-response.dto';
import { MonitorResponseDto } from '../dto/monitor-response.dto';
import { CreateMonitorDto, UpdateMonitorDto } from '../dto/save-monitor.dto';
import type { Monitor } from '../entities/monitor.entity';
import { HealthSweep } from '../sweep/health-sweep';
import { MonitorsService } from './monitors.service';

@ApiTags('health')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('monitors')
export class MonitorsController {
  constructor(
    private readonly monitors: MonitorsService,
    private readonly sweep: HealthSweep,
  ) {}

  @ApiOperation({
    summary: 'List monitors',
    description: 'Your organization\'s monitors, oldest first, each with its latest check. Any member may read them.',
  })
  @Get()
  async listMonitors(@Principal() p: AuthPrincipal): Promise<MonitorResponseDto[]> {
    const monitors = await this.monitors.list(p.organizationId);
    const last = await this.monitors.lastChecks(monitors.map((m) => m.id));
    return monitors.map((m) => MonitorResponseDto.from(m, last.get(m.id) ?? null));
  }

  @ApiOperation({
    summary: 'Get a monitor',
    description: 'One monitor with its latest check.',
  })
  @ApiUuidParam()
  @Get(':id')
  async getMonitor(@Principal() p: AuthPrincipal, @Param('id', new ParseUUIDPipe()) id: string): Promise<MonitorResponseDto> {
    return this.withLastCheck(await this.monitors.get(p.organizationId, id));
  }

  @ApiOperation({
    summary: 'Create a monitor',
    description: 'Adds a monitor; it is probed on the next sweep. Admins only.',
  })
  @Roles('admin')
  @Post()
  async createMonitor(@Principal() p: AuthPrincipal, @Body() dto: CreateMonitorDto): Promise<MonitorResponseDto> {
    return MonitorResponseDto.from(await this.monitors.create(p.organizationId, dto), null);
  }

  @ApiOperation({
    summary: 'Update a monitor',
    description: 'Changes the fields sent; `access_token: null` removes the token. Admins only.',
  })
  @Roles('admin')
  @ApiUuidParam()
  @Patch(':id')
  async updateMonitor(
    @Principal() p: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateMonitorDto,
  ): Promise<MonitorResponseDto> {
    return this.withLastCheck(await this.monitors.update(p.organizationId, id, dto));
  }

  @ApiOperation({
    summary: 'Delete a monitor',
    description: 'Deletes a monitor with its checks and incidents. Admins only.',
  })
  @Roles('admin')
  @HttpCode(204)
  @ApiUuidParam()
  @Delete(':id')
  async deleteMonitor(@Principal() p: AuthPrincipal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.monitors.remove(p.organizationId, id);
  }

  @ApiOperation({
    summary: 'Check a monitor now',
    description:
      'Probes the monitor now (even when disabled), records the result like a sweep would, and returns it. Admins only. A monitor is never probed twice at once: while a check of it is in flight (a sweep\'s or another "check now"), this answers 409.',
  })
  @ApiConflictResponse({ description: 'A check of this monitor is in flight; its result shows in the monitor and its history when it ends.' })
  @Roles('admin')
  @HttpCode(200)
  @ApiUuidParam()
  @Post(':id/check')
  async checkMonitorNow(@Principal() p: AuthPrincipal, @Param('id', new ParseUUIDPipe()) id: string): Promise<HealthCheckResponseDto> {
    const monitor = await this.monitors.get(p.organizationId, id);
    return HealthCheckResponseDto.from(await this.sweep.checkMonitor(monitor));
  }

  private async withLastCheck(m: Monitor): Promise<MonitorResponseDto> {
    return MonitorResponseDto.from(m, (await this.monitors.lastChecks([m.id])).get(m.id) ?? null);
  }
}
