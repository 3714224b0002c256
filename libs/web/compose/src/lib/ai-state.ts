import { describeApiError } from '@postprober/web/util';

/** One AI request's lifecycle; each button has its own, so both can run at once. */
export type AiState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly result: T }
  | { readonly status: 'error'; readonly message: string };

export const IDLE = { status: 'idle' } as const;

/** A failed AI call in words: the API's field messages (content, platform), or the 429 wait, or a general message. */
export function aiErrorMessage(error: unknown): string {
  const problem = describeApiError(error, ['content', 'platform']);
  const parts = [...Object.values(problem.fieldErrors), ...(problem.message ? [problem.message] : [])];
  return parts.join(' ');
}
