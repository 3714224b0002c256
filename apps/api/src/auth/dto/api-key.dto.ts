import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { trim } from '../../organizations/dto/create-user.dto';
import { Transform } from 'class-transformer';
import type { Role } from '../auth.decorators';
import type { ApiKey } from '../entities/api-key.entity';

export class CreateApiKeyDto {
  /** What the key is for, e.g. "CMS integration". */
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name: string;

  /** Role the key acts with (default member). */
  @ApiProperty({ enum: ['admin', 'member'], required: false })
  @IsOptional()
  @IsIn(['admin', 'member'])
  role?: Role;
}

export class ApiKeyResponseDto {
  id: string;
  name: string;
  /** First characters of the key, to tell keys apart. */
  prefix: string;
  @ApiProperty({ enum: ['admin', 'member'] })
  role: Role;
  created_at: string;
  last_used_at: string | null;

  static from(k: ApiKey): ApiKeyResponseDto {
    return {
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      role: k.role,
      created_at: k.createdAt.toISOString(),
      last_used_at: k.lastUsedAt ? k.lastUsedAt.toISOString() : null,
    };
  }
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  /** The key itself. Shown once: only its hash is stored. Send it as `X-API-Key`. */
  key: string;
}
