import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { resolveSecretsKey, TokenCipher } from './token-cipher';

/** TokenCipher keyed by SECRETS_KEY, or by the key generated once and kept in app_settings. */
export const TOKEN_CIPHER_PROVIDER: Provider = {
  provide: TokenCipher,
  inject: [APP_CONFIG, DataSource],
  useFactory: async (config: AppConfig, db: DataSource) => new TokenCipher(await resolveSecretsKey(config.secretsKey, db)),
};
