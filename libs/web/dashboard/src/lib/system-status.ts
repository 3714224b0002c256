import { HttpErrorResponse } from '@angular/common/http';
import { HealthzResponseDto } from '@postprober/api-client';

/**
 * The health report, also when the API answers 503: a degraded system still sends the full
 * report in the body, and that is exactly when it is worth showing (as is "stopping").
 */
export function healthFromError(error: unknown): HealthzResponseDto | null {
  if (error instanceof HttpErrorResponse && error.status === 503 && isHealth(error.error)) {
    return error.error;
  }
  return null;
}

/** A degraded report carries its checks; a stopping server sends none (it no longer looks at dependencies). */
function isHealth(body: unknown): body is HealthzResponseDto {
  if (body === null || typeof body !== 'object' || !('status' in body)) return false;
  const report = body as HealthzResponseDto;
  return report.status === 'stopping' || typeof report.checks === 'object';
}

export const DATABASE_LABELS: Record<string, string> = {
  postgres: 'PostgreSQL',
  pglite: 'PGlite (embedded)',
};

export const QUEUE_LABELS: Record<string, string> = {
  bull: 'Redis (Bull)',
  'in-process': 'In-process',
};

export const ENGINE_LABELS: Record<string, string> = {
  openai: 'OpenAI',
  builtin: 'Built-in',
};

export const ENGINE_DESCRIPTIONS: Record<string, string> = {
  openai: 'AI features use the configured OpenAI-compatible model.',
  builtin: 'AI features use the built-in engine; configure an OpenAI key for model-written suggestions.',
};

export function label(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value;
}
