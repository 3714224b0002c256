import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { HealthzResponseDto, SystemService } from '@postprober/api-client';
import { AuthStore } from '@postprober/web/data-access';
import { PageHeader, StatusBadge } from '@postprober/web/ui';
import { HealthWidget } from './health-widget';
import { describeApiError } from '@postprober/web/util';
import {
  DATABASE_LABELS,
  ENGINE_DESCRIPTIONS,
  ENGINE_LABELS,
  QUEUE_LABELS,
  healthFromError,
  label,
} from './system-status';

@Component({
  selector: 'pp-dashboard-page',
  imports: [PageHeader, StatusBadge, DecimalPipe, HealthWidget],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.css',
})
export class DashboardPage {
  private readonly system = inject(SystemService);
  private readonly store = inject(AuthStore);

  protected readonly greeting = computed(() => {
    const first = this.store.user()?.name.split(/\s+/)[0];
    return first ? `Welcome, ${first}` : 'Welcome';
  });
  protected readonly organizationName = computed(() => this.store.organization()?.name ?? null);

  protected readonly health = signal<HealthzResponseDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);

  protected readonly labels = { database: DATABASE_LABELS, queue: QUEUE_LABELS, engine: ENGINE_LABELS };
  protected readonly engineDescriptions = ENGINE_DESCRIPTIONS;
  protected readonly label = label;

  constructor() {
    void this.refresh();
  }

  protected async refresh(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.health.set(await this.system.getHealthz());
    } catch (error) {
      const degraded = healthFromError(error);
      this.health.set(degraded);
      if (!degraded) this.loadError.set(describeApiError(error).message);
    } finally {
      this.loading.set(false);
    }
  }
}
