import { randomBytes } from 'node:crypto';
import type { StoredSecretsRepository } from '../core/secrets/stored-secrets.repository';

/**
 * JWT_SECRET when set; otherwise one generated on first start and stored in the database,
 * so tokens survive restarts and every process sharing the database agrees on it.
 */
export async function resolveJwtSecret(configured: string | undefined, settings: Pick<StoredSecretsRepository, 'storedSecret'>): Promise<string> {
  return configured ?? settings.storedSecret('jwt_secret', () => randomBytes(48).toString('base64url'));
}
