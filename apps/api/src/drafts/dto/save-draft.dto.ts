import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DRAFT_HASHTAG_PATTERN, PLATFORMS, type Platform } from '@postprober/shared/platforms';

export const MAX_DRAFT_LENGTH = 10_000;
export const MAX_DRAFT_HASHTAGS = 30;

/** Accepts "tag" or "#tag" and stores "#tag", so the client need not care. */
const withHash = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((tag) => (typeof tag === 'string' && !tag.trim().startsWith('#') ? `#${tag.trim()}` : typeof tag === 'string' ? tag.trim() : tag))
    : value;

/** Body of createDraft and updateDraft: the whole draft (PUT replaces it). */
export class SaveDraftDto {
  @ApiProperty({ example: 'linkedin', enumName: 'Platform', enum: PLATFORMS })
  @IsIn(PLATFORMS, { message: `platform must be one of: ${PLATFORMS.join(', ')}` })
  platform: Platform;

  /** The post text, up to 10,000 characters (platform limits are checked when publishing, not here). */
  @IsString()
  @MaxLength(MAX_DRAFT_LENGTH, { message: `content must be at most ${MAX_DRAFT_LENGTH} characters` })
  @ApiProperty({ example: 'Three lessons from our first year of B2B content.' })
  content: string;

  /** Up to 30 hashtags such as "#marketing"; a missing "#" is added. Omitted on create: none; on update: none. */
  @IsOptional()
  @Transform(withHash)
  @IsArray()
  @ArrayMaxSize(MAX_DRAFT_HASHTAGS, { message: `hashtags must contain at most ${MAX_DRAFT_HASHTAGS} items` })
  @IsString({ each: true })
  @Matches(DRAFT_HASHTAG_PATTERN, { each: true, message: 'each value in hashtags must be "#" followed by letters, digits or underscores (at most 100 characters)' })
  @ApiProperty({ example: ['#ContentStrategy'] })
  hashtags?: string[];
}
