import { ApiProperty } from '@nestjs/swagger';
import type { JobStatus } from '../jobs.port';
import type { JobsBackend } from '../jobs.constants';

export class JobStatusResponseDto {
  @ApiProperty({ example: 'health-sweep' })
  name: string;

  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', type: String, format: 'date-time', nullable: true, description: 'Start of the latest attempt' })
  last_run_at: string | null;

  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', type: String, format: 'date-time', nullable: true })
  last_success_at: string | null;

  @ApiProperty({ example: '2026-11-19T22:00:00.000Z', type: String, format: 'date-time', nullable: true })
  last_error_at: string | null;

  @ApiProperty({ example: 'connect ECONNREFUSED 127.0.0.1:6379', type: String, nullable: true, description: 'Message of the latest failed attempt' })
  last_error: string | null;

  @ApiProperty({ example: 288, type: 'integer', description: 'Attempts run, retries included' })
  runs: number;

  @ApiProperty({ example: 2, type: 'integer', description: 'Attempts that failed' })
  failures: number;

  static from(s: JobStatus): JobStatusResponseDto {
    return Object.assign(new JobStatusResponseDto(), {
      name: s.name,
      last_run_at: s.lastRunAt,
      last_success_at: s.lastSuccessAt,
      last_error_at: s.lastErrorAt,
      last_error: s.lastError,
      runs: s.runs,
      failures: s.failures,
    });
  }
}

export class JobsResponseDto {
  @ApiProperty({ enum: ['bull', 'in-process'], enumName: 'JobsBackend' })
  backend: JobsBackend;

  @ApiProperty({ type: [JobStatusResponseDto] })
  jobs: JobStatusResponseDto[];
}
