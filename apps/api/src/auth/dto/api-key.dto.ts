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
  @ApiProperty({ example: 'CMS integration' })
  name: string;

  /** Role the key acts with (default member). */
  @ApiProperty({ example: 'member', enumName: 'Role', enum: ['admin', 'member'], required: false })
  @IsOptional()
  @IsIn(['admin', 'member'])
  role?: Role;
}

export class ApiKeyResponseDto {
  @ApiProperty({ example: '7d1c3a52-4b6e-4f0a-9c1e-2f5b8a9d0e11' })
  id: string;
  @ApiProperty({ example: 'CMS integration' })
  name: string;
  /** First characters of the key, to tell keys apart. */
  @ApiProperty({ example: 'ppk_3kX9q7Lm' })
  prefix: string;
  @ApiProperty({ example: 'member', enumName: 'Role', enum: ['admin', 'member'] })
  role: Role;
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  created_at: string;
  @ApiProperty({ example: '2026-11-21T14:05:12.000Z', format: 'date-time' })
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
  @ApiProperty({ example: 'ppk_3kX9q7LmZ2vR8tYw1NcB5hJd0sFe4gAu' })
  key: string;
}
