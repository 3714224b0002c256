import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import type { Role } from '../../auth/auth.decorators';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  /** Login email; unique across the service. */
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  @ApiProperty({ example: 'sam@example.com' })
  email: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @ApiProperty({ example: 'Sam Member' })
  name: string;

  @IsString()
  @Length(10, 200)
  @ApiProperty({ example: 'a long passphrase' })
  password: string;

  /** "admin" can manage users, API keys and monitors; "member" uses the tools. */
  @ApiProperty({ example: 'member', enumName: 'Role', enum: ['admin', 'member'] })
  @IsIn(['admin', 'member'])
  role: Role;
}

export { trim, trimLower };
