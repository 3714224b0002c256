import { ApiProperty } from '@nestjs/swagger';
import { OrganizationResponseDto, UserResponseDto } from '../../organizations/dto/user-response.dto';

export class TokenResponseDto {
  /** JWT to send as `Authorization: Bearer <token>`. */
  access_token: string;
  @ApiProperty({ enum: ['Bearer'] })
  token_type: 'Bearer';
  /** Seconds until the token expires. */
  expires_in: number;
}

export class SetupStatusResponseDto {
  /** True until the first admin exists: the portal then shows the one-time setup. */
  needs_setup: boolean;
}

export class MeResponseDto {
  user: UserResponseDto;
  organization: OrganizationResponseDto;
  /** "user" for a signed-in person, "api-key" for an integrator's key. */
  @ApiProperty({ enum: ['user', 'api-key'] })
  principal: 'user' | 'api-key';
}

export class SessionResponseDto {
  @ApiProperty({ enum: ['user', 'api-key'] })
  principal: 'user' | 'api-key';
  /** User id, or API key id. */
  id: string;
  organization_id: string;
  @ApiProperty({ enum: ['admin', 'member'] })
  role: 'admin' | 'member';
}
