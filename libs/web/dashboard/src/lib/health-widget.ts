import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  HealthAlertsStore,
  platformLabel,
  relativeTime,
  severityLabel,
  stateLabel,
  stateTone,
} from '@postprober/web/data-access';

/** Dashboard card: each platform's status and latency, and the two latest alerts. Live via the alerts store. */
@Component({
  selector: 'pp-health-widget',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './health-widget.html',
  styleUrl: './health-widget.css',
})
export class HealthWidget {
  private readonly store = inject(HealthAlertsStore);

  protected readonly status = this.store.status;
  protected readonly mode = this.store.mode;
  protected readonly latestAlerts = computed(() => this.store.alerts().slice(0, 2));

  protected readonly platformLabel = platformLabel;
  protected readonly stateLabel = stateLabel;
  protected readonly stateTone = stateTone;
  protected readonly severityLabel = severityLabel;
  protected readonly relativeTime = relativeTime;
}
