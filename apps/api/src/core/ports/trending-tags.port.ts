import type { Platform } from '@postprober/shared/platforms';

/** A hashtag that is currently trending for an organization's audience on one platform. */
export interface TrendingTag {
  /** Well-formed tag with its leading "#", e.g. "#AI". */
  tag: string;
  /** Relative popularity; higher is hotter. Only the order matters. */
  score: number;
}

/**
 * Where tools read trending hashtags from. The trending analyzer (a later issue) provides the real
 * adapter; until then tools bind a default that knows no trends.
 */
export interface TrendingTagsPort {
  /** The organization's top trending tags on the platform, hottest first, at most `limit`. */
  topTags(organizationId: string, platform: Platform, limit: number): Promise<TrendingTag[]>;
}

export const TRENDING_TAGS = Symbol('TRENDING_TAGS');
