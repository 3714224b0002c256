import type { HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import type { MonitorPlatform, ProbeErrorClass, ProbeKind } from '../probes/platform-probe.port';
import { formatUtcTime } from './format';

/** The sketch's limit for an alert message. */
export const MESSAGE_MAX = 100;
export const ACTION_MAX = 160;
/** A custom monitor is named by its (user-chosen) name, shortened so the message keeps room for the facts. */
const CUSTOM_NAME_MAX = 40;

export const PLATFORM_NAMES: Record<Exclude<MonitorPlatform, 'custom'>, string> = {
  twitter: 'X',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
};

export type IncidentEvent = 'opened' | 'escalated' | 'de-escalated' | 'resolved';

/** What the incident texts are written from: facts decided in code (assessCheck, advanceTrack). */
export interface IncidentFacts {
  platform: MonitorPlatform;
  /** The monitor's name; shown instead of a platform name for custom targets. */
  monitorName: string;
  probeKind: ProbeKind;
  kind: IncidentKind;
  event: IncidentEvent;
  /** Severity after the event; for 'resolved', the severity the incident had. */
  severity: HealthSeverity;
  /** Severity before an escalation or de-escalation; null otherwise. */
  previousSeverity: HealthSeverity | null;
  /** CheckAssessment.reason of the check behind the event; null for 'resolved'. */
  reason: string | null;
  errorClass: ProbeErrorClass | null;
  /** Consecutive checks behind the event: the bad streak that opened it, the good streak that resolved it. */
  consecutiveChecks: number;
  rateLimit: { usedPercent: number; resetAt: Date | null } | null;
}

export interface IncidentText {
  message: string;
  recommended_action: string;
}

export function displayName(facts: Pick<IncidentFacts, 'platform' | 'monitorName'>): string {
  if (facts.platform !== 'custom') return PLATFORM_NAMES[facts.platform];
  const name = facts.monitorName.replace(/\s+/g, ' ').trim() || 'Custom monitor';
  return name.length > CUSTOM_NAME_MAX ? `${name.slice(0, CUSTOM_NAME_MAX - 1).trimEnd()}…` : name;
}

/**
 * The deterministic texts (the builtin engine, and the fallback when a model answer is unusable). One template per
 * kind × event, worded by severity; messages name the platform first and are cut to 100 characters at a word.
 */
export function incidentTemplate(facts: IncidentFacts): IncidentText {
  const name = displayName(facts);
  // "X API" for the platforms; a custom target's own name already says what it is.
  const subject = facts.platform === 'custom' ? name : `${name} API`;
  const reason = facts.reason?.trim() || null;
  const withReason = (head: string) => (reason ? `${head}: ${reason}` : head);
  const [message, action] = TEMPLATES[facts.kind](facts, { name, subject, reason, withReason });
  return { message: fit(message, MESSAGE_MAX), recommended_action: fit(action, ACTION_MAX) };
}

interface Words {
  name: string;
  subject: string;
  reason: string | null;
  withReason: (head: string) => string;
}

type Template = (facts: IncidentFacts, w: Words) => [message: string, action: string];

const TEMPLATES: Record<IncidentKind, Template> = {
  availability: (f, { name, subject, withReason }) => {
    if (f.event === 'resolved') {
      return [`${subject} is back to normal after ${checks(f.consecutiveChecks, 'healthy')}`, f.severity === 'critical' ? `Resume scheduled ${name} posts` : 'No action needed'];
    }
    const streak = f.event === 'opened' && f.consecutiveChecks > 1 ? ` on ${f.consecutiveChecks} consecutive checks` : '';
    const now = f.event === 'escalated' ? 'now ' : '';
    if (f.event === 'de-escalated') {
      const still = f.severity === 'info' ? 'mostly recovered' : `partly recovered, still ${STATE_WORD[f.severity]}`;
      return [withReason(`${subject} ${still}`), ACTIONS[f.severity](name)];
    }
    return [`${withReason(`${subject} ${f.severity === 'info' ? 'notice' : `is ${now}${STATE_WORD[f.severity]}`}`)}${streak}`, ACTIONS[f.severity](name)];
  },
  credentials: (f, { name, withReason }) => {
    if (f.event === 'resolved') return [`${name} access token works again`, 'No action needed'];
    const head = f.severity === 'critical' ? `${name} posting blocked` : `${name} account needs attention`;
    return [withReason(head), `Reconnect the ${name} account in Settings`];
  },
  'rate-limit': (f, { subject, reason }) => {
    if (f.event === 'resolved') return [`${subject} quota is available again`, 'No action needed'];
    const reset = f.rateLimit?.resetAt ? ` (resets ${formatUtcTime(f.rateLimit.resetAt)})` : '';
    const detail = reason ?? (f.rateLimit ? `quota ${Math.round(f.rateLimit.usedPercent)}% used${reset}` : 'rate limit reached');
    const head = f.severity === 'critical' ? `${subject} is rate-limited: ` : `${subject} `;
    const until = f.rateLimit?.resetAt ? ` at ${formatUtcTime(f.rateLimit.resetAt)}` : '';
    return [`${head}${detail}`, `Space out scheduled posts until the quota resets${until}`];
  },
  monitoring: (f, { name, withReason }) => {
    if (f.event === 'resolved') return [`${name} monitor is checking again`, 'No action needed'];
    const head = f.severity === 'critical' ? `${name} monitoring is failing` : f.severity === 'warning' ? `${name} monitor cannot check` : `${name} monitor notice`;
    const action =
      f.errorClass === 'blocked-address'
        ? 'Point this monitor at a public address'
        : f.probeKind === 'statuspage'
          ? `Check the status page URL; ${name} itself may be fine`
          : "Check the monitor's URL and settings";
    return [withReason(head), action];
  },
};

const STATE_WORD: Record<HealthSeverity, string> = { critical: 'down', warning: 'degraded', info: 'noted' };

const ACTIONS: Record<HealthSeverity, (name: string) => string> = {
  critical: (name) => `Pause scheduled ${name} posts and retry after recovery`,
  warning: (name) => `${name} posts may be delayed; allow extra time for scheduled posts`,
  info: (name) => `No action needed; we keep watching ${name}`,
};

function checks(n: number, adjective: string): string {
  return n === 1 ? `1 ${adjective} check` : `${n} ${adjective} checks`;
}

/** Cuts at the last word boundary that fits, marking the cut with an ellipsis. */
export function fit(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;]+$/, '')}…`;
}
