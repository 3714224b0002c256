import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { StatusBadge, type StatusTone } from '@postprober/web/ui';

/** Who answered: the built-in engine, OpenAI, or the built-in engine after OpenAI failed; and whether it came from the cache. */
@Component({
  selector: 'pp-engine-badge',
  imports: [StatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <pp-status-badge [tone]="tone()" data-testid="ai-engine" [attr.title]="title()">{{ label() }}</pp-status-badge>
    @if (cached()) {
      <pp-status-badge tone="neutral" data-testid="ai-cached" title="Same text and platform as an earlier request: answered from the cache">Cached</pp-status-badge>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: var(--space-1);
    }
  `,
})
export class EngineBadge {
  readonly engine = input.required<string>();
  readonly fallback = input(false);
  readonly cached = input(false);

  protected readonly label = computed(() => engineLabel(this.engine(), this.fallback()));
  protected readonly tone = computed<StatusTone>(() => (this.fallback() ? 'warn' : this.engine() === 'openai' ? 'ok' : 'neutral'));
  protected readonly title = computed(() =>
    this.fallback() ? 'OpenAI did not answer in time or failed; the built-in engine answered instead' : null,
  );
}

export function engineLabel(engine: string, fallback: boolean): string {
  if (fallback) return 'Fallback: built-in';
  return engine === 'openai' ? 'OpenAI' : 'Built-in engine';
}
