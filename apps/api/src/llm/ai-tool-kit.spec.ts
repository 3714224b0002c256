import { Logger } from '@nestjs/common';
import { z } from 'zod';
import type { ResponseCache } from '../core/cache/response-cache.port';
import { AiToolKit, AiToolTask, aiEnvelope } from './ai-tool-kit';
import type { LlmAnswer, LlmPort, StructuredTask } from './llm.port';

type Answer = { text: string };
const TASK: AiToolTask<string, Answer, { text: string; length: number }> = {
  operation: 'echo',
  cacheTtlSeconds: 60,
  cacheKey: (input) => input,
  prompt: (input) => ({ system: 'Echo.', input, schema: z.object({ text: z.string() }), schemaName: 'echo', builtin: () => ({ text: input }) }),
  result: (a) => ({ text: a.text, length: a.text.length }),
};

/** Strict fakes: anything not scripted throws. */
class FakeLlm implements LlmPort {
  readonly engine = 'openai' as const;
  calls = 0;
  constructor(private readonly answer: Partial<LlmAnswer<Answer>>) {}
  async structured<T>(task: StructuredTask<T>): Promise<LlmAnswer<T>> {
    this.calls++;
    return { data: await task.builtin(), engine: 'openai', model: 'm', fallback: false, ...this.answer } as LlmAnswer<T>;
  }
}
class FakeCache implements ResponseCache {
  readonly stored: { key: string; value: unknown; ttl: number }[] = [];
  constructor(private readonly behaviour: { get?: 'fail' | unknown; set?: 'fail' } = {}) {}
  async get<T>(): Promise<T | null> {
    if (this.behaviour.get === 'fail') throw new Error('relation "ai_response_cache" does not exist');
    return (this.behaviour.get as T) ?? null;
  }
  async set<T>(_org: string, _ns: string, key: string, value: T, ttl: number): Promise<void> {
    if (this.behaviour.set === 'fail') throw new Error('relation "ai_response_cache" does not exist');
    this.stored.push({ key, value, ttl });
  }
}
const settle = () => new Promise((r) => setImmediate(r));

describe('AiToolKit', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('asks the model, returns the result with its meta fields, and stores it under the engine-prefixed key', async () => {
    const cache = new FakeCache();
    const out = await new AiToolKit(new FakeLlm({}), cache).run(TASK, 'org', 'hi');
    expect(out).toEqual({ text: 'hi', length: 2, engine: 'openai', fallback: false, cached: false });
    await settle();
    expect(cache.stored).toEqual([{ key: 'openai|hi', value: out, ttl: 60 }]);
  });

  it('answers from the cache with cached: true, without asking the model', async () => {
    const llm = new FakeLlm({});
    const out = await new AiToolKit(llm, new FakeCache({ get: { text: 'x', length: 1, engine: 'openai', fallback: false, cached: false } })).run(TASK, 'org', 'x');
    expect(out).toEqual({ text: 'x', length: 1, engine: 'openai', fallback: false, cached: true });
    expect(llm.calls).toBe(0);
  });

  it('still answers when the cache lookup fails', async () => {
    const out = await new AiToolKit(new FakeLlm({}), new FakeCache({ get: 'fail' })).run(TASK, 'org', 'hi');
    expect(out).toMatchObject({ text: 'hi', cached: false });
  });

  it('still answers when the cache store fails', async () => {
    const out = await new AiToolKit(new FakeLlm({}), new FakeCache({ set: 'fail' })).run(TASK, 'org', 'hi');
    await settle();
    expect(out).toMatchObject({ text: 'hi', engine: 'openai', cached: false });
  });

  it('does not cache a fallback', async () => {
    const cache = new FakeCache();
    const out = await new AiToolKit(new FakeLlm({ engine: 'builtin', model: 'builtin', fallback: true }), cache).run(TASK, 'org', 'hi');
    await settle();
    expect(out).toMatchObject({ engine: 'builtin', fallback: true, cached: false });
    expect(cache.stored).toEqual([]);
  });

  it('wraps a result in the response envelope', async () => {
    const body = await aiEnvelope(async () => ({ a: 1 }));
    expect(Object.keys(body)).toEqual(['success', 'result', 'processing_time']);
    expect(body).toMatchObject({ success: true, result: { a: 1 } });
  });
});
