import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AiService, AiUsageResponseDto } from '@postprober/api-client';
import { describeApiError } from '@postprober/web/util';

export const AI_USAGE_PERIODS = [7, 30, 90] as const;
export type AiUsagePeriod = (typeof AI_USAGE_PERIODS)[number];

/** Model usage (GET /api/ai-usage): calls, tokens and fallbacks per operation over a chosen period. */
@Component({
  selector: 'pp-ai-usage-section',
  imports: [DatePipe, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ai-usage-section.html',
  styleUrl: './settings-section.css',
})
export class AiUsageSection {
  private readonly api = inject(AiService);
  /** Ignores answers to an earlier period that arrive after a newer request (fast period switching). */
  private requestId = 0;

  protected readonly periods = AI_USAGE_PERIODS;
  protected readonly days = signal<AiUsagePeriod>(30);
  protected readonly usage = signal<AiUsageResponseDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected selectDays(value: string): void {
    const days = AI_USAGE_PERIODS.find((p) => String(p) === value);
    if (days === undefined || days === this.days()) return;
    this.days.set(days);
    void this.load();
  }

  protected async load(): Promise<void> {
    const id = ++this.requestId;
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const usage = await this.api.getAiUsage({ days: this.days() });
      if (id === this.requestId) this.usage.set(usage);
    } catch (error) {
      if (id === this.requestId) this.loadError.set(describeApiError(error).message);
    } finally {
      if (id === this.requestId) this.loading.set(false);
    }
  }
}
