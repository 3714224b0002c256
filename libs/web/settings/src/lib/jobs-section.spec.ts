import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { JobStatusResponseDto } from '@postprober/api-client';
import { JobsSection, jobHealth } from './jobs-section';
import { byTestId, settle } from './testing';

const job = (patch: Partial<JobStatusResponseDto>): JobStatusResponseDto => ({
  name: 'health-sweep',
  last_run_at: null,
  last_success_at: null,
  last_error_at: null,
  last_error: null,
  runs: 0,
  failures: 0,
  ...patch,
});

describe('jobHealth', () => {
  it('tells apart jobs that never ran, are healthy and are failing', () => {
    expect(jobHealth(job({})).label).toBe('Not run yet');
    expect(
      jobHealth(job({ last_run_at: '2026-11-25T10:00:00Z', last_success_at: '2026-11-25T10:00:01Z' })).tone,
    ).toBe('ok');
    expect(
      jobHealth(
        job({
          last_run_at: '2026-11-25T10:05:00Z',
          last_success_at: '2026-11-25T10:00:01Z',
          last_error_at: '2026-11-25T10:05:01Z',
        }),
      ).tone,
    ).toBe('error');
    expect(
      jobHealth(
        job({
          last_run_at: '2026-11-25T10:10:00Z',
          last_success_at: '2026-11-25T10:10:01Z',
          last_error_at: '2026-11-25T10:05:01Z',
        }),
      ).tone,
    ).toBe('ok');
  });
});

describe('JobsSection', () => {
  it('shows each job from /api/admin/jobs with its queue backend', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(JobsSection);
    await fixture.whenStable();

    http.expectOne('/api/admin/jobs').flush({
      backend: 'in-process',
      jobs: [
        job({
          last_run_at: '2026-11-25T10:05:00Z',
          last_error_at: '2026-11-25T10:05:01Z',
          last_error: 'platform timed out',
          runs: 3,
          failures: 1,
        }),
      ],
    });
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;

    expect(byTestId(el, 'jobs-backend').textContent).toBe('In-process');
    const rows = el.querySelectorAll('[data-testid="job-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('health-sweep');
    expect(rows[0].textContent).toContain('Failing');
    expect(rows[0].textContent).toContain('platform timed out');
    http.verify();
  });
});
