import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  HealthApi,
  Monitor,
  MonitorCheck,
  platformLabel,
  stateLabel,
  stateTone,
} from '@postprober/web/data-access';
import { PageHeader, StatusBadge } from '@postprober/web/ui';
import { describeApiError } from '@postprober/web/util';
import { MONITOR_KINDS, MonitorForm } from './monitor-form';

type CheckState = { state: 'checking' } | { state: 'done'; check: MonitorCheck } | { state: 'error'; message: string };
/** The form's subject: a new monitor, one being edited, or none (form closed). */
type Editing = { monitor: Monitor | null } | null;

/** Admins: the organization's monitors with their last result; add, edit, disable, delete, check now. */
@Component({
  selector: 'pp-monitors-page',
  imports: [DatePipe, RouterLink, PageHeader, StatusBadge, MonitorForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './monitors-page.html',
  styleUrl: './monitors-page.css',
})
export class MonitorsPage {
  private readonly api = inject(HealthApi);

  protected readonly monitors = signal<Monitor[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly editing = signal<Editing>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly rowError = signal<{ id: string; message: string } | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly confirmingDelete = signal<string | null>(null);
  protected readonly checks = signal<ReadonlyMap<string, CheckState>>(new Map());

  protected readonly platformLabel = platformLabel;
  protected readonly stateLabel = stateLabel;
  protected readonly stateTone = stateTone;

  constructor() {
    void this.load();
  }

  protected checkError(check: CheckState | undefined): string | null {
    return check?.state === 'error' ? check.message : null;
  }

  protected kindLabel(kind: string): string {
    return MONITOR_KINDS.find((k) => k.value === kind)?.label.replace(/ \(.*\)$/, '') ?? kind;
  }

  protected async load(): Promise<void> {
    this.loadError.set(null);
    try {
      this.monitors.set(await this.api.listMonitors());
    } catch (error) {
      this.loadError.set(describeApiError(error).message);
    }
  }

  protected add(): void {
    this.notice.set(null);
    this.editing.set({ monitor: null });
  }

  protected edit(monitor: Monitor): void {
    this.notice.set(null);
    this.editing.set({ monitor });
  }

  protected saved(monitor: Monitor): void {
    const isNew = !this.monitors()?.some((m) => m.id === monitor.id);
    this.replace(monitor);
    this.editing.set(null);
    this.notice.set(isNew ? `Added ${monitor.name}.` : `Saved ${monitor.name}.`);
  }

  protected async toggleEnabled(monitor: Monitor): Promise<void> {
    await this.rowAction(monitor, async () => {
      this.replace(await this.api.updateMonitor(monitor.id, { enabled: !monitor.enabled }));
    });
  }

  protected async remove(monitor: Monitor): Promise<void> {
    await this.rowAction(monitor, async () => {
      await this.api.deleteMonitor(monitor.id);
      this.monitors.update((list) => (list ?? []).filter((m) => m.id !== monitor.id));
      this.confirmingDelete.set(null);
      this.notice.set(`Deleted ${monitor.name}.`);
    });
  }

  protected async checkNow(monitor: Monitor): Promise<void> {
    this.setCheck(monitor.id, { state: 'checking' });
    try {
      const check = await this.api.checkMonitorNow(monitor.id);
      this.setCheck(monitor.id, { state: 'done', check });
      this.monitors.update((list) => (list ?? []).map((m) => (m.id === monitor.id ? { ...m, last_check: check } : m)));
    } catch (error) {
      this.setCheck(monitor.id, { state: 'error', message: describeApiError(error).message ?? 'Check failed.' });
    }
  }

  private async rowAction(monitor: Monitor, action: () => Promise<void>): Promise<void> {
    this.busyId.set(monitor.id);
    this.rowError.set(null);
    try {
      await action();
    } catch (error) {
      this.rowError.set({ id: monitor.id, message: describeApiError(error).message ?? 'That did not work.' });
    } finally {
      this.busyId.set(null);
    }
  }

  private replace(monitor: Monitor): void {
    this.monitors.update((list) => {
      const current = list ?? [];
      return current.some((m) => m.id === monitor.id)
        ? current.map((m) => (m.id === monitor.id ? monitor : m))
        : [...current, monitor];
    });
  }

  private setCheck(id: string, state: CheckState): void {
    this.checks.update((current) => new Map(current).set(id, state));
  }
}
