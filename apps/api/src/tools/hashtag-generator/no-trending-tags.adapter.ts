import { Injectable } from '@nestjs/common';
import type { TrendingTag, TrendingTagsPort } from '../../core/ports/trending-tags.port';

/**
 * Default TRENDING_TAGS binding: knows no trends, so suggestions carry no "trending" tags. The trending
 * analyzer (a later issue) will provide the real adapter and this binding will be replaced by it.
 */
@Injectable()
export class NoTrendingTagsAdapter implements TrendingTagsPort {
  async topTags(): Promise<TrendingTag[]> {
    return [];
  }
}
