import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Page title with an optional description and actions (projected on the right). */
@Component({
  selector: 'pp-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="text">
      <h1 class="title">{{ heading() }}</h1>
      @if (description()) {
        <p class="description">{{ description() }}</p>
      }
    </div>
    <div class="actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: var(--space-3);
      margin-block-end: var(--space-5);
    }
    .title {
      margin: 0;
      font-size: var(--font-size-xl);
      line-height: 1.2;
    }
    .description {
      margin: var(--space-1) 0 0;
      color: var(--color-text-muted);
      max-width: 65ch;
    }
    .actions {
      display: flex;
      gap: var(--space-2);
    }
  `,
})
export class PageHeader {
  readonly heading = input.required<string>();
  readonly description = input<string>();
}
