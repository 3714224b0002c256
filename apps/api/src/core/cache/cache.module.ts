import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AiResponseCache } from './ai-response-cache.entity';
import { PostgresResponseCache } from './postgres-response-cache';
import { RESPONSE_CACHE } from './response-cache.port';
import { ResponseCacheRepository } from './response-cache.repository';

/** Global: tools inject RESPONSE_CACHE. Needs TypeORM (DatabaseModule) set up. */
@Global()
@Module({
  // The entity is registered so migrations-drift and the data source know the table.
  imports: [TypeOrmModule.forFeature([AiResponseCache])],
  providers: [
    ResponseCacheRepository,
    // A factory: the constructor's optional clock is for specs, not for the container.
    { provide: PostgresResponseCache, inject: [ResponseCacheRepository], useFactory: (rows: ResponseCacheRepository) => new PostgresResponseCache(rows) },
    { provide: RESPONSE_CACHE, useExisting: PostgresResponseCache },
  ],
  exports: [RESPONSE_CACHE],
})
export class CacheModule {}
