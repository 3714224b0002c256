import { JwtService } from '@nestjs/jwt';
import { parseConfig } from '../config/app-config';
import type { User } from '../organizations/entities/user.entity';
import type { OrganizationsService } from '../organizations/organizations.service';
import type { UsersService } from '../organizations/users.service';
import { AuthService } from './auth.service';

describe('AuthService tokens', () => {
  const secret = 'unit-test-secret-unit-test-secret-123';
  const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256', expiresIn: 60 } });
  // Token handling touches neither organizations nor users.
  const auth = new AuthService(parseConfig({}), jwt, {} as OrganizationsService, {} as UsersService);
  const user = { id: 'u1', organizationId: 'o1', role: 'member' } as User;

  afterEach(() => jest.useRealTimers());

  it('round-trips a token it issued', () => {
    const { access_token } = auth.issue(user);
    expect(auth.verify(access_token)).toEqual({ kind: 'user', id: 'u1', organizationId: 'o1', role: 'member' });
    expect(auth.verify(access_token)).toEqual({ kind: 'user', id: 'u1', organizationId: 'o1', role: 'member' });
  });

  it('rejects a token signed with another secret or tampered with', () => {
    const other = new JwtService({ secret: 'another-secret-another-secret-4567', signOptions: { expiresIn: 60 } });
    expect(auth.verify(other.sign({ sub: 'u1', org: 'o1', role: 'admin' }))).toBeNull();
    const [h, , sig] = auth.issue(user).access_token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', org: 'o1', role: 'admin', exp: 9e9 })).toString('base64url');
    expect(auth.verify(`${h}.${forged}.${sig}`)).toBeNull();
  });

  it('stops accepting a remembered token once it expires', () => {
    jest.useFakeTimers({ now: Date.now() });
    const { access_token } = auth.issue(user);
    expect(auth.verify(access_token)).not.toBeNull();
    jest.setSystemTime(Date.now() + 61_000);
    expect(auth.verify(access_token)).toBeNull();
  });

  it('rejects tokens without the claims it needs', () => {
    expect(auth.verify(jwt.sign({ sub: 'u1', org: 'o1', role: 'owner' }))).toBeNull();
    expect(auth.verify(jwt.sign({ sub: 'u1', role: 'admin' }))).toBeNull();
  });
});
