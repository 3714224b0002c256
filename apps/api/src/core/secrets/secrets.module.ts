import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppSetting } from './app-setting.entity';
import { StoredSecretsRepository } from './stored-secrets.repository';

/** Generated secrets for any feature (auth's JWT key, the health monitor's token key), without depending on each other. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AppSetting])],
  providers: [StoredSecretsRepository],
  exports: [StoredSecretsRepository],
})
export class SecretsModule {}
