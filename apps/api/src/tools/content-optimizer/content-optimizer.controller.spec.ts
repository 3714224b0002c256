import { ValidationPipe } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { RESPONSE_CACHE } from '../../core/cache/response-cache.port';
import { AiToolKit } from '../../llm/ai-tool-kit';
import { BuiltinLlmAdapter } from '../../llm/builtin-llm.adapter';
import { LLM_PORT } from '../../llm/llm.port';
import { ContentOptimizerController } from './content-optimizer.controller';
import { ContentOptimizerService } from './content-optimizer.service';

describe('ContentOptimizerController', () => {
  let app: NestFastifyApplication;
  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/optimize-content', payload: payload as object });

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [ContentOptimizerController],
      providers: [
        ContentOptimizerService,
        AiToolKit,
        { provide: LLM_PORT, useValue: new BuiltinLlmAdapter() },
        { provide: RESPONSE_CACHE, useValue: { get: async () => null, set: async () => undefined } },
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    // Stands in for the global AuthGuard, which sets the principal.
    app.getHttpAdapter().getInstance().addHook('onRequest', async (req) => {
      (req as unknown as { principal: unknown }).principal = { kind: 'user', id: 'u1', organizationId: 'org-1', role: 'member' };
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('answers 200 with the result and the processing time in seconds', async () => {
    const res = await post({ content: 'Our bakery turns 10 this Saturday.', platform: 'facebook' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ success: true, result: expect.objectContaining({ engine: 'builtin', platform: 'facebook', cached: false }), processing_time: expect.any(Number) });
    expect(body.result.optimized_content).toBe('Our bakery turns 10 this Saturday.\n\nWhat do you think? Let us know in the comments!');
    expect(body.result.improvements).toEqual(["83 characters, in Facebook's optimal 40–250 (+15)", 'Added a call to action (+10)']);
    expect(body.processing_time).toBeLessThan(1);
  });

  it.each([
    [{ content: 'hi', platform: 'tiktok' }, 'platform must be one of: twitter, linkedin, instagram, facebook'],
    [{ content: ' \t\n', platform: 'twitter' }, 'content must not be empty'],
    [{ content: 'x'.repeat(10_001), platform: 'twitter' }, 'content must be at most 10000 characters'],
    [{ content: 42, platform: 'twitter' }, 'content must be a string'],
    [{ content: 'hi', platform: 'twitter', engine: 'openai' }, 'property engine should not exist'],
  ])('rejects %j with 400: %s', async (payload, message) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
  });

  it('accepts exactly 10,000 characters', async () => {
    expect((await post({ content: 'word '.repeat(2000).trim() + 'x'.repeat(1), platform: 'linkedin' })).statusCode).toBe(200);
  });
});
