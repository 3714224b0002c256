import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { RESPONSE_CACHE, type ResponseCache } from '../../core/cache/response-cache.port';
import { TRENDING_TAGS, type TrendingTagsPort } from '../../core/ports/trending-tags.port';
import { LLM_PORT, type LlmPort, type StructuredTask } from '../../llm/llm.port';
import { OrganizationSettingsService } from '../../organizations/organization-settings.service';
import { OrganizationsModule } from '../../organizations/organizations.module';
import { HashtagGeneratorModule } from './hashtag-generator.module';
import { HashtagGeneratorService } from './hashtag-generator.service';

/** The built-in engine answers; the cache stores nothing. Strict: only what the kit calls. */
const builtinLlm: LlmPort = {
  engine: 'builtin',
  structured: async <T>(task: StructuredTask<T>) => ({ data: await task.builtin(), engine: 'builtin' as const, model: 'builtin', fallback: false }),
};
const noCache: ResponseCache = { get: async () => null, set: async () => undefined } as unknown as ResponseCache;

@Global()
@Module({ providers: [{ provide: LLM_PORT, useValue: builtinLlm }, { provide: RESPONSE_CACHE, useValue: noCache }], exports: [LLM_PORT, RESPONSE_CACHE] })
class FakeSpineModule {}

@Module({ providers: [{ provide: OrganizationSettingsService, useValue: { brandedHashtags: async () => [] } }], exports: [OrganizationSettingsService] })
class FakeOrganizationsModule {}

/** Stands in for the module that owns trending data: global, provides and exports TRENDING_TAGS. */
const trends: TrendingTagsPort = { topTags: async () => [{ tag: '#SpaceWeek', score: 9 }] };
@Global()
@Module({ providers: [{ provide: TRENDING_TAGS, useValue: trends }], exports: [TRENDING_TAGS] })
class FakeTrendingModule {}

async function generatorWith(extra: unknown[]): Promise<HashtagGeneratorService> {
  const moduleRef = await Test.createTestingModule({ imports: [FakeSpineModule, ...(extra as never[]), HashtagGeneratorModule] })
    .overrideModule(OrganizationsModule)
    .useModule(FakeOrganizationsModule)
    .compile();
  return moduleRef.get(HashtagGeneratorService);
}

const POST = 'Our rocket launch livestream starts at noon: rockets, space and science for everyone.';

describe('TRENDING_TAGS is provided by the module that owns the data', () => {
  it('reaches the hashtag generator from another module, without editing the generator module', async () => {
    const result = await (await generatorWith([FakeTrendingModule])).generate('org-1', POST, 'instagram');
    expect(result.hashtags).toEqual(expect.arrayContaining([expect.objectContaining({ tag: '#SpaceWeek', category: 'trending' })]));
  });

  it('means no trending tags when no module provides it', async () => {
    const result = await (await generatorWith([])).generate('org-1', POST, 'instagram');
    expect(result.hashtags.length).toBeGreaterThan(0);
    expect(result.hashtags.filter((h) => h.category === 'trending')).toEqual([]);
  });
});
