import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '../../auth/auth.decorators';
import type { User } from '../entities/user.entity';

export class UserResponseDto {
  @ApiProperty({ example: '7d1c3a52-4b6e-4f0a-9c1e-2f5b8a9d0e11' })
  id: string;
  @ApiProperty({ example: 'ana@example.com' })
  email: string;
  @ApiProperty({ example: 'Ana Admin' })
  name: string;
  @ApiProperty({ example: 'admin', enumName: 'Role', enum: ['admin', 'member'] })
  role: Role;
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z', format: 'date-time' })
  created_at: string;
  @ApiProperty({ example: '2026-11-21T08:00:00.000Z', format: 'date-time' })
  last_login_at: string | null;

  static from(u: User): UserResponseDto {
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      created_at: u.createdAt.toISOString(),
      last_login_at: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    };
  }
}

export class OrganizationResponseDto {
  @ApiProperty({ example: '5f0e2d1c-9a8b-4c7d-8e6f-1a2b3c4d5e6f' })
  id: string;
  @ApiProperty({ example: 'Acme Marketing' })
  name: string;
}
