import { HttpErrorResponse } from '@angular/common/http';

/** What a form needs to show after a failed API call. */
export interface ApiProblem {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** Messages that name one of the form's fields, keyed by that field. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** A message for the whole form, or null when every message belongs to a field. */
  readonly message: string | null;
}

/** The API's error body: `{ statusCode, message, error }`, message being a string or a list. */
interface ApiErrorBody {
  readonly statusCode?: number;
  readonly message?: string | string[];
  readonly error?: string;
}

/**
 * Turns a failed request into messages a user can act on. The API validates with class-validator,
 * whose messages start with the property name ("password must be longer than or equal to 10
 * characters"), so a message that starts with one of `fields` is shown beside that field.
 */
export function describeApiError(error: unknown, fields: readonly string[] = []): ApiProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: -1, fieldErrors: {}, message: 'Something went wrong. Please try again.' };
  }
  const status = error.status;
  if (status === 0) {
    return {
      status,
      fieldErrors: {},
      message: 'Cannot reach the server. Check your connection and try again.',
    };
  }
  if (status === 429) {
    return { status, fieldErrors: {}, message: tooManyRequestsMessage(error) };
  }

  const messages = bodyMessages(error.error);
  const fieldErrors: Record<string, string> = {};
  const general: string[] = [];
  for (const text of messages) {
    const field = fields.find((name) => text.startsWith(`${name} `));
    if (field && !fieldErrors[field]) {
      fieldErrors[field] = sentence(humanise(field) + text.slice(field.length));
    } else if (!field) {
      general.push(sentence(text));
    }
  }

  let message: string | null = general.length > 0 ? general.join(' ') : null;
  if (message === null && Object.keys(fieldErrors).length === 0) {
    message = fallbackMessage(status);
  }
  return { status, fieldErrors, message };
}

function bodyMessages(body: unknown): string[] {
  if (typeof body === 'string') {
    // Calls declared without a JSON response (e.g. a 204 DELETE) receive the error body as text.
    const json = parseJson(body);
    if (json !== undefined) return bodyMessages(json);
    // A proxy or server error page may send text; show it only if it is short and plain.
    return body.length > 0 && body.length <= 200 && !body.includes('<') ? [body] : [];
  }
  if (body === null || typeof body !== 'object') {
    return [];
  }
  const { message } = body as ApiErrorBody;
  if (typeof message === 'string') {
    return message ? [message] : [];
  }
  if (Array.isArray(message)) {
    return message.filter((m): m is string => typeof m === 'string' && m.length > 0);
  }
  return [];
}

function parseJson(text: string): unknown {
  if (!text.startsWith('{')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function tooManyRequestsMessage(error: HttpErrorResponse): string {
  const seconds = Number(error.headers?.get('retry-after'));
  if (Number.isFinite(seconds) && seconds > 0) {
    const wait = Math.ceil(seconds);
    return `Too many attempts. Try again in ${wait} second${wait === 1 ? '' : 's'}.`;
  }
  return 'Too many attempts. Please wait a moment and try again.';
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'You are not signed in, or your session has expired.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'The requested item no longer exists.';
  if (status >= 500) return 'The server had a problem. Please try again shortly.';
  return 'The request could not be completed. Please check the form and try again.';
}

/** organization_name → Organization name */
function humanise(field: string): string {
  return field.replace(/_/g, ' ');
}

/** "password must be …" → "Password must be …." so messages read as sentences. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
