import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';
import { HASHTAG_PATTERN } from '@postprober/shared/platforms';
import type { OrganizationSettings } from '../entities/organization-settings.entity';

const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class UpdateOrganizationSettingsDto {
  /**
   * The brand's own hashtags, merged into every hashtag suggestion (at most 10; each "#" followed by 2–50
   * letters, digits or underscores, at least one a letter). Duplicates (case-insensitive) are dropped.
   * @example ["#AcmeMarketing", "#BuiltWithAcme"]
   */
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(HASHTAG_PATTERN, {
    each: true,
    message: 'branded_hashtags must contain hashtags like #YourBrand: "#" then 2-50 letters, digits or underscores',
  })
  branded_hashtags: string[];
}

export class OrganizationSettingsResponseDto {
  /** The brand's own hashtags, in the order they were saved. */
  @ApiProperty({ example: ['#AcmeMarketing', '#BuiltWithAcme'] })
  branded_hashtags: string[];
  /** When the settings last changed (null: never saved, defaults apply). */
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  updated_at: string | null;

  static from(s: OrganizationSettings | null): OrganizationSettingsResponseDto {
    return { branded_hashtags: s?.brandedHashtags ?? [], updated_at: s ? s.updatedAt.toISOString() : null };
  }
}
