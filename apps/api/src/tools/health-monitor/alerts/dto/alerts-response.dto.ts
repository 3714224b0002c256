import { ApiProperty } from '@nestjs/swagger';
import type { HealthAlert, HealthAlertType, HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import type { AlertReadState } from '../alerts.store';
import { MONITOR_PLATFORMS, type MonitorPlatform } from '@postprober/shared/platforms';

/** One alert, with the same fields as the health_alert Socket.IO event. */
export class AlertResponseDto implements HealthAlert {
  /** Increases in the order alerts were raised; a bigint as a decimal string (compare as numbers, not text). */
  @ApiProperty({ example: '42' })
  id: string;
  /** What happened to the incident. */
  @ApiProperty({ example: 'opened', enumName: 'AlertType', enum: ['opened', 'escalated', 'resolved'] })
  type: HealthAlertType;
  @ApiProperty({ example: 'c2a4e6f8-1b3d-4f5a-8c7e-9d0b1a2c3e4f', format: 'uuid' })
  incident_id: string;
  @ApiProperty({ example: '3b9e6f21-8c4d-4a7b-b1e2-6d0f9a8c7e55', format: 'uuid' })
  monitor_id: string;
  /** twitter, linkedin, instagram, facebook or custom. */
  @ApiProperty({ example: 'twitter', enumName: 'MonitorPlatform', enum: MONITOR_PLATFORMS })
  platform: MonitorPlatform;
  @ApiProperty({ example: 'availability', enumName: 'IncidentKind', enum: ['availability', 'credentials', 'rate-limit', 'monitoring'] })
  kind: IncidentKind;
  @ApiProperty({ example: 'critical', enumName: 'HealthSeverity', enum: ['info', 'warning', 'critical'] })
  severity: HealthSeverity;
  /** At most 100 characters. */
  @ApiProperty({ example: 'X API is timing out for most checks' })
  message: string;
  /** The recommended action. */
  @ApiProperty({ example: 'Hold scheduled X posts until checks recover.' })
  action: string;
  /** When the alert was raised. */
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  timestamp: string;
}

export class AlertReadStateResponseDto {
  /** The caller's "mark all read" marker: alerts with a greater id are unread. Null: never marked (all unread). */
  @ApiProperty({ example: '42', type: String, nullable: true })
  last_read_id: string | null;

  /** Alerts after last_read_id, counted up to 1000 (show "999+" at 1000). */
  @ApiProperty({ example: 3, type: 'integer' })
  unread_count: number;

  static from(state: AlertReadState): AlertReadStateResponseDto {
    return { last_read_id: state.lastReadId, unread_count: state.unreadCount };
  }
}

export class AlertsResponseDto {
  /** With `after`: the alerts after it, oldest first. Without: the latest alerts, newest first. */
  @ApiProperty({ type: [AlertResponseDto] })
  alerts: AlertResponseDto[];

  /** With `after`: more alerts follow the last one returned. Without: older alerts exist beyond this page. */
  @ApiProperty({ example: false })
  has_more: boolean;

  /** The caller's read marker; null for an API key (read state belongs to a signed-in user) or if never marked. */
  @ApiProperty({ example: '40', type: String, nullable: true })
  last_read_id: string | null;

  /** Unread alerts for the caller, counted up to 1000; null for an API key. */
  @ApiProperty({ example: 2, type: 'integer', nullable: true })
  unread_count: number | null;
}
