import { Module } from '@nestjs/common';
import { LifecycleModule } from '../core/lifecycle/lifecycle.module';
import { HealthzController } from './healthz.controller';
import { LivezController } from './livez.controller';

@Module({ imports: [LifecycleModule], controllers: [HealthzController, LivezController] })
export class SystemModule {}
