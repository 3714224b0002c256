import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { trim, trimLower } from '../dto/create-user.dto';
import { OrganizationResponseDto, UserResponseDto } from '../dto/user-response.dto';

/** A customer organization with its first admin (the first-run setup uses the same fields). */
export class CreateOrganizationDto {
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @ApiProperty({ example: 'Acme Marketing' })
  organization_name: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @ApiProperty({ example: 'Ana Admin' })
  name: string;

  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  @ApiProperty({ example: 'ana@example.com' })
  email: string;

  @IsString()
  @Length(10, 200)
  @ApiProperty({ example: 'correct horse battery' })
  password: string;
}

export class CreatedOrganizationResponseDto {
  organization: OrganizationResponseDto;
  /** The organization's first admin; they sign in with the email and password given. */
  admin: UserResponseDto;
}
