import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { BuiltinLlmAdapter } from '../../src/llm/builtin-llm.adapter';
import { LlmUsageRecord, LlmUsageService } from '../../src/llm/llm-usage.service';
import { LLM_PORT, LlmPort } from '../../src/llm/llm.port';
import { createTestDatabase } from '../support/test-database';
import { CaptureLogger, createLlmTestModule } from './llm-test-module';

/* LlmModule without OPENAI_API_KEY, and the usage summary, on a real Postgres database. */
describe('LlmModule without an API key; LlmUsageService', () => {
  let db: { url: string; drop(): Promise<void> };
  let module: TestingModule;
  let logs: CaptureLogger;
  let dataSource: DataSource;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ module, logs } = await createLlmTestModule({ DATABASE_URL: db.url, OPENAI_MODEL: 'gpt-test' }));
    dataSource = module.get(DataSource);
    [{ id: orgA }, { id: orgB }] = await dataSource.query(`INSERT INTO organizations (name) VALUES ('A'), ('B') RETURNING id`);
  });

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  it('provides the builtin engine, says so at start, and records no usage for its answers', async () => {
    const llm = module.get<LlmPort>(LLM_PORT);
    expect(llm).toBeInstanceOf(BuiltinLlmAdapter);
    expect(llm.engine).toBe('builtin');
    expect(logs.at('log')).toContain('LLM engine: builtin (OPENAI_API_KEY is not set)');

    const answer = await llm.structured({
      organizationId: orgA,
      operation: 'hashtags',
      system: 'Suggest hashtags.',
      input: 'A post',
      schema: z.object({ tags: z.array(z.string()) }),
      schemaName: 'tags',
      builtin: async () => ({ tags: ['#post'] }),
    });
    expect(answer).toEqual({ data: { tags: ['#post'] }, engine: 'builtin', model: 'builtin', fallback: false });
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM llm_usage`)).toEqual([{ n: 0 }]);
  });

  it('sums usage per operation for one organization, optionally since a date', async () => {
    const usage = module.get(LlmUsageService);
    const row = (organizationId: string, operation: string, p: number, c: number, fallback = false): LlmUsageRecord => ({
      organizationId,
      operation,
      engine: fallback ? 'builtin' : 'openai',
      model: 'gpt-test',
      promptTokens: p,
      completionTokens: c,
      fallback,
      latencyMs: 100,
    });
    for (const r of [
      row(orgA, 'optimize', 100, 20),
      row(orgA, 'optimize', 50, 0, true),
      row(orgA, 'hashtags', 30, 5),
      row(orgA, 'hashtags', 7, 7), // backdated below
      row(orgB, 'optimize', 999, 999),
    ]) {
      await usage.record(r);
    }
    await dataSource.query(`UPDATE llm_usage SET created_at = now() - interval '10 days' WHERE prompt_tokens = 7`);

    expect(await usage.summary(orgA)).toEqual({
      since: null,
      total: { requests: 4, promptTokens: 187, completionTokens: 32, fallbacks: 1 },
      operations: [
        { operation: 'hashtags', requests: 2, promptTokens: 37, completionTokens: 12, fallbacks: 0 },
        { operation: 'optimize', requests: 2, promptTokens: 150, completionTokens: 20, fallbacks: 1 },
      ],
    });
    const since = new Date(Date.now() - 24 * 3600_000);
    const recent = await usage.summary(orgA, since);
    expect(recent.since).toEqual(since);
    expect(recent.operations.find((o) => o.operation === 'hashtags')).toEqual({
      operation: 'hashtags',
      requests: 1,
      promptTokens: 30,
      completionTokens: 5,
      fallbacks: 0,
    });
    expect((await usage.summary(orgB)).total).toEqual({ requests: 1, promptTokens: 999, completionTokens: 999, fallbacks: 0 });
  });
});
