import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, parseConfig } from '../../src/config/app-config';
import { createApiApp } from '../../src/app';
import { createTestDatabase } from './test-database';

export interface TestApp {
  url: string;
  app: NestFastifyApplication;
  config: AppConfig;
  /** Closes the app and drops its database. */
  close(): Promise<void>;
}

/** The real application on a fresh Postgres database, listening on a free local port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = env['DATABASE_URL'] ? null : await createTestDatabase();
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-test-secret-test-secret-42',
    ...(db ? { DATABASE_URL: db.url } : {}),
    ...env,
  });
  const app = await createApiApp(config, false);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  return {
    url: url.replace('[::1]', '127.0.0.1'),
    app,
    config,
    close: async () => {
      await app.close();
      await db?.drop();
    },
  };
}

/** fetch with JSON in and out, for concise assertions. */
export async function call(
  base: string,
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; apiKey?: string; headers?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read arbitrary JSON answers field by field; typing each call would be noise
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  if (opts.apiKey) headers['x-api-key'] = opts.apiKey;
  const res = await fetch(base + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body, headers: res.headers };
}
