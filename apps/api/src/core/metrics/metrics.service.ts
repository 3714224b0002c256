import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of this process. Features may add their own to `registry`. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'http_server_errors_total',
    help: 'Responses with status 5xx',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Route templates (not raw URLs) keep label cardinality bounded. */
  observe(method: string, route: string, status: number, ms: number): void {
    this.duration.observe({ method, route, status: String(status) }, ms / 1000);
    if (status >= 500) this.errors.inc({ route });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
