import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CacheModule } from './core/cache/cache.module';
import { DatabaseModule } from './core/database/database.module';
import { FixedWindowThrottlerStorage } from './core/http/fixed-window-throttler.storage';
import { AppThrottlerGuard } from './core/http/throttler.guard';
import { JobsModule, jobsBackendFor } from './core/jobs/jobs.module';
import { LifecycleModule } from './core/lifecycle/lifecycle.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { DraftsModule } from './drafts/drafts.module';
import { LlmModule } from './llm/llm.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { SystemModule } from './system/system.module';
import { ContentOptimizerModule } from './tools/content-optimizer/content-optimizer.module';
import { HashtagGeneratorModule } from './tools/hashtag-generator/hashtag-generator.module';
import { HealthMonitorModule } from './tools/health-monitor/health-monitor.module';
import { AppValidationPipe } from './core/http/app-validation.pipe';

/** The whole API. Tests boot it through createApiApp() (app.ts), so they get the real pipes, guards and filters. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LifecycleModule,
        DatabaseModule.forRoot(),
        CacheModule,
        JobsModule.forRoot({ backend: jobsBackendFor(config) }),
        LlmModule.forRoot(),
        MetricsModule,
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.http.rateLimitPerMinute }],
          storage: new FixedWindowThrottlerStorage(),
          // Per route and caller; a plain string (the default hashes it on every request).
          generateKey: (ctx, tracker, name) => `${ctx.getClass().name}.${ctx.getHandler().name}:${name}:${tracker}`,
        }),
        OrganizationsModule,
        AuthModule,
        SystemModule,
        ContentOptimizerModule,
        DraftsModule,
        HashtagGeneratorModule,
        HealthMonitorModule,
      ],
      providers: [
        // Order matters: identify the caller first, so the rate limit is per user or key.
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_GUARD, useClass: AppThrottlerGuard },
        {
          provide: APP_PIPE,
          useValue: new AppValidationPipe(),
        },
      ],
    };
  }
}
