import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config';
import type { AuthPrincipal } from './auth-principal';
import type { ApiKeysService } from './api-keys.service';
import { AuthService } from './auth.service';
import { CredentialsAuthService } from './credentials-auth.service';

const KEY = 'ppk_live_key';
const keyPrincipal: AuthPrincipal = { kind: 'api-key', id: 'k1', organizationId: 'o1', role: 'member' };

function setUp() {
  const jwt = new JwtService({ secret: 'unit-secret-unit-secret-unit-secret', signOptions: { algorithm: 'HS256' } });
  const auth = new AuthService({} as AppConfig, jwt, {} as never, {} as never);
  // Only the key lookup is stood in for (it is a database query, tested in the API keys' own specs).
  const apiKeys = { authenticate: async (k: string) => (k === KEY ? keyPrincipal : null) } as unknown as ApiKeysService;
  return { jwt, service: new CredentialsAuthService(auth, apiKeys) };
}

describe('CredentialsAuthService', () => {
  it('returns a JWT\'s principal with the token\'s expiry and no API key', async () => {
    const { jwt, service } = setUp();
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = jwt.sign({ sub: 'u1', org: 'o1', role: 'admin', exp });
    expect(await service.authenticate({ token: ` ${token} ` })).toEqual({
      principal: { kind: 'user', id: 'u1', organizationId: 'o1', role: 'admin' },
      expiresAt: exp * 1000,
      apiKey: null,
    });
  });

  it('takes an API key from either field, the key field first, with no expiry and the key to re-check', async () => {
    const { service } = setUp();
    const found = { principal: keyPrincipal, expiresAt: null, apiKey: KEY };
    expect(await service.authenticate({ apiKey: KEY })).toEqual(found);
    expect(await service.authenticate({ token: KEY })).toEqual(found);
    expect(await service.authenticate({ apiKey: KEY, token: 'not-a-jwt' })).toEqual(found);
  });

  it('refuses expired, forged and missing credentials', async () => {
    const { jwt, service } = setUp();
    const expired = jwt.sign({ sub: 'u1', org: 'o1', role: 'admin', exp: Math.floor(Date.now() / 1000) - 10 });
    const forged = new JwtService({ secret: 'another-secret-another-secret-12345' }).sign({ sub: 'u1', org: 'o1', role: 'admin', exp: 9_999_999_999 });
    expect(await service.authenticate({ token: expired })).toBeNull();
    expect(await service.authenticate({ token: forged })).toBeNull();
    expect(await service.authenticate({ apiKey: 'ppk_revoked' })).toBeNull();
    expect(await service.authenticate({ token: 42 })).toBeNull();
    expect(await service.authenticate({})).toBeNull();
  });
});
