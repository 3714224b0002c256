import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { PLATFORMS, Platform } from '@postprober/shared/platforms';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class GenerateHashtagsDto {
  /**
   * The post to suggest hashtags for (at most 10,000 characters). Hashtags it already contains are not suggested again.
   * @example "Our new guide to content strategy for B2B marketing teams is out."
   */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'content must not be empty' })
  @MaxLength(10_000)
  content: string;

  /** Platform the post is for: decides how many hashtags to suggest. */
  @ApiProperty({ enumName: 'Platform', enum: PLATFORMS, example: 'linkedin' })
  @IsIn(PLATFORMS, { message: `platform must be one of: ${PLATFORMS.join(', ')}` })
  platform: Platform;
}
