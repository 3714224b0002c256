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
  @ApiProperty({ example: 1, type: 'integer' })
  page?: number;

  /** 1–100; default 20. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @ApiProperty({ example: 20, type: 'integer' })
  page_size?: number;
}

export class IncidentResponseDto {
  @ApiProperty({ example: 'c2a4e6f8-1b3d-4f5a-8c7e-9d0b1a2c3e4f' })
  id: string;
  @ApiProperty({ example: '3b9e6f21-8c4d-4a7b-b1e2-6d0f9a8c7e55' })
  monitor_id: string;
  @ApiProperty({ example: 'twitter', enumName: 'MonitorPlatform', enum: MONITOR_PLATFORMS })
  platform: string;
  @ApiProperty({ enum: INCIDENT_KINDS, enumName: 'IncidentKind' })
  kind: IncidentKind;
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus' })
  status: IncidentStatus;
  @ApiProperty({ enum: SEVERITIES, enumName: 'HealthSeverity' })
  severity: HealthSeverity;
  @ApiProperty({ enum: SEVERITIES, enumName: 'HealthSeverity' })
  peak_severity: HealthSeverity;
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  opened_at: string;
  @ApiProperty({ example: '2026-11-20T10:02:00.000Z', format: 'date-time' })
  resolved_at: string | null;
  /** At most 100 characters. */
  @ApiProperty({ example: 'X API is timing out for most checks' })
  message: string;
  @ApiProperty({ example: 'Hold scheduled X posts until checks recover.' })
  recommended_action: string;
  /** Who wrote message and action: openai, or builtin templates. */
  @ApiProperty({ example: 'builtin' })
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
  @ApiProperty({ example: '7d1c3a52-4b6e-4f0a-9c1e-2f5b8a9d0e11' })
  id: string;
  @ApiProperty({ enum: EVENT_TYPES, enumName: 'IncidentEventType' })
  type: IncidentEventType;
  @ApiProperty({ enum: SEVERITIES, enumName: 'HealthSeverity' })
  severity: HealthSeverity;
  @ApiProperty({ example: 'X API is timing out for most checks' })
  message: string;
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
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
  @ApiProperty({ example: 1, type: 'integer' })
  total: number;
  @ApiProperty({ example: 1, type: 'integer' })
  page: number;
  @ApiProperty({ example: 20, type: 'integer' })
  page_size: number;
}
