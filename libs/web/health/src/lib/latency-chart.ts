import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import type { HealthHistoryPoint } from '@postprober/web/data-access';
import type { Chart, ChartConfiguration } from 'chart.js';

type LineChart = Chart<'line', { x: number; y: number | null }[]>;

/** chart.js, with the pieces a line chart needs registered; loaded on first use (see line-chart.ts). */
let chartClass: Promise<typeof Chart> | null = null;
function loadChart(): Promise<typeof Chart> {
  chartClass ??= import('./line-chart').then((m) => m.Chart);
  return chartClass;
}

/** Latency of one monitor over time; failed checks are red points, checks without a latency are gaps. */
@Component({
  selector: 'pp-latency-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'latency-chart' },
  template: `
    <div class="frame">
      <canvas #canvas role="img" [attr.aria-label]="summary()"></canvas>
    </div>
    <p class="summary" data-testid="latency-summary">{{ summary() }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      height: 16rem;
    }
    .summary {
      margin: var(--space-2) 0 0;
      color: var(--color-text-muted);
      font-size: var(--font-size-sm);
    }
  `,
})
export class LatencyChart {
  readonly series = input.required<readonly HealthHistoryPoint[]>();
  readonly label = input('Latency');

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: LineChart | null = null;
  private pointColors = { ok: '', bad: '' };
  private destroyed = false;

  protected readonly summary = computed(() => summarize(this.label(), this.series()));

  constructor() {
    afterNextRender(() => void this.create());
    effect(() => this.update(this.series()));
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private async create(): Promise<void> {
    const canvas = this.canvas().nativeElement;
    // No 2D context (an old browser, or a test DOM): the text summary stands alone.
    if (!canvas.getContext('2d')) return;
    const ChartClass = await loadChart();
    if (this.destroyed) return;
    const style = getComputedStyle(document.documentElement);
    const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    // Read once: update() runs on every pushed result of the monitor.
    this.pointColors = { ok: color('--color-primary', '#3847c7'), bad: color('--color-danger', '#b42318') };
    const config: ChartConfiguration<'line', { x: number; y: number | null }[]> = {
      type: 'line',
      data: {
        datasets: [
          {
            label: 'Latency (ms)',
            data: [],
            borderColor: this.pointColors.ok,
            borderWidth: 2,
            pointRadius: 2,
            spanGaps: false,
            tension: 0.2,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        scales: {
          x: {
            type: 'linear',
            ticks: { callback: (value) => timeOfDay(Number(value)), maxTicksLimit: 8, color: color('--color-text-muted', '#545e6d') },
            grid: { color: color('--color-border', '#dde1e7') },
          },
          y: {
            type: 'linear',
            beginAtZero: true,
            title: { display: true, text: 'ms' },
            ticks: { color: color('--color-text-muted', '#545e6d') },
            grid: { color: color('--color-border', '#dde1e7') },
          },
        },
        plugins: {
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? new Date(items[0].parsed.x ?? 0).toLocaleString() : ''),
              label: (item) => (item.parsed.y === null ? 'No response' : `${item.parsed.y} ms`),
            },
          },
        },
      },
    };
    this.chart = new ChartClass(canvas, config);
    this.update(this.series());
  }

  private update(series: readonly HealthHistoryPoint[]): void {
    const chart = this.chart;
    if (!chart) return;
    const { ok, bad } = this.pointColors;
    const dataset = chart.data.datasets[0];
    dataset.data = series.map((p) => ({ x: Date.parse(p.checked_at), y: p.latency_ms }));
    dataset.pointBackgroundColor = series.map((p) => (p.status === 'healthy' ? ok : bad));
    dataset.pointBorderColor = dataset.pointBackgroundColor;
    // A fixed 24 h window: left to itself, a linear scale around one point spans years.
    const x = chart.options.scales?.['x'];
    if (x) {
      x.max = Date.now();
      x.min = x.max - WINDOW_MS;
    }
    chart.update();
  }
}

/** A sentence describing the series, for screen readers and as the chart's caption. */
export function summarize(label: string, series: readonly HealthHistoryPoint[]): string {
  if (series.length === 0) return `${label}: no checks in this period yet.`;
  const latencies = series
    .map((p) => p.latency_ms)
    .filter((ms): ms is number => ms !== null)
    .sort((a, b) => a - b);
  const failed = series.filter((p) => p.status !== 'healthy').length;
  const checks = `${series.length} check${series.length === 1 ? '' : 's'}`;
  const problems = failed === 0 ? 'all healthy' : `${failed} not healthy`;
  if (latencies.length === 0) return `${label}: ${checks}, ${problems}, no latency recorded.`;
  const median = latencies[Math.floor((latencies.length - 1) / 2)];
  return `${label}: ${checks}, ${problems}; latency median ${median} ms, fastest ${latencies[0]} ms, slowest ${latencies[latencies.length - 1]} ms.`;
}

const WINDOW_MS = 24 * 3600 * 1000;

function timeOfDay(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
