import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ShutdownState } from '../core/lifecycle/shutdown-state';
import { LifecycleModule } from '../core/lifecycle/lifecycle.module';
import { Organization } from '../organizations/entities/organization.entity';
import { AiUsageController } from './ai-usage.controller';
import { BuiltinLlmAdapter } from './builtin-llm.adapter';
import { LlmUsage } from './llm-usage.entity';
import { LlmUsageRepository } from './llm-usage.repository';
import { LlmUsageService } from './llm-usage.service';
import { LLM_PORT, LlmPort } from './llm.port';
import { OpenAiLlmAdapter } from './openai-llm.adapter';

/** The OpenAI adapter when OPENAI_API_KEY is set, else the builtin engine. Logs which (never the key). */
export function createLlmPort(config: AppConfig, usage: LlmUsageService, shutdown?: ShutdownState): LlmPort {
  const logger = new Logger('LlmModule');
  const { apiKey, baseUrl, model } = config.llm;
  if (!apiKey) {
    logger.log('LLM engine: builtin (OPENAI_API_KEY is not set)');
    return new BuiltinLlmAdapter();
  }
  // Host only: a base URL may carry credentials or tokens in its path or query.
  const host = baseUrl ? new URL(baseUrl).host : 'api.openai.com';
  logger.log(`LLM engine: openai (model ${model} at ${host}, builtin fallback)`);
  return new OpenAiLlmAdapter({ ...config.llm, apiKey }, usage, undefined, undefined, shutdown?.signal);
}

/** Global: tools inject LLM_PORT and never see which engine answers. Needs TypeORM (DatabaseModule) set up. */
@Global()
@Module({})
export class LlmModule {
  static forRoot(): DynamicModule {
    return {
      module: LlmModule,
      // Organization too: LlmUsage's foreign key needs its metadata (registering it twice is harmless).
      imports: [TypeOrmModule.forFeature([LlmUsage, Organization]), LifecycleModule],
      controllers: [AiUsageController],
      providers: [
        LlmUsageService,
        LlmUsageRepository,
        { provide: LLM_PORT, inject: [APP_CONFIG, LlmUsageService, ShutdownState], useFactory: createLlmPort },
      ],
      exports: [LLM_PORT, LlmUsageService],
    };
  }
}
