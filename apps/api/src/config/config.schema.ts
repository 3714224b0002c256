import { PLATFORMS, type Platform } from '@postprober/shared/platforms';
import { z } from 'zod';

/** Empty strings in .env files mean "unset", not "". */
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const bool = (fallback: boolean) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : v),
    z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1')]),
  );
const int = (fallback: number, min: number, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : Number(v)), z.number().int().min(min).max(max));
const url = (protocols: string[]) =>
  optionalString.refine(
    (v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)),
    `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  );

const urlOr = (fallback: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : v),
    z.string().refine((v) => v.startsWith('http://') || v.startsWith('https://'), 'must be a URL starting with http:// or https://'),
  );

/** Each platform's public status page (Atlassian Statuspage summary), the default monitors' targets. */
const DEFAULT_STATUS_PAGES: Record<Platform, string> = {
  twitter: 'https://api.twitterstat.us/api/v2/summary.json',
  linkedin: 'https://www.linkedin-status.com/api/v2/summary.json',
  instagram: 'https://metastatus.com/api/v2/summary.json',
  facebook: 'https://metastatus.com/api/v2/summary.json',
};

/** The env key of a platform's status page URL: STATUS_PAGE_URL_TWITTER, ... */
export const statusPageKey = <P extends Platform>(platform: P) => `STATUS_PAGE_URL_${platform.toUpperCase() as Uppercase<P>}` as const;

/** STATUS_PAGE_URL_<PLATFORM> for every platform in the shared list. */
function statusPageUrls() {
  return Object.fromEntries(PLATFORMS.map((p) => [statusPageKey(p), urlOr(DEFAULT_STATUS_PAGES[p])])) as Record<
    ReturnType<typeof statusPageKey<Platform>>,
    ReturnType<typeof urlOr>
  >;
}

/** Every environment variable the API reads, with its default. Documented in README.md. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  API_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['postgres', 'postgresql']),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: url(['redis', 'rediss']),
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i, 'letters, digits, _ and - only').default('postprober'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url(['http', 'https']),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLM_ATTEMPT_TIMEOUT_MS: int(15_000, 100, 600_000),
  LLM_DEADLINE_MS: int(30_000, 100, 600_000),
  LLM_MAX_RETRIES: int(2, 0, 10),
  JWT_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, 'must be at least 32 characters'),
  JWT_TTL_SECONDS: int(43_200, 60, 2_592_000),
  ADMIN_EMAIL: optionalString.refine((v) => v === undefined || /^[^@\s]+@[^@\s]+$/.test(v), 'must be an email address'),
  OPERATOR_KEY: optionalString.refine((v) => v === undefined || v.length >= 32, 'must be at least 32 characters'),
  ADMIN_PASSWORD: optionalString.refine((v) => v === undefined || v.length >= 10, 'must be at least 10 characters'),
  ORG_NAME: z.string().min(1).default('My organization'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
  BODY_LIMIT_BYTES: int(1_048_576, 1024, 104_857_600),
  RATE_LIMIT_PER_MINUTE: int(1200, 1, 100_000_000),
  TRUST_PROXY: bool(false),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 1_000, 600_000),
  WEB_DIST_DIR: optionalString,
  SECRETS_KEY: optionalString.refine((v) => v === undefined || v.length >= 32, 'must be at least 32 characters'),
  MONITOR_ALLOW_PRIVATE: bool(false),
  MONITOR_MIN_INTERVAL_SECONDS: int(30, 1, 86_400),
  MONITORS_PER_ORGANIZATION: int(1_000, 1, 1_000_000),
  HEALTH_SWEEP_TICK_MS: int(1_000, 100, 3_600_000),
  HEALTH_SWEEP_CONCURRENCY: int(200, 1, 10_000),
  HEALTH_OPEN_AFTER: int(2, 1, 100),
  HEALTH_RESOLVE_AFTER: int(2, 1, 100),
  HEALTH_CHECKS_RETENTION_DAYS: int(30, 8, 3650),
  ...statusPageUrls(),
});

export type Env = z.infer<typeof envSchema>;
