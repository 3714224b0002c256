import { randomBytes } from 'node:crypto';
import { keyFromSecret, TokenCipher, TokenDecryptionError } from './token-cipher';

describe('TokenCipher', () => {
  const cipher = new TokenCipher(randomBytes(32));
  const org = '9f0b3f4e-1c1e-4b8e-9a57-0c2f1d6f7a10';

  it('round-trips a token and never stores it in the clear', () => {
    const stored = cipher.encrypt('AAAA-secret-bearer-token', org);
    expect(stored).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(stored).not.toContain('secret');
    expect(cipher.decrypt(stored, org)).toBe('AAAA-secret-bearer-token');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same', org)).not.toBe(cipher.encrypt('same', org));
  });

  it('rejects tampered ciphertext, tag or IV', () => {
    const [v, iv, tag, body] = cipher.encrypt('token-value', org).split(':');
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[0] ^= 1;
      return b.toString('base64url');
    };
    expect(() => cipher.decrypt([v, iv, tag, flip(body)].join(':'), org)).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt([v, iv, flip(tag), body].join(':'), org)).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt([v, flip(iv), tag, body].join(':'), org)).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt('v1:garbage', org)).toThrow(TokenDecryptionError);
  });

  it("rejects a token moved to another organization's monitor, or read with another key", () => {
    const stored = cipher.encrypt('token-value', org);
    expect(() => cipher.decrypt(stored, '00000000-0000-4000-8000-000000000000')).toThrow(TokenDecryptionError);
    expect(() => new TokenCipher(randomBytes(32)).decrypt(stored, org)).toThrow(TokenDecryptionError);
  });

  it('derives the same 32-byte key from the same SECRETS_KEY', () => {
    const a = new TokenCipher(keyFromSecret('x'.repeat(40)));
    const b = new TokenCipher(keyFromSecret('x'.repeat(40)));
    expect(b.decrypt(a.encrypt('t', org), org)).toBe('t');
  });
});
