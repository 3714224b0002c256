import { ApiProperty, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { CreateUserDto, trim } from '../dto/create-user.dto';
import { OrganizationResponseDto, UserResponseDto } from '../dto/user-response.dto';

/** A customer organization with its first admin (the first-run setup uses the same fields). */
export class CreateOrganizationDto extends PickType(CreateUserDto, ['name', 'email', 'password'] as const) {
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @ApiProperty({ example: 'Acme Marketing' })
  organization_name: string;
}

export class CreatedOrganizationResponseDto {
  organization: OrganizationResponseDto;
  /** The organization's first admin; they sign in with the email and password given. */
  admin: UserResponseDto;
}
