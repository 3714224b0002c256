import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
} from 'class-validator';
import type { MonitorMethod } from '../entities/monitor.entity';
import { PROBE_KINDS, type ProbeKind } from '@postprober/shared/health-events';
import { MONITOR_PLATFORMS, type MonitorPlatform } from '@postprober/shared/platforms';

export { MONITOR_PLATFORMS, PROBE_KINDS };
export const MONITOR_METHODS: readonly MonitorMethod[] = ['GET', 'HEAD', 'POST'];
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 30_000;
export const MAX_INTERVAL_SECONDS = 86_400;
const MAX_HEADERS = 20;
/** Headers that carry credentials: tokens go in access_token, where they are stored encrypted. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/** headers: at most 20 plain string values, valid names, no credentials. */
function IsMonitorHeaders() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMonitorHeaders',
      target: target.constructor,
      propertyName,
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= MAX_HEADERS &&
            entries.every(([k, v]) => HEADER_NAME.test(k) && !SECRET_HEADERS.has(k.toLowerCase()) && typeof v === 'string' && v.length <= 1000 && !/[\r\n]/.test(v))
          );
        },
        defaultMessage: () =>
          `headers must be an object of at most ${MAX_HEADERS} header names to string values, without Authorization, Cookie or X-API-Key (put a token in access_token)`,
      },
    });
}

/** Body of createMonitor. Omitted optional fields take the defaults shown. */
export class CreateMonitorDto {
  /** Shown on the Health page, 1–100 characters. @example "X API" */
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: MONITOR_PLATFORMS, enumName: 'MonitorPlatform' })
  @IsIn(MONITOR_PLATFORMS, { message: `platform must be one of: ${MONITOR_PLATFORMS.join(', ')}` })
  platform: MonitorPlatform;

  /** http: status and latency; platform-api: an authenticated call that reads rate-limit headers; statuspage: a Statuspage summary.json. */
  @ApiProperty({ enum: PROBE_KINDS, enumName: 'ProbeKind' })
  @IsIn(PROBE_KINDS, { message: `kind must be one of: ${PROBE_KINDS.join(', ')}` })
  kind: ProbeKind;

  /** The target, http or https. Private, loopback and link-local addresses are refused. @example "https://api.x.com/2/users/me" */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http or https URL' })
  @MaxLength(2000)
  url: string;

  /** Default GET. */
  @ApiProperty({ enum: MONITOR_METHODS, enumName: 'MonitorMethod', required: false })
  @IsOptional()
  @IsIn(MONITOR_METHODS, { message: `method must be one of: ${MONITOR_METHODS.join(', ')}` })
  method?: MonitorMethod;

  /** Extra request headers (not secret: they are returned as saved). */
  @ApiPropertyOptional({ example: { Accept: 'application/json' }, type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsMonitorHeaders()
  headers?: Record<string, string>;

  /** Sent as a Bearer token. Stored encrypted and never returned (responses say has_access_token). On update, null removes it. */
  @ApiProperty({ example: 'AAAAexample-token', type: String, nullable: true, required: false, writeOnly: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  @Matches(/^[^\r\n]*$/, { message: 'access_token must be a single line' })
  access_token?: string | null;

  /** 100–30,000 ms and less than the interval; default 5,000 (half the interval when that is shorter). */
  @IsOptional()
  @IsInt()
  @Min(MIN_TIMEOUT_MS)
  @Max(MAX_TIMEOUT_MS)
  @ApiProperty({ example: 5000, type: 'integer' })
  timeout_ms?: number;

  /** Seconds between checks; default 300, at least the server's minimum (30 s unless configured). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INTERVAL_SECONDS)
  @ApiProperty({ example: 300, type: 'integer' })
  interval_seconds?: number;

  /** http probes: the status that counts as up; default 200. */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(599)
  @ApiProperty({ example: 200, type: 'integer' })
  expected_status?: number;

  /** statuspage probes: component names to watch; none: the page's overall indicator. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value))
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  @ApiProperty({ example: ['API'] })
  components?: string[];

  /** Default true; a disabled monitor keeps its history and is not probed. */
  @IsOptional()
  @IsBoolean()
  @ApiProperty({ example: true })
  enabled?: boolean;
}

/** Body of updateMonitor: only the fields sent change. */
export class UpdateMonitorDto extends PartialType(CreateMonitorDto) {}
