import { PLATFORMS, type Platform } from '@postprober/shared/platforms';
import { envSchema, Env, statusPageKey } from './config.schema';

/** Typed configuration namespaces. The only place that reads process.env is loadConfig(). */
export interface AppConfig {
  env: Env['NODE_ENV'];
  http: {
    port: number;
    host: string;
    corsOrigins: string[];
    bodyLimit: number;
    rateLimitPerMinute: number;
    trustProxy: boolean;
    webDistDir?: string;
    /** SIGTERM to exit, whatever clients, Redis or targets do. */
    shutdownTimeoutMs: number;
  };
  role: Env['API_ROLE'];
  logLevel: Env['LOG_LEVEL'];
  db: { url?: string; dataDir: string };
  redis: { url?: string; queuePrefix: string };
  llm: {
    apiKey?: string;
    baseUrl?: string;
    model: string;
    attemptTimeoutMs: number;
    deadlineMs: number;
    maxRetries: number;
  };
  auth: {
    jwtSecret?: string;
    jwtTtlSeconds: number;
    adminEmail?: string;
    adminPassword?: string;
    orgName: string;
    /** Unlocks the operator endpoints (X-Operator-Key); unset: they answer 403. */
    operatorKey?: string;
  };
  /** Key for secrets stored in the database (monitor access tokens); unset: generated once and stored. */
  secretsKey?: string;
  health: {
    /** Allow monitor targets on private, loopback and link-local addresses (simulator, tests, demo). */
    allowPrivateTargets: boolean;
    minIntervalSeconds: number;
    /** Most monitors one organization may have (each is probed on every interval). */
    monitorsPerOrganization: number;
    /** How often the sweep looks for due monitors. */
    sweepTickMs: number;
    /** Probes in flight at once during a sweep. */
    sweepConcurrency: number;
    /** Consecutive bad checks before an incident opens, and good ones before it resolves. */
    openAfter: number;
    resolveAfter: number;
    /** Stored check results older than this are deleted (history shows at most 7 days). */
    checksRetentionDays: number;
    /** Statuspage-format summary URLs of the default monitors every new organization gets. */
    statusPages: Record<Platform, string>;
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

/** Validates the environment once; an invalid value names the variable and what is expected. */
export function parseConfig(source: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration:\n  ADMIN_EMAIL, ADMIN_PASSWORD: set both or neither');
  }
  if (e.API_ROLE !== 'all' && !e.REDIS_URL) {
    throw new ConfigError(`Invalid configuration:\n  API_ROLE: "${e.API_ROLE}" needs REDIS_URL (without Redis one process does everything: use "all")`);
  }
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      corsOrigins: e.CORS_ORIGINS,
      bodyLimit: e.BODY_LIMIT_BYTES,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      trustProxy: e.TRUST_PROXY,
      webDistDir: e.WEB_DIST_DIR,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    role: e.API_ROLE,
    logLevel: e.LOG_LEVEL,
    db: { url: e.DATABASE_URL, dataDir: e.DATA_DIR },
    redis: { url: e.REDIS_URL, queuePrefix: e.QUEUE_PREFIX },
    llm: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      attemptTimeoutMs: e.LLM_ATTEMPT_TIMEOUT_MS,
      deadlineMs: e.LLM_DEADLINE_MS,
      maxRetries: e.LLM_MAX_RETRIES,
    },
    auth: {
      jwtSecret: e.JWT_SECRET,
      jwtTtlSeconds: e.JWT_TTL_SECONDS,
      adminEmail: e.ADMIN_EMAIL,
      adminPassword: e.ADMIN_PASSWORD,
      orgName: e.ORG_NAME,
      operatorKey: e.OPERATOR_KEY,
    },
    secretsKey: e.SECRETS_KEY,
    health: {
      allowPrivateTargets: e.MONITOR_ALLOW_PRIVATE,
      minIntervalSeconds: e.MONITOR_MIN_INTERVAL_SECONDS,
      monitorsPerOrganization: e.MONITORS_PER_ORGANIZATION,
      sweepTickMs: e.HEALTH_SWEEP_TICK_MS,
      sweepConcurrency: e.HEALTH_SWEEP_CONCURRENCY,
      openAfter: e.HEALTH_OPEN_AFTER,
      resolveAfter: e.HEALTH_RESOLVE_AFTER,
      checksRetentionDays: e.HEALTH_CHECKS_RETENTION_DAYS,
      statusPages: Object.fromEntries(PLATFORMS.map((p) => [p, e[statusPageKey(p)]])) as Record<Platform, string>,
    },
  };
}
