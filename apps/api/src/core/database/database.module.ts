import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { SecretsModule } from '../secrets/secrets.module';
import { DatabaseHealth } from './database-health';
import { Transactions } from './transactions';
import { buildDataSourceOptions, databaseDriverKind, describeDatabase, isTransientConnectionError } from './data-source-options';
import { openDataSource } from './exclusive-migrations';

/**
 * Builds the Nest TypeORM options: entities come from TypeOrmModule.forFeature (autoLoadEntities). Migrations
 * run in openDataSource (under a lock on PostgreSQL), not in TypeORM's initialize().
 */
export function typeOrmModuleOptions(config: AppConfig): TypeOrmModuleOptions {
  const postgres = databaseDriverKind(config) === 'postgres';
  return {
    ...buildDataSourceOptions(config, []),
    migrationsRun: false,
    autoLoadEntities: true,
    // A server that is still starting is retried; PGlite failures (lock, corrupt folder) are not.
    retryAttempts: 10,
    retryDelay: 3_000,
    toRetry: (error: unknown) => postgres && isTransientConnectionError(error),
  };
}

/**
 * The API's one data source. Global: every module can inject DataSource, repositories (via
 * TypeOrmModule.forFeature), Transactions and DatabaseHealth. Shutting the app down destroys the data source, which
 * closes PGlite and releases its folder lock.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        SecretsModule,
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            new Logger('Database').log(`Using ${describeDatabase(config)}`);
            return typeOrmModuleOptions(config);
          },
          // Nest passes the options above (entities added); a missing argument never happens in practice.
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('TypeORM options missing');
            return openDataSource(options, { exclusive: options.type === 'postgres' && 'url' in options && options.url !== undefined });
          },
        }),
      ],
      providers: [DatabaseHealth, Transactions],
      // Stored secrets need nothing but the database: every app with a database has them.
      exports: [DatabaseHealth, Transactions, SecretsModule],
    };
  }
}
