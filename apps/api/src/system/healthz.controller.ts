import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseHealth } from '../core/database/database-health';
import { ShutdownState } from '../core/lifecycle/shutdown-state';
import { QueueHealth } from '../core/jobs/queue-health';
import { API_VERSION } from '../core/version';
import { LLM_PORT, LlmPort } from '../llm/llm.port';
import { HealthzResponseDto } from './dto/healthz-response.dto';

@ApiTags('system')
@Controller('healthz')
export class HealthzController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LLM_PORT) private readonly llm: LlmPort,
    private readonly database: DatabaseHealth,
    private readonly queue: QueueHealth,
    private readonly shutdown: ShutdownState,
  ) {}

  @ApiOperation({
    summary: 'Readiness probe',
    description:
      'Readiness: 200 when the database and the job queue answer, 503 otherwise; 503 with status "stopping" at once from the moment the process is asked to stop.',
  })
  @Public()
  @Get()
  @ApiResponse({ status: 503, description: 'A dependency is down, or the process is stopping', type: HealthzResponseDto })
  async getHealthz(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthzResponseDto> {
    if (this.shutdown.stopping) {
      reply.status(503);
      return { status: 'stopping', version: API_VERSION, engine: this.llm.engine, role: this.config.role };
    }
    const [database, queue] = await Promise.all([this.database.check(), this.queue.check()]);
    const ok = database.ok && queue.ok;
    reply.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'degraded',
      checks: { database, queue },
      version: API_VERSION,
      engine: this.llm.engine,
      role: this.config.role,
    };
  }
}
