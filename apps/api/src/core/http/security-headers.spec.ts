import { computeSecurityHeaders, isApiPath } from './security-headers';

describe('computeSecurityHeaders', () => {
  it('captures helmet headers once, with our CSP and without upgrade-insecure-requests', async () => {
    const h = await computeSecurityHeaders(false);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).toContain('connect-src');
    expect(h['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(h['strict-transport-security']).toBeUndefined();
    expect(h['content-type']).toBeUndefined();
  });

  it('adds HSTS when asked', async () => {
    expect((await computeSecurityHeaders(true))['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

describe('isApiPath', () => {
  it('treats JSON API routes as API and the portal and Swagger UI as documents', () => {
    expect(isApiPath('/api/users')).toBe(true);
    expect(isApiPath('/api/openapi.json')).toBe(true);
    expect(isApiPath('/api/docs')).toBe(false);
    expect(isApiPath('/api/docs/swagger-ui.css')).toBe(false);
    expect(isApiPath('/settings')).toBe(false);
    expect(isApiPath('/')).toBe(false);
  });
});
