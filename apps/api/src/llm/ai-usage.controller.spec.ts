import { ValidationPipe } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AiUsageController } from './ai-usage.controller';
import { LlmUsageService, LlmUsageSummary } from './llm-usage.service';

describe('AiUsageController', () => {
  let app: NestFastifyApplication;
  const calls: { organizationId: string; since?: Date }[] = [];
  const summary: LlmUsageSummary = {
    since: null,
    total: { requests: 3, promptTokens: 300, completionTokens: 90, fallbacks: 1 },
    operations: [
      { operation: 'generate-hashtags', requests: 1, promptTokens: 100, completionTokens: 30, fallbacks: 0 },
      { operation: 'optimize-content', requests: 2, promptTokens: 200, completionTokens: 60, fallbacks: 1 },
    ],
  };
  const get = (query = '') => app.inject({ method: 'GET', url: `/api/ai-usage${query}` });

  beforeAll(async () => {
    const usage: Pick<LlmUsageService, 'summary'> = {
      summary: async (organizationId, since) => {
        calls.push({ organizationId, since });
        return summary;
      },
    };
    const moduleRef = await Test.createTestingModule({
      controllers: [AiUsageController],
      providers: [{ provide: LlmUsageService, useValue: usage }],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    app.getHttpAdapter().getInstance().addHook('onRequest', async (req) => {
      (req as unknown as { principal: unknown }).principal = { kind: 'user', id: 'u1', organizationId: 'org-1', role: 'admin' };
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('answers the organization’s usage in snake_case over the last 30 days by default', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      since: expect.any(String),
      total: { requests: 3, prompt_tokens: 300, completion_tokens: 90, fallbacks: 1 },
      operations: [
        { operation: 'generate-hashtags', requests: 1, prompt_tokens: 100, completion_tokens: 30, fallbacks: 0 },
        { operation: 'optimize-content', requests: 2, prompt_tokens: 200, completion_tokens: 60, fallbacks: 1 },
      ],
    });
    const last = calls.at(-1);
    expect(last?.organizationId).toBe('org-1');
    expect(Math.abs(Date.now() - 30 * 86_400_000 - (last?.since?.getTime() ?? 0))).toBeLessThan(5_000);
    expect(body.since).toBe(last?.since?.toISOString());
  });

  it('takes ?days= from 1 to 365', async () => {
    expect((await get('?days=1')).statusCode).toBe(200);
    expect(Math.abs(Date.now() - 86_400_000 - (calls.at(-1)?.since?.getTime() ?? 0))).toBeLessThan(5_000);
    expect((await get('?days=365')).statusCode).toBe(200);
    for (const bad of ['0', '366', '1.5', 'abc']) {
      const res = await get(`?days=${bad}`);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().message)).toContain('days');
    }
  });
});
