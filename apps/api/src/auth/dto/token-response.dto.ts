import { ApiProperty } from '@nestjs/swagger';
import { OrganizationResponseDto, UserResponseDto } from '../../organizations/dto/user-response.dto';

export class TokenResponseDto {
  /** JWT to send as `Authorization: Bearer <token>`. */
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI3ZDFjM2E1MiJ9.c2lnbmF0dXJl' })
  access_token: string;
  @ApiProperty({ example: 'Bearer', enumName: 'TokenType', enum: ['Bearer'] })
  token_type: 'Bearer';
  /** Seconds until the token expires. */
  @ApiProperty({ example: 3600, type: 'integer' })
  expires_in: number;
}

export class SetupStatusResponseDto {
  /** True until the first admin exists: the portal then shows the one-time setup. */
  @ApiProperty({ example: false })
  needs_setup: boolean;
}

export class MeResponseDto {
  user: UserResponseDto;
  organization: OrganizationResponseDto;
  /** "user" for a signed-in person, "api-key" for an integrator's key. */
  @ApiProperty({ example: 'user', enumName: 'PrincipalKind', enum: ['user', 'api-key'] })
  principal: 'user' | 'api-key';
}

export class SessionResponseDto {
  @ApiProperty({ example: 'user', enumName: 'PrincipalKind', enum: ['user', 'api-key'] })
  principal: 'user' | 'api-key';
  /** User id, or API key id. */
  @ApiProperty({ example: '7d1c3a52-4b6e-4f0a-9c1e-2f5b8a9d0e11' })
  id: string;
  @ApiProperty({ example: '5f0e2d1c-9a8b-4c7d-8e6f-1a2b3c4d5e6f' })
  organization_id: string;
  @ApiProperty({ example: 'admin', enumName: 'Role', enum: ['admin', 'member'] })
  role: 'admin' | 'member';
}
