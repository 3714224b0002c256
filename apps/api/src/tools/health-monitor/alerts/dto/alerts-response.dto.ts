import { ApiProperty } from '@nestjs/swagger';
import type { HealthAlert, HealthAlertType, HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import type { AlertReadState } from '../alerts.store';

/** One alert, with the same fields as the health_alert Socket.IO event. */
export class AlertResponseDto implements HealthAlert {
  /** Increases in the order alerts were raised; a bigint as a decimal string (compare as numbers, not text). */
  id: string;
  /** What happened to the incident. */
  @ApiProperty({ enum: ['opened', 'escalated', 'resolved'] })
  type: HealthAlertType;
  @ApiProperty({ format: 'uuid' })
  incident_id: string;
  @ApiProperty({ format: 'uuid' })
  monitor_id: string;
  /** twitter, linkedin, instagram, facebook or custom. */
  platform: string;
  @ApiProperty({ enum: ['availability', 'credentials', 'rate-limit', 'monitoring'] })
  kind: IncidentKind;
  @ApiProperty({ enum: ['info', 'warning', 'critical'] })
  severity: HealthSeverity;
  /** At most 100 characters. */
  message: string;
  /** The recommended action. */
  action: string;
  /** When the alert was raised. */
  @ApiProperty({ format: 'date-time' })
  timestamp: string;
}

export class AlertReadStateResponseDto {
  /** The caller's "mark all read" marker: alerts with a greater id are unread. Null: never marked (all unread). */
  @ApiProperty({ type: String, nullable: true })
  last_read_id: string | null;

  /** Alerts after last_read_id, counted up to 1000 (show "999+" at 1000). */
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
  has_more: boolean;

  /** The caller's read marker; null for an API key (read state belongs to a signed-in user) or if never marked. */
  @ApiProperty({ type: String, nullable: true })
  last_read_id: string | null;

  /** Unread alerts for the caller, counted up to 1000; null for an API key. */
  @ApiProperty({ type: Number, nullable: true })
  unread_count: number | null;
}
