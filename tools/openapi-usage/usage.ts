// A small typed client written only against the committed spec (openapi.d.ts, generated from openapi.json by
// openapi-typescript). CI compiles it with `tsc --strict --noEmit`: when the contract changes in a way that breaks
// an integrator's code, this file stops compiling. It is not run against a server.
import type { components, paths } from './openapi';

export type ErrorResponse = components['schemas']['ErrorResponseDto'];

/** The JSON body a path and method answer with at a status. */
type Body<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
/** The JSON request body of a path and method. */
type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer T } };
}
  ? T
  : never;

/** Any answer that is not 2xx: the status, the common error body, and Retry-After when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse,
    readonly retryAfterSeconds: number | null,
  ) {
    super(`${status} ${body.error}: ${Array.isArray(body.message) ? body.message.join('; ') : body.message}`);
  }
}

export interface Client {
  baseUrl: string;
  /** A JWT from signIn, or an API key (sent as X-API-Key). */
  credentials?: { bearer: string } | { apiKey: string };
}

async function call<T>(client: Client, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (client.credentials && 'bearer' in client.credentials) headers['authorization'] = `Bearer ${client.credentials.bearer}`;
  if (client.credentials && 'apiKey' in client.credentials) headers['x-api-key'] = client.credentials.apiKey;
  const res = await fetch(`${client.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) {
    const retryAfter = res.headers.get('retry-after');
    throw new ApiError(res.status, (await res.json()) as ErrorResponse, retryAfter === null ? null : Number(retryAfter));
  }
  return (await res.json()) as T;
}

/** POST /api/auth/login: returns a client that sends the JWT. */
export async function signIn(baseUrl: string, login: RequestBody<'/api/auth/login', 'post'>): Promise<Client> {
  const token = await call<Body<'/api/auth/login', 'post', 200>>({ baseUrl }, 'POST', '/api/auth/login', login);
  const bearer: string = token.access_token;
  return { baseUrl, credentials: { bearer } };
}

/** POST /api/optimize-content. */
export async function optimizePost(
  client: Client,
  post: RequestBody<'/api/optimize-content', 'post'>,
): Promise<Body<'/api/optimize-content', 'post', 200>['result']> {
  const answer = await call<Body<'/api/optimize-content', 'post', 200>>(client, 'POST', '/api/optimize-content', post);
  return answer.result;
}

/** GET /api/health-status. */
export function healthStatus(client: Client): Promise<Body<'/api/health-status', 'get', 200>> {
  return call(client, 'GET', '/api/health-status');
}

/** What a caller does with a failure: a 400 names the fields to fix; a 429 or 503 says when to retry. */
export type Failure =
  | { kind: 'invalid'; fields: string[]; message: string }
  | { kind: 'retry'; afterSeconds: number }
  | { kind: 'other'; status: number; message: string };

export function describeFailure(error: unknown): Failure {
  if (!(error instanceof ApiError)) throw error;
  const message = Array.isArray(error.body.message) ? error.body.message.join('; ') : error.body.message;
  switch (error.status) {
    case 400:
      return { kind: 'invalid', fields: error.body.fields ?? [], message };
    case 429:
    case 503:
      return { kind: 'retry', afterSeconds: error.retryAfterSeconds ?? 1 };
    default:
      return { kind: 'other', status: error.status, message };
  }
}

/** The three calls in a row, retrying once after a 429 as the server asks. */
export async function example(baseUrl: string): Promise<void> {
  const client = await signIn(baseUrl, { email: 'ana@example.com', password: 'correct horse battery' });
  const post: RequestBody<'/api/optimize-content', 'post'> = { content: 'Three lessons from our first year.', platform: 'linkedin' };
  let result;
  try {
    result = await optimizePost(client, post);
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.kind === 'invalid') throw new Error(`Fix ${failure.fields.join(', ')}: ${failure.message}`);
    if (failure.kind !== 'retry') throw error;
    await new Promise((resolve) => setTimeout(resolve, failure.afterSeconds * 1000));
    result = await optimizePost(client, post);
  }
  const score: number = result.score;
  const status = await healthStatus(client);
  const overall: 'healthy' | 'degraded' | 'down' | 'unknown' = status.overall_status;
  console.log(`score ${score}, platforms ${overall}: ${status.platforms.map((p) => `${p.platform}=${p.status}`).join(', ')}`);
}
