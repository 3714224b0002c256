import { ApiProperty } from '@nestjs/swagger';
import { PLATFORMS, type Platform } from '@postprober/shared/platforms';
import type { Draft } from '../entities/draft.entity';

export class DraftResponseDto {
  @ApiProperty({ example: '3b9e6f21-8c4d-4a7b-b1e2-6d0f9a8c7e55' })
  id: string;
  @ApiProperty({ example: 'linkedin', enumName: 'Platform', enum: PLATFORMS })
  platform: Platform;
  @ApiProperty({ example: 'Three lessons from our first year of B2B content.' })
  content: string;
  @ApiProperty({ example: ['#ContentStrategy'] })
  hashtags: string[];
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  created_at: string;
  @ApiProperty({ example: '2026-11-20T10:15:00.000Z', format: 'date-time' })
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
