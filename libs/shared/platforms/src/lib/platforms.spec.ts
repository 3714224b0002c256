import { isPlatform, PLATFORM_RULES, platformLength } from './platforms';

describe('platform rules', () => {
  it('knows the hard limits', () => {
    expect(PLATFORM_RULES.twitter.maxLength).toBe(280);
    expect(PLATFORM_RULES.linkedin.maxLength).toBe(3000);
    expect(PLATFORM_RULES.instagram.maxLength).toBe(2200);
    expect(PLATFORM_RULES.instagram.hashtags.max).toBe(30);
  });

  it('counts X links as 23 characters and emoji once', () => {
    const text = 'Read this https://example.com/a/very/long/path/that/goes/on/and/on 🚀';
    expect(platformLength(text, 'twitter')).toBe('Read this '.length + 23 + 2);
    expect(platformLength(text, 'linkedin')).toBe([...text].length);
  });

  it('recognizes platform names', () => {
    expect(isPlatform('linkedin')).toBe(true);
    expect(isPlatform('myspace')).toBe(false);
    expect(isPlatform(undefined)).toBe(false);
  });
});
