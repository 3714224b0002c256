import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import type { IncidentEvent, IncidentEventType } from '../entities/incident-event.entity';
import type { Incident, IncidentStatus } from '../entities/incident.entity';
import { INCIDENT_KINDS } from '../recording/incident-changes';
import { MONITOR_PLATFORMS } from './save-monitor.dto';

const STATUSES: readonly IncidentStatus[] = ['open', 'resolved'];
const SEVERITIES: readonly HealthSeverity[] = ['info', 'warning', 'critical'];
const EVENT_TYPES: readonly IncidentEventType[] = ['opened', 'escalated', 'de-escalated', 'resolved'];
export const MAX_PAGE_SIZE = 100;

/** Query of listIncidents. */
export class ListIncidentsQueryDto {
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus', required: false })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of: ${STATUSES.join(', ')}` })
  status?: IncidentStatus;

  @ApiProperty({ enum: MONITOR_PLATFORMS, enumName: 'MonitorPlatform', required: false })
  @IsOptional()
  @IsIn(MONITOR_PLATFORMS, { message: `platform must be one of: ${MONITOR_PLATFORMS.join(', ')}` })
  platform?: string;

  /** 1-based; default 1. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number of at least 1' })
  @Min(1, { message: 'page must be a whole number of at least 1' })
  page?: number;

  /** 1–100; default 20. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  page_size?: number;
}

export class IncidentResponseDto {
  id: string;
  monitor_id: string;
  platform: string;
  @ApiProperty({ enum: INCIDENT_KINDS, enumName: 'IncidentKind' })
  kind: IncidentKind;
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus' })
  status: IncidentStatus;
  @ApiProperty({ enum: SEVERITIES, enumName: 'HealthSeverity' })
  severity: HealthSeverity;
  @ApiProperty({ enum: SEVERITIES, enumName: 'HealthSeverity' })
  peak_severity: HealthSeverity;
  opened_at: string;
  resolved_at: string | null;
  /** At most 100 characters. */
  message: string;
  recommended_action: string;
  /** Who wrote message and action: openai, or builtin templates. */
  engine: string;

  static from(i: Incident): IncidentResponseDto {
    return {
      id: i.id,
      monitor_id: i.monitorId,
      platform: i.platform,
      kind: i.kind,
      status: i.status,
      severity: i.severity,
      peak_severity: i.peakSeverity,
      opened_at: i.openedAt.toISOString(),
      resolved_at: i.resolvedAt ? i.resolvedAt.toISOString() : null,
      message: i.message,
      recommended_action: i.recommendedAction,
      engine: i.engine,
    };
  }
}

export class IncidentEventResponseDto {
  id: string;
  @ApiProperty({ enum: EVENT_TYPES, enumName: 'IncidentEventType' })
  type: IncidentEventType;
  @ApiProperty({ enum: SEVERITIES, enumName: 'HealthSeverity' })
  severity: HealthSeverity;
  message: string;
  created_at: string;

  static from(e: IncidentEvent): IncidentEventResponseDto {
    return { id: String(e.id), type: e.type, severity: e.severity, message: e.message, created_at: e.createdAt.toISOString() };
  }
}

export class IncidentDetailResponseDto extends IncidentResponseDto {
  /** Oldest first. */
  events: IncidentEventResponseDto[];
}

export class IncidentListResponseDto {
  /** Newest first. */
  items: IncidentResponseDto[];
  total: number;
  page: number;
  page_size: number;
}
