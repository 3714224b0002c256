import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  CreateMonitorBody,
  HealthApi,
  MONITOR_PLATFORMS,
  Monitor,
  MonitorKind,
  MonitorMethod,
  MonitorPlatform,
  platformLabel,
} from '@postprober/web/data-access';
import { FormAlert } from '@postprober/web/ui';
import { FormSubmission } from '@postprober/web/util';

const LABELS = {
  name: 'Name',
  platform: 'Platform',
  kind: 'Probe kind',
  url: 'URL',
  method: 'Method',
  access_token: 'Access token',
  timeout_ms: 'Timeout',
  interval_seconds: 'Interval',
  expected_status: 'Expected status',
  components: 'Components',
  enabled: 'Enabled',
} as const;
type Field = keyof typeof LABELS;

export const MONITOR_KINDS: readonly { value: MonitorKind; label: string }[] = [
  { value: 'statuspage', label: 'Status page (Statuspage format)' },
  { value: 'platform-api', label: 'Platform API (authenticated, reads rate limits)' },
  { value: 'http', label: 'HTTP endpoint' },
];

/** Add or edit a monitor. The access token is write-only: left empty on edit, the stored one is kept. */
@Component({
  selector: 'pp-monitor-form',
  imports: [ReactiveFormsModule, FormAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './monitor-form.html',
  styleUrl: './monitor-form.css',
})
export class MonitorForm {
  private readonly api = inject(HealthApi);

  /** The monitor to edit, or null to add one. */
  readonly monitor = input<Monitor | null>(null);
  readonly saved = output<Monitor>();
  readonly cancelled = output<void>();

  protected readonly platforms = MONITOR_PLATFORMS;
  protected readonly kinds = MONITOR_KINDS;
  protected readonly platformLabel = platformLabel;
  protected readonly editing = computed(() => this.monitor() !== null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    platform: ['twitter' as MonitorPlatform, Validators.required],
    kind: ['statuspage' as MonitorKind, Validators.required],
    url: ['', [Validators.required, Validators.pattern(/^https?:\/\/\S+$/i)]],
    method: ['GET' as MonitorMethod, Validators.required],
    access_token: [''],
    remove_access_token: [false],
    timeout_ms: [5000, [Validators.required, Validators.min(100), Validators.max(30_000)]],
    interval_seconds: [300, [Validators.required, Validators.min(1)]],
    expected_status: [null as number | null, [Validators.min(100), Validators.max(599)]],
    components: [''],
    enabled: [true],
  });
  private readonly submission = new FormSubmission(this.form, 'monitor-');
  protected readonly submitting = this.submission.submitting;
  protected readonly formError = this.submission.formError;

  constructor() {
    effect(() => {
      const monitor = this.monitor();
      untracked(() => this.fill(monitor));
    });
  }

  protected error(field: Field): string | null {
    return this.submission.error(field, LABELS[field]);
  }

  protected async save(): Promise<void> {
    await this.submission.submit(async () => {
      const current = this.monitor();
      const body = this.body();
      const monitor = current ? await this.api.updateMonitor(current.id, body) : await this.api.createMonitor(body);
      this.saved.emit(monitor);
    });
  }

  private body(): CreateMonitorBody {
    const v = this.form.getRawValue();
    const body: CreateMonitorBody = {
      name: v.name.trim(),
      platform: v.platform,
      kind: v.kind,
      url: v.url.trim(),
      method: v.method,
      timeout_ms: Number(v.timeout_ms),
      interval_seconds: Number(v.interval_seconds),
      components: v.components
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      enabled: v.enabled,
    };
    if (v.expected_status !== null && String(v.expected_status) !== '') body.expected_status = Number(v.expected_status);
    if (v.remove_access_token) body.access_token = null;
    else if (v.access_token) body.access_token = v.access_token;
    return body;
  }

  private fill(monitor: Monitor | null): void {
    this.submission.reset();
    if (!monitor) return;
    this.form.setValue({
      name: monitor.name,
      platform: monitor.platform,
      kind: monitor.kind,
      url: monitor.url,
      method: monitor.method,
      access_token: '',
      remove_access_token: false,
      timeout_ms: monitor.timeout_ms,
      interval_seconds: monitor.interval_seconds,
      expected_status: monitor.expected_status,
      components: monitor.components.join(', '),
      enabled: monitor.enabled,
    });
  }
}
