import type { Platform } from '@postprober/shared/platforms';

/** A hashtag that is currently trending for an organization's audience on one platform. */
export interface TrendingTag {
  /** Well-formed tag with its leading "#", e.g. "#AI". */
  tag: string;
  /** Relative popularity; higher is hotter. Only the order matters. */
  score: number;
}

/**
 * Where tools read trending hashtags from. The module that owns the data provides it: a `@Global()`
 * module with `{ provide: TRENDING_TAGS, useClass: ... }` in its providers and exports. Consumers inject it
 * `@Optional()` and use NO_TRENDING_TAGS when nobody provides it, so neither side edits the other.
 */
export interface TrendingTagsPort {
  /** The organization's top trending tags on the platform, hottest first, at most `limit`. */
  topTags(organizationId: string, platform: Platform, limit: number): Promise<TrendingTag[]>;
}

export const TRENDING_TAGS = Symbol('TRENDING_TAGS');

/** What a consumer uses while no module provides TRENDING_TAGS: knows no trends. */
export const NO_TRENDING_TAGS: TrendingTagsPort = {
  topTags: async () => [],
};
