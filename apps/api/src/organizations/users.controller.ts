import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Principal, Roles } from '../auth/auth.decorators';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CreateUserDto } from './dto/create-user.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({
    summary: 'List users',
    description: 'People in your organization.',
  })
  @Roles('admin')
  @Get()
  async listUsers(@Principal() p: AuthPrincipal): Promise<UserResponseDto[]> {
    return (await this.users.list(p.organizationId)).map(UserResponseDto.from);
  }

  @ApiOperation({
    summary: 'Add a user',
    description: 'Adds a member or admin to your organization.',
  })
  @Roles('admin')
  @Post()
  async createUser(@Principal() p: AuthPrincipal, @Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.create(p.organizationId, dto));
  }
}
