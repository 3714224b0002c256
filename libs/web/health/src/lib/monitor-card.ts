import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { errorLabel, MonitorHealth, platformLabel, relativeTime, stateLabel, stateTone } from '@postprober/web/data-access';
import { StatusBadge } from '@postprober/web/ui';

/** One monitor's latest result: status, latency, HTTP code, rate-limit use and when it was checked. */
@Component({
  selector: 'pp-monitor-card',
  imports: [StatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'monitor-card', '[class.selected]': 'selected()' },
  template: `
    <div class="head">
      <h3 class="name">{{ monitor().name }}</h3>
      <pp-status-badge [tone]="tone()" data-testid="monitor-status">{{ stateLabel(monitor().status) }}</pp-status-badge>
    </div>
    <p class="platform">{{ platformLabel(monitor().platform) }}</p>
    <dl class="facts">
      <div><dt>Latency</dt><dd data-testid="monitor-latency">{{ monitor().response_time !== null ? monitor().response_time + ' ms' : '—' }}</dd></div>
      <div><dt>HTTP</dt><dd data-testid="monitor-http">{{ monitor().http_status ?? '—' }}</dd></div>
      <div><dt>Checked</dt><dd>{{ relativeTime(monitor().last_check, now()) }}</dd></div>
    </dl>
    @if (monitor().error_class; as error) {
      <p class="error" data-testid="monitor-error">{{ errorLabel(error) }}</p>
    }
    @if (rateLimit(); as rl) {
      <div class="rate">
        <span id="rate-{{ monitor().monitor_id }}">Rate limit: {{ rl.used }} of {{ rl.total }} used</span>
        <div
          class="bar"
          role="meter"
          aria-valuemin="0"
          [attr.aria-valuemax]="rl.total"
          [attr.aria-valuenow]="rl.used"
          [attr.aria-labelledby]="'rate-' + monitor().monitor_id"
          data-testid="monitor-rate-limit"
        >
          <span class="fill" [class.high]="rl.percent >= 80" [style.width.%]="rl.percent"></span>
        </div>
      </div>
    }
    <button type="button" class="btn btn-secondary btn-sm" [attr.aria-pressed]="selected()" (click)="showChart.emit()">
      {{ selected() ? 'Showing latency' : 'Show latency' }}
    </button>
  `,
  styles: `
    :host {
      display: grid;
      gap: var(--space-2);
      align-content: start;
      padding: var(--space-4);
      background: var(--color-surface);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-lg);
    }
    :host(.selected) {
      border-color: var(--color-primary);
      box-shadow: 0 0 0 1px var(--color-primary);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--space-2);
    }
    .name {
      margin: 0;
      font-size: var(--font-size-md);
    }
    .platform,
    .error {
      margin: 0;
      color: var(--color-text-muted);
      font-size: var(--font-size-sm);
    }
    .error {
      color: var(--color-danger-text);
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: var(--space-2);
      margin: 0;
    }
    dt {
      color: var(--color-text-muted);
      font-size: var(--font-size-sm);
    }
    dd {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .rate {
      font-size: var(--font-size-sm);
    }
    .bar {
      height: 0.5rem;
      margin-block-start: var(--space-1);
      border-radius: 999px;
      background: var(--color-neutral-bg);
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--color-primary);
    }
    .fill.high {
      background: var(--color-danger);
    }
    button {
      justify-self: start;
    }
  `,
})
export class MonitorCard {
  readonly monitor = input.required<MonitorHealth>();
  readonly selected = input(false);
  /** For relative times; the page ticks it. */
  readonly now = input(Date.now());
  readonly showChart = output<void>();

  protected readonly tone = computed(() => stateTone(this.monitor().status));
  protected readonly rateLimit = computed(() => {
    const { rate_limit_used: used, rate_limit_total: total } = this.monitor();
    if (used === null || total === null || total <= 0) return null;
    return { used, total, percent: Math.min(100, Math.round((used / total) * 100)) };
  });

  protected readonly platformLabel = platformLabel;
  protected readonly stateLabel = stateLabel;
  protected readonly errorLabel = errorLabel;
  protected readonly relativeTime = relativeTime;
}
