import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { StoredSecretsRepository } from '../../../core/secrets/stored-secrets.repository';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SETTINGS_KEY = 'secrets_key';

export class TokenDecryptionError extends Error {
  constructor() {
    super('Stored access token could not be decrypted (wrong SECRETS_KEY or tampered data)');
  }
}

/**
 * Encrypts monitor access tokens at rest with AES-256-GCM. The organization id is bound as associated
 * data, so a ciphertext copied onto another organization's monitor does not decrypt.
 * Stored form: `v1:<iv>:<tag>:<ciphertext>` (base64url parts).
 */
export class TokenCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('TokenCipher needs a 32-byte key');
    this.key = key;
  }

  encrypt(plaintext: string, organizationId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(organizationId, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
  }

  /** Throws TokenDecryptionError when the data was altered, belongs to another organization or another key. */
  decrypt(stored: string, organizationId: string): string {
    const [version, iv, tag, body, ...rest] = stored.split(':');
    if (version !== VERSION || !iv || !tag || body === undefined || rest.length > 0) throw new TokenDecryptionError();
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(organizationId, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenDecryptionError();
    }
  }
}

/** A configured SECRETS_KEY (any length >= 32 characters) is stretched to 32 bytes with SHA-256. */
export function keyFromSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * SECRETS_KEY when set; otherwise a key generated on first start and stored in app_settings, so every
 * process sharing the database agrees on it (the same mechanism as the JWT secret).
 */
export async function resolveSecretsKey(configured: string | undefined, stored: Pick<StoredSecretsRepository, 'storedSecret'>): Promise<Buffer> {
  if (configured) return keyFromSecret(configured);
  return Buffer.from(await stored.storedSecret(SETTINGS_KEY, () => randomBytes(32).toString('base64url')), 'base64url');
}
