import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { trimLower } from '../../organizations/dto/create-user.dto';

export class LoginDto {
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  @ApiProperty({ example: 'ana@example.com' })
  email: string;

  @IsString()
  @Length(1, 200)
  @ApiProperty({ example: 'correct horse battery' })
  password: string;
}
