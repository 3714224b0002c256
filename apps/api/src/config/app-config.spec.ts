import { ConfigError, parseConfig } from './app-config';

describe('parseConfig', () => {
  it('runs with no configuration at all (embedded defaults)', () => {
    const c = parseConfig({});
    expect(c.http.port).toBe(3000);
    expect(c.db.url).toBeUndefined();
    expect(c.db.dataDir).toBe('./data');
    expect(c.redis.url).toBeUndefined();
    expect(c.llm.apiKey).toBeUndefined();
    expect(c.role).toBe('all');
  });

  it('treats empty strings from .env files as unset', () => {
    const c = parseConfig({ DATABASE_URL: '', REDIS_URL: '', OPENAI_API_KEY: '' });
    expect(c.db.url).toBeUndefined();
    expect(c.redis.url).toBeUndefined();
    expect(c.llm.apiKey).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must be a URL starting with postgres:// or postgresql://'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ API_ROLE: 'boss' }, 'API_ROLE'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET: must be at least 32 characters'],
    [{ ADMIN_EMAIL: 'a@b.c' }, 'ADMIN_EMAIL, ADMIN_PASSWORD: set both or neither'],
    [{ API_ROLE: 'worker' }, 'API_ROLE: "worker" needs REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('rejects %j naming the variable', (env, expected) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(expected);
  });

  it('parses lists, numbers and booleans', () => {
    const c = parseConfig({
      CORS_ORIGINS: 'https://a.example, https://b.example',
      BODY_LIMIT_BYTES: '2048',
      TRUST_PROXY: 'true',
      REDIS_URL: 'redis://127.0.0.1:6379',
      API_ROLE: 'worker',
    });
    expect(c.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.http.bodyLimit).toBe(2048);
    expect(c.http.trustProxy).toBe(true);
    expect(c.role).toBe('worker');
  });
});
