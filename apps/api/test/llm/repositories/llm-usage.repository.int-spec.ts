import type { DataSource } from 'typeorm';
import { LlmUsage } from '../../../src/llm/llm-usage.entity';
import { LlmUsageRepository, type LlmUsageRecord } from '../../../src/llm/llm-usage.repository';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertOrganization } from '../../support/seed';

describe.each(DRIVERS)('LlmUsageRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: LlmUsageRepository;
  let orgA: string;
  let orgB: string;

  const usage = (organizationId: string, operation: string, promptTokens: number, completionTokens: number, fallback = false): LlmUsageRecord => ({
    organizationId,
    operation,
    engine: fallback ? 'builtin' : 'openai',
    model: 'gpt-test',
    promptTokens,
    completionTokens,
    fallback,
    latencyMs: 50,
  });

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, LlmUsage]));
    repo = new LlmUsageRepository(db.getRepository(LlmUsage));
    orgA = await insertOrganization(db, 'A');
    orgB = await insertOrganization(db, 'B');
  }, 120_000);

  afterAll(() => cleanup?.());

  it('totalsByOperation is empty for an organization without usage', async () => {
    expect(await repo.totalsByOperation(orgA)).toEqual([]);
  });

  it('sums per operation, sorted by name, as numbers, for the organization only', async () => {
    await repo.insert(usage(orgA, 'optimize-content', 100, 30));
    await repo.insert(usage(orgA, 'generate-hashtags', 10, 5));
    await repo.insert(usage(orgA, 'optimize-content', 200, 60, true));
    await repo.insert(usage(orgB, 'optimize-content', 9999, 9999));

    expect(await repo.totalsByOperation(orgA)).toEqual([
      { operation: 'generate-hashtags', requests: 1, promptTokens: 10, completionTokens: 5, fallbacks: 0 },
      { operation: 'optimize-content', requests: 2, promptTokens: 300, completionTokens: 90, fallbacks: 1 },
    ]);
    expect(await repo.totalsByOperation(orgB)).toEqual([
      { operation: 'optimize-content', requests: 1, promptTokens: 9999, completionTokens: 9999, fallbacks: 0 },
    ]);
  });

  it('counts only rows created at or after `since`', async () => {
    await db.query(`UPDATE "llm_usage" SET "created_at" = '2020-01-01T00:00:00Z' WHERE "operation" = 'generate-hashtags'`);
    await db.query(`UPDATE "llm_usage" SET "created_at" = '2030-01-01T00:00:00Z' WHERE "prompt_tokens" = 200`);
    expect(await repo.totalsByOperation(orgA, new Date('2029-12-31T00:00:00Z'))).toEqual([
      { operation: 'optimize-content', requests: 1, promptTokens: 200, completionTokens: 60, fallbacks: 1 },
    ]);
    expect((await repo.totalsByOperation(orgA, new Date('2020-01-01T00:00:00Z'))).map((o) => o.operation)).toEqual(['generate-hashtags', 'optimize-content']);
  });

  it('insert rejects a row for an unknown organization (foreign key)', async () => {
    await expect(repo.insert(usage('00000000-0000-4000-8000-000000000000', 'x', 1, 1))).rejects.toThrow(/foreign key|llm_usage_organization_id_fkey/i);
  });
});
