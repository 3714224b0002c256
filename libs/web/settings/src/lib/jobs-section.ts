import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AdminService, JobStatusResponseDto, JobsResponseDto } from '@postprober/api-client';
import { StatusBadge, StatusTone } from '@postprober/web/ui';
import { describeApiError } from '@postprober/web/util';

export interface JobHealth {
  readonly tone: StatusTone;
  readonly label: string;
}

/** A job is failing when its latest error is newer than its latest success. */
export function jobHealth(job: JobStatusResponseDto): JobHealth {
  if (!job.last_run_at) return { tone: 'neutral', label: 'Not run yet' };
  const lastError = job.last_error_at ? Date.parse(job.last_error_at) : null;
  const lastSuccess = job.last_success_at ? Date.parse(job.last_success_at) : null;
  if (lastError !== null && (lastSuccess === null || lastError > lastSuccess)) {
    return { tone: 'error', label: 'Failing' };
  }
  if (lastSuccess === null) return { tone: 'neutral', label: 'Running' };
  return { tone: 'ok', label: 'Healthy' };
}

const BACKEND_LABELS: Record<string, string> = {
  bull: 'Redis (Bull)',
  'in-process': 'In-process',
};

/** Background jobs (GET /api/admin/jobs): when each last ran, succeeded and failed. */
@Component({
  selector: 'pp-jobs-section',
  imports: [DatePipe, StatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './jobs-section.html',
  styleUrl: './settings-section.css',
})
export class JobsSection {
  private readonly api = inject(AdminService);

  protected readonly report = signal<JobsResponseDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly jobHealth = jobHealth;

  constructor() {
    void this.load();
  }

  protected backendLabel(backend: string): string {
    return BACKEND_LABELS[backend] ?? backend;
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.report.set(await this.api.listJobs());
    } catch (error) {
      this.loadError.set(describeApiError(error).message);
    } finally {
      this.loading.set(false);
    }
  }
}
