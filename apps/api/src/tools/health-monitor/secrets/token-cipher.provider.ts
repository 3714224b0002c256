import type { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { StoredSecretsRepository } from '../../../core/secrets/stored-secrets.repository';
import { resolveSecretsKey, TokenCipher } from './token-cipher';

/** TokenCipher keyed by SECRETS_KEY, or by the key generated once and kept in app_settings. */
export const TOKEN_CIPHER_PROVIDER: Provider = {
  provide: TokenCipher,
  inject: [APP_CONFIG, StoredSecretsRepository],
  useFactory: async (config: AppConfig, stored: StoredSecretsRepository) => new TokenCipher(await resolveSecretsKey(config.secretsKey, stored)),
};
