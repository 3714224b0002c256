import { compareAlertIds, type HealthAlert } from '@postprober/shared/health-events';

/** Largest value of a Postgres bigint: a greater id would make the query fail instead of finding nothing. */
const MAX_BIGINT = 9223372036854775807n;
/** Decimal, no sign or leading zeros, at most 19 digits (the OpenAPI pattern; isAlertId also checks the range). */
export const ALERT_ID_PATTERN = '^(0|[1-9][0-9]{0,18})$';
const DECIMAL = new RegExp(ALERT_ID_PATTERN);

/** An alert id as clients send it: a decimal string (no sign, no leading zeros) that fits a bigint. */
export function isAlertId(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value) && BigInt(value) <= MAX_BIGINT;
}

/** Ascending id order (ids are decimal strings: compared as numbers, never as text). */
export function byAlertId(a: Pick<HealthAlert, 'id'>, b: Pick<HealthAlert, 'id'>): number {
  return compareAlertIds(a.id, b.id);
}
