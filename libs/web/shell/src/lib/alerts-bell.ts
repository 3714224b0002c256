import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  BrowserNotifications,
  HealthAlertsStore,
  platformLabel,
  relativeTime,
  severityLabel,
} from '@postprober/web/data-access';
import { describeApiError } from '@postprober/web/util';

/** Header bell: unread alert count and a panel with the latest alerts, "mark all read" and notifications. */
@Component({
  selector: 'pp-alerts-bell',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'closeWhenOutside($event)',
    '(keydown.escape)': 'closeAndFocusButton()',
  },
  templateUrl: './alerts-bell.html',
  styleUrl: './alerts-bell.css',
})
export class AlertsBell {
  private readonly store = inject(HealthAlertsStore);
  private readonly notifications = inject(BrowserNotifications);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly button = viewChild.required<ElementRef<HTMLButtonElement>>('bellButton');

  protected readonly open = signal(false);
  protected readonly alerts = computed(() => this.store.alerts().slice(0, 10));
  protected readonly unread = this.store.unreadCount;
  protected readonly badge = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  protected readonly permission = this.notifications.permission;
  protected readonly markError = signal<string | null>(null);
  /** Re-read on open so relative times are current without a timer. */
  protected readonly now = signal(Date.now());

  protected readonly platformLabel = platformLabel;
  protected readonly severityLabel = severityLabel;
  protected readonly relativeTime = relativeTime;

  protected isUnread(id: string): boolean {
    return this.store.isUnread(id);
  }

  protected toggle(): void {
    this.now.set(Date.now());
    this.open.update((value) => !value);
  }

  protected close(): void {
    this.open.set(false);
  }

  protected closeWhenOutside(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.open.set(false);
  }

  protected closeAndFocusButton(): void {
    if (!this.open()) return;
    this.open.set(false);
    this.button().nativeElement.focus();
  }

  protected async markAllRead(): Promise<void> {
    this.markError.set(null);
    try {
      await this.store.markAllRead();
    } catch (error) {
      this.markError.set(describeApiError(error).message);
    }
  }

  protected async enableNotifications(): Promise<void> {
    await this.notifications.requestPermission();
  }
}
