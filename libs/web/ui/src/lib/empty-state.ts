import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A friendly placeholder for a section that has nothing to show yet; details are projected. */
@Component({
  selector: 'pp-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="icon" aria-hidden="true">{{ icon() }}</div>
    <h2 class="title">{{ heading() }}</h2>
    <div class="body"><ng-content /></div>
  `,
  styles: `
    :host {
      display: block;
      text-align: center;
      padding: var(--space-7) var(--space-5);
      background: var(--color-surface);
      border: 1px dashed var(--color-border-strong);
      border-radius: var(--radius-lg);
    }
    .icon {
      font-size: 2rem;
      line-height: 1;
      margin-block-end: var(--space-3);
    }
    .title {
      margin: 0 0 var(--space-2);
      font-size: var(--font-size-lg);
    }
    .body {
      color: var(--color-text-muted);
      max-width: 60ch;
      margin-inline: auto;
    }
  `,
})
export class EmptyState {
  readonly heading = input.required<string>();
  /** A decorative glyph; hidden from assistive technology. */
  readonly icon = input('◌');
}
