import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { trim, trimLower } from '../../organizations/dto/create-user.dto';

/** First run: creates the organization and its first admin. */
export class SetupDto {
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
