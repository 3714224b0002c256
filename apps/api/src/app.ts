import type { LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { createApp } from './core/http/create-app';

/** The composition root: the API application with every feature module. main.ts and the tests call this. */
export function createApiApp(config: AppConfig, logger?: LoggerService | false): Promise<NestFastifyApplication> {
  return createApp(AppModule.forRoot(config), config, logger);
}
