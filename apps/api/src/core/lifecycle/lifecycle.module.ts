import { Global, Module } from '@nestjs/common';
import { ShutdownState } from './shutdown-state';

/** Global: anything that must behave differently while the process stops injects ShutdownState. */
@Global()
@Module({ providers: [ShutdownState], exports: [ShutdownState] })
export class LifecycleModule {}
