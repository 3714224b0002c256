import { ApiProperty } from '@nestjs/swagger';

export class DatabaseCheckDto {
  ok: boolean;
  latency_ms: number;
  @ApiProperty({ enum: ['postgres', 'pglite'] })
  driver: 'postgres' | 'pglite';
  error?: string;
}

export class QueueCheckDto {
  ok: boolean;
  latency_ms: number;
  @ApiProperty({ enum: ['bull', 'in-process'] })
  backend: 'bull' | 'in-process';
  error?: string;
}

export class HealthChecksDto {
  database: DatabaseCheckDto;
  queue: QueueCheckDto;
}

export class HealthzResponseDto {
  /**
   * "ok" when every dependency answers; "degraded" (HTTP 503) otherwise; "stopping" (HTTP 503, at once,
   * dependencies not checked) from the moment the process got SIGTERM, so load balancers stop sending to it.
   */
  @ApiProperty({ enum: ['ok', 'degraded', 'stopping'] })
  status: 'ok' | 'degraded' | 'stopping';
  /** Absent while stopping. */
  checks?: HealthChecksDto;
  version: string;
  /** Which engine answers AI requests: a configured OpenAI-compatible model, or the built-in one. */
  @ApiProperty({ enum: ['openai', 'builtin'] })
  engine: 'openai' | 'builtin';
  /** This process's role: "all", "api" or "worker". */
  role: string;
}
