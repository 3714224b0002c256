import { PLATFORMS, type Platform } from '@postprober/shared/platforms';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

export const MAX_CONTENT_LENGTH = 10_000;

export class OptimizeContentDto {
  /** The post to optimize, as the user wrote it (1 to 10,000 characters). */
  @IsString({ message: 'content must be a string' })
  @Matches(/\S/, { message: 'content must not be empty' })
  @MaxLength(MAX_CONTENT_LENGTH, { message: `content must be at most ${MAX_CONTENT_LENGTH} characters` })
  @ApiProperty({ example: 'Three lessons from our first year of B2B content.' })
  content: string;

  /** The platform to optimize for. */
  @ApiProperty({ example: 'linkedin', enum: PLATFORMS, enumName: 'Platform' })
  @IsIn(PLATFORMS, { message: `platform must be one of: ${PLATFORMS.join(', ')}` })
  platform: Platform;
}
