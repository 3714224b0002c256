import type { HealthSeverity, MonitorStatus } from '@postprober/shared/health-events';
import { MONITOR_PLATFORMS as PLATFORM_LIST, PLATFORM_RULES, isPlatform } from '@postprober/shared/platforms';
import type { MonitorPlatform } from './health-api';

/** Presentation helpers shared by the bell, the dashboard widget and the health pages. */

export type HealthTone = 'ok' | 'warn' | 'error' | 'neutral';

const STATE_TONES: Record<MonitorStatus, HealthTone> = {
  healthy: 'ok',
  degraded: 'warn',
  down: 'error',
  unknown: 'neutral',
  pending: 'neutral',
};

/** `pending`: never checked yet; `unknown`: checked, but the answer said nothing about health. */
const STATE_LABELS: Record<MonitorStatus, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  down: 'Down',
  unknown: 'Unknown',
  pending: 'Pending first check',
};

const SEVERITY_TONES: Record<HealthSeverity, HealthTone> = {
  critical: 'error',
  warning: 'warn',
  info: 'neutral',
};

export function stateTone(state: string): HealthTone {
  return STATE_TONES[state as MonitorStatus] ?? 'neutral';
}

export function stateLabel(state: string): string {
  return STATE_LABELS[state as MonitorStatus] ?? state;
}

export function severityTone(severity: string): HealthTone {
  return SEVERITY_TONES[severity as HealthSeverity] ?? 'neutral';
}

export function severityLabel(severity: string): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

/** What a monitor, and so an incident, can be about: the publishing platforms, plus custom endpoints. */
export const MONITOR_PLATFORMS: readonly MonitorPlatform[] = PLATFORM_LIST;

export function platformLabel(platform: string): string {
  if (isPlatform(platform)) return PLATFORM_RULES[platform].label;
  return platform === 'custom' ? 'Custom' : platform;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago"; future times (clock skew) read as "just now". */
export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'unknown';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

const ERROR_LABELS: Record<string, string> = {
  timeout: 'Timed out',
  dns: 'Name did not resolve',
  connection: 'Connection failed',
  tls: 'TLS error',
  'blocked-address': 'Blocked: private address',
  'http-status': 'Unexpected HTTP status',
  credentials: 'Access token expired or revoked',
  'rate-limited': 'Rate limited',
  'bad-response': 'Unreadable answer',
};

/** A probe error class in words (unknown classes are shown as they are). */
export function errorLabel(errorClass: string): string {
  return ERROR_LABELS[errorClass] ?? errorClass;
}
