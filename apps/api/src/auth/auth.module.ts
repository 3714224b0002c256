import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { StoredSecretsRepository } from '../core/secrets/stored-secrets.repository';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CredentialsAuthService } from './credentials-auth.service';
import { ApiKey } from './entities/api-key.entity';
import { resolveJwtSecret } from './jwt-secret';

@Module({
  imports: [
    OrganizationsModule,
    TypeOrmModule.forFeature([ApiKey]),
    JwtModule.registerAsync({
      // StoredSecretsRepository comes from the global SecretsModule (core/secrets), visible in JwtModule's scope.
      inject: [APP_CONFIG, StoredSecretsRepository],
      useFactory: async (config: AppConfig, secrets: StoredSecretsRepository) => ({
        // A KeyObject: given a string, jsonwebtoken tries to parse it as a PEM public key on every verify (~0.6 ms).
        secret: createSecretKey(Buffer.from(await resolveJwtSecret(config.auth.jwtSecret, secrets))),
        signOptions: { algorithm: 'HS256', expiresIn: config.auth.jwtTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, ApiKeysController],
  providers: [AuthService, ApiKeysService, ApiKeysRepository, CredentialsAuthService, AdminBootstrapService, AuthGuard],
  // AuthGuard is registered globally by the app module (before the rate limiter); the realtime gateway
  // authenticates its handshakes with CredentialsAuthService.
  exports: [AuthService, ApiKeysService, CredentialsAuthService, AuthGuard],
})
export class AuthModule {}
