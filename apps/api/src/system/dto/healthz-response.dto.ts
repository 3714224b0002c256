import { ApiProperty } from '@nestjs/swagger';

export class DatabaseCheckDto {
  @ApiProperty({ example: true })
  ok: boolean;
  @ApiProperty({ example: 1.4 })
  latency_ms: number;
  @ApiProperty({ example: 'postgres', enumName: 'DatabaseDriver', enum: ['postgres', 'pglite'] })
  driver: 'postgres' | 'pglite';
  @ApiProperty({ example: 'connect ECONNREFUSED 127.0.0.1:5432' })
  error?: string;
}

export class QueueCheckDto {
  @ApiProperty({ example: true })
  ok: boolean;
  @ApiProperty({ example: 0.9 })
  latency_ms: number;
  @ApiProperty({ example: 'bull', enumName: 'JobsBackend', enum: ['bull', 'in-process'] })
  backend: 'bull' | 'in-process';
  @ApiProperty({ example: 'connect ECONNREFUSED 127.0.0.1:6379' })
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
  @ApiProperty({ example: 'ok', enumName: 'HealthzStatus', enum: ['ok', 'degraded', 'stopping'] })
  status: 'ok' | 'degraded' | 'stopping';
  /** Absent while stopping. */
  checks?: HealthChecksDto;
  @ApiProperty({ example: '0.1.0' })
  version: string;
  /** Which engine answers AI requests: a configured OpenAI-compatible model, or the built-in one. */
  @ApiProperty({ example: 'builtin', enumName: 'AiEngine', enum: ['openai', 'builtin'] })
  engine: 'openai' | 'builtin';
  /** This process's role: "all", "api" or "worker". */
  @ApiProperty({ example: 'all' })
  role: string;
}
