import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '../../auth/auth.decorators';
import type { User } from '../entities/user.entity';

export class UserResponseDto {
  id: string;
  email: string;
  name: string;
  @ApiProperty({ enum: ['admin', 'member'] })
  role: Role;
  created_at: string;
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
  id: string;
  name: string;
}
