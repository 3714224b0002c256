import { ApiProperty } from '@nestjs/swagger';
import { PLATFORMS, type Platform } from '@postprober/shared/platforms';
import type { Draft } from '../entities/draft.entity';

export class DraftResponseDto {
  id: string;
  @ApiProperty({ enum: PLATFORMS })
  platform: Platform;
  content: string;
  hashtags: string[];
  created_at: string;
  updated_at: string;

  static from(d: Draft): DraftResponseDto {
    return {
      id: d.id,
      platform: d.platform,
      content: d.content,
      hashtags: d.hashtags,
      created_at: d.createdAt.toISOString(),
      updated_at: d.updatedAt.toISOString(),
    };
  }
}
