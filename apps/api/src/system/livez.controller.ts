import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { WithoutDatabase } from '../core/http/openapi-errors';

export class LivezResponseDto {
  @ApiProperty({ enum: ['ok'], enumName: 'LivezStatus', example: 'ok', description: 'Always "ok": an answer at all is the signal.' })
  status: 'ok';
}

@ApiTags('system')
@Controller('livez')
export class LivezController {
  @ApiOperation({
    summary: 'Liveness probe',
    description: 'Liveness only: the process answers HTTP. Touches no dependency (see /api/healthz for readiness).',
  })
  @Public()
  @WithoutDatabase()
  @Get()
  getLivez(): LivezResponseDto {
    return { status: 'ok' };
  }
}
