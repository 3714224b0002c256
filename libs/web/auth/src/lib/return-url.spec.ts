import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('follows paths inside the app', () => {
    expect(safeReturnUrl('/settings')).toBe('/settings');
    expect(safeReturnUrl('/compose?draft=1')).toBe('/compose?draft=1');
  });

  it('refuses other sites and the auth pages', () => {
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('/\\evil.example')).toBe('/');
    expect(safeReturnUrl('/login')).toBe('/');
    expect(safeReturnUrl(null)).toBe('/');
  });
});
