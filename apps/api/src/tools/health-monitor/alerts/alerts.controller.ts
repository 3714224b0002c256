import { Body, Controller, ForbiddenException, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { AuthPrincipal } from '../../../auth/auth-principal';
import { Principal } from '../../../auth/auth.decorators';
import { AlertsStore } from './alerts.store';
import { AlertReadStateResponseDto, AlertsResponseDto } from './dto/alerts-response.dto';
import { ListAlertsQueryDto } from './dto/list-alerts.dto';
import { MarkAlertsReadDto } from './dto/mark-alerts-read.dto';

/**
 * The alerts log over REST: the same alerts the /health-alerts socket pushes, and the bell's read state.
 * Read state is per signed-in user; an API key lists alerts but has none.
 */
@ApiTags('health')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly store: AlertsStore) {}

  @ApiOperation({
    summary: 'List health alerts',
    description: 'Health alerts of your organization. With `after`: exactly the alerts raised after that id, oldest first (what a reconnecting client missed). Without: the latest ones, newest first. Includes your unread count.',
  })
  @Get()
  async listAlerts(@Principal() p: AuthPrincipal, @Query() query: ListAlertsQueryDto): Promise<AlertsResponseDto> {
    const limit = query.limit ?? 50;
    // One extra row tells whether there are more.
    const rows =
      query.after !== undefined
        ? await this.store.after(p.organizationId, query.after, limit + 1)
        : await this.store.latest(p.organizationId, limit + 1);
    const state = p.kind === 'user' ? await this.store.readState(p.organizationId, p.id) : null;
    return {
      alerts: rows.slice(0, limit),
      has_more: rows.length > limit,
      last_read_id: state?.lastReadId ?? null,
      unread_count: state?.unreadCount ?? null,
    };
  }

  @ApiOperation({
    summary: 'Mark alerts read',
    description: 'Marks every alert up to last_read_id as read for you ("mark all read"). The marker never moves backwards.',
  })
  @ApiForbiddenResponse({ description: 'Called with an API key: read state belongs to a signed-in user.' })
  @Put('read')
  async markAlertsRead(@Principal() p: AuthPrincipal, @Body() dto: MarkAlertsReadDto): Promise<AlertReadStateResponseDto> {
    if (p.kind !== 'user') {
      throw new ForbiddenException('Read state belongs to a signed-in user; an API key cannot mark alerts read.');
    }
    return AlertReadStateResponseDto.from(await this.store.markRead(p.organizationId, p.id, dto.last_read_id));
  }
}
