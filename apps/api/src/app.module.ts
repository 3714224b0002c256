import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { ErrorContextInterceptor } from './core/http/error-context.interceptor';
import { HttpExceptionFilter } from './core/http/http-exception.filter';
import { AppThrottlerGuard } from './core/http/throttler.guard';
import { JobsModule, jobsBackendFor } from './core/jobs/jobs.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { LlmModule } from './llm/llm.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { SystemModule } from './system/system.module';
import { resolveWebDir } from './core/http/web-dir';

/** The whole API. Tests boot this same module, so they get the real pipes, guards and filters. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(),
        JobsModule.forRoot({ backend: jobsBackendFor(config) }),
        LlmModule.forRoot(),
        MetricsModule,
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.http.rateLimitPerMinute }],
        }),
        OrganizationsModule,
        AuthModule,
        SystemModule,
      ],
      providers: [
        // Order matters: identify the caller first, so the rate limit is per user or key.
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_GUARD, useClass: AppThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: ErrorContextInterceptor },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
        },
        { provide: APP_FILTER, useValue: new HttpExceptionFilter(resolveWebDir(config)) },
      ],
    };
  }
}
