import { tokenExpiresAt } from './health-alerts.gateway';

const jwt = (payload: object) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

describe('tokenExpiresAt', () => {
  it('reads the exp claim in milliseconds', () => {
    expect(tokenExpiresAt(jwt({ sub: 'u', exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });

  it.each([
    ['no exp claim', jwt({ sub: 'u' })],
    ['a non-numeric exp', jwt({ exp: '1800000000' })],
    ['a payload that is not JSON', 'e30.bm90IGpzb24.sig'],
    ['no payload segment', 'abc'],
  ])('gives null for %s', (_, token) => {
    expect(tokenExpiresAt(token)).toBeNull();
  });
});
