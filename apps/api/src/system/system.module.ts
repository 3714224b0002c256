import { Module } from '@nestjs/common';
import { HealthzController } from './healthz.controller';
import { LivezController } from './livez.controller';

@Module({ controllers: [HealthzController, LivezController] })
export class SystemModule {}
