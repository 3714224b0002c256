import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A form-level message (for example "Invalid email or password."). The live region is always
 * present so screen readers announce the message when it appears.
 */
@Component({
  selector: 'pp-form-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert" aria-live="assertive" [class.visible]="!!message()" [class]="tone()">
      @if (message()) {
        {{ message() }}
      }
    </div>
  `,
  styles: `
    div.visible {
      margin-block-end: var(--space-4);
      padding: var(--space-3) var(--space-4);
      border-radius: var(--radius-md);
      border: 1px solid var(--color-danger-border);
      background: var(--color-danger-bg);
      color: var(--color-danger-text);
    }
    div.visible.success {
      border-color: var(--color-success-border);
      background: var(--color-success-bg);
      color: var(--color-success-text);
    }
  `,
})
export class FormAlert {
  readonly message = input<string | null>(null);
  readonly tone = input<'error' | 'success'>('error');
}
