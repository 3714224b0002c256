import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AiResponseCache } from './ai-response-cache.entity';
import { PostgresResponseCache } from './postgres-response-cache';
import { RESPONSE_CACHE } from './response-cache.port';

/** Global: tools inject RESPONSE_CACHE. Needs TypeORM (DatabaseModule) set up. */
@Global()
@Module({
  // The entity is registered so migrations-drift and the data source know the table.
  imports: [TypeOrmModule.forFeature([AiResponseCache])],
  providers: [
    { provide: PostgresResponseCache, inject: [DataSource], useFactory: (ds: DataSource) => new PostgresResponseCache(ds) },
    { provide: RESPONSE_CACHE, useExisting: PostgresResponseCache },
  ],
  exports: [RESPONSE_CACHE],
})
export class CacheModule {}
