import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeController, ApiSecurity } from '@nestjs/swagger';
import { Roles } from '../http/access.decorators';
import { MetricsService } from './metrics.service';

/** Prometheus scrape endpoint at /metrics (admin JWT or an admin API key as a bearer token). */
@ApiExcludeController()
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Roles('admin')
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  getMetrics(): Promise<string> {
    return this.metrics.render();
  }
}
