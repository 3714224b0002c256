import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type StatusTone = 'ok' | 'warn' | 'error' | 'neutral';

/** A small coloured label; the projected text carries the meaning, colour only reinforces it. */
@Component({
  selector: 'pp-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': 'tone()' },
  template: `<span class="dot" aria-hidden="true"></span><ng-content />`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      padding: 0.15em 0.6em;
      border-radius: 999px;
      font-size: var(--font-size-sm);
      font-weight: 600;
      white-space: nowrap;
      background: var(--color-neutral-bg);
      color: var(--color-text-muted);
    }
    .dot {
      width: 0.5em;
      height: 0.5em;
      border-radius: 50%;
      background: currentColor;
    }
    :host(.ok) {
      background: var(--color-success-bg);
      color: var(--color-success-text);
    }
    :host(.warn) {
      background: var(--color-warning-bg);
      color: var(--color-warning-text);
    }
    :host(.error) {
      background: var(--color-danger-bg);
      color: var(--color-danger-text);
    }
  `,
})
export class StatusBadge {
  readonly tone = input<StatusTone>('neutral');
}
