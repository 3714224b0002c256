import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';

export class LivezResponseDto {
  status: 'ok';
}

@ApiTags('system')
@Controller('livez')
export class LivezController {
  /** Liveness only: the process answers HTTP. Touches no dependency (see /api/healthz for readiness). */
  @Public()
  @Get()
  getLivez(): LivezResponseDto {
    return { status: 'ok' };
  }
}
