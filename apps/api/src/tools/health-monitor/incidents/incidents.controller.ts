import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiUuidParam } from '../../../core/http/api-uuid-param';
import { Principal } from '../../../auth/auth.decorators';
import type { AuthPrincipal } from '../../../auth/auth-principal';
import { IncidentDetailResponseDto, IncidentEventResponseDto, IncidentListResponseDto, IncidentResponseDto, ListIncidentsQueryDto } from '../dto/incidents.dto';
import { IncidentsService } from './incidents.service';

const DEFAULT_PAGE_SIZE = 20;

@ApiTags('health')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @ApiOperation({
    summary: 'List incidents',
    description: 'Your organization\'s incidents, newest first; filter by status and platform; paginated.',
  })
  @Get()
  async listIncidents(@Principal() p: AuthPrincipal, @Query() q: ListIncidentsQueryDto): Promise<IncidentListResponseDto> {
    const page = q.page ?? 1;
    const pageSize = q.page_size ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.incidents.list(p.organizationId, { status: q.status, platform: q.platform, page, pageSize });
    return { items: rows.map(IncidentResponseDto.from), total, page, page_size: pageSize };
  }

  @ApiOperation({
    summary: 'Get an incident',
    description: 'One incident with its events (opened, escalated, de-escalated, resolved), oldest first.',
  })
  @ApiUuidParam()
  @Get(':id')
  async getIncident(@Principal() p: AuthPrincipal, @Param('id', new ParseUUIDPipe()) id: string): Promise<IncidentDetailResponseDto> {
    const { incident, events } = await this.incidents.get(p.organizationId, id);
    return { ...IncidentResponseDto.from(incident), events: events.map(IncidentEventResponseDto.from) };
  }
}
