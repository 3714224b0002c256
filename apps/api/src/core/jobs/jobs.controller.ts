import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../http/access.decorators';
import { JobsResponseDto, JobStatusResponseDto } from './dto/jobs-response.dto';
import { JOBS_PORT, JobsPort } from './jobs.port';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/jobs')
export class JobsController {
  constructor(@Inject(JOBS_PORT) private readonly jobs: JobsPort) {}

  @ApiOperation({
    summary: 'List background jobs',
    description: 'Every registered background job with its last run, last error and counters.',
  })
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: JobsResponseDto })
  async listJobs(): Promise<JobsResponseDto> {
    const jobs = await this.jobs.status();
    return { backend: this.jobs.backend, jobs: jobs.map(JobStatusResponseDto.from) };
  }
}
