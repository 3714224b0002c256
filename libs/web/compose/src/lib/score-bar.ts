import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** A 0–100 quality score as a labelled bar; the number and word carry the meaning, colour only reinforces it. */
@Component({
  selector: 'pp-score-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row">
      <span class="label">{{ label() }}</span>
      <span class="value"><strong>{{ score() }}</strong>/100 · {{ rating() }}</span>
    </div>
    <div
      class="track"
      role="progressbar"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="score()"
      [attr.aria-label]="label() + ' quality score'"
      [attr.aria-valuetext]="score() + ' out of 100, ' + rating()"
    >
      <div class="fill" [class]="tone()" [style.width.%]="clamped()"></div>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .row {
      display: flex;
      justify-content: space-between;
      font-size: var(--font-size-sm);
      margin-block-end: var(--space-1);
    }
    .label {
      color: var(--color-text-muted);
    }
    .track {
      height: 0.6rem;
      border-radius: 999px;
      background: var(--color-neutral-bg);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      border-radius: 999px;
      background: var(--color-primary);
      transition: width 0.3s ease;
    }
    .fill.good {
      background: var(--color-success-text);
    }
    .fill.poor {
      background: var(--color-warning-text);
    }
    @media (prefers-reduced-motion: reduce) {
      .fill {
        transition: none;
      }
    }
  `,
})
export class ScoreBar {
  readonly label = input.required<string>();
  readonly score = input.required<number>();

  protected readonly clamped = computed(() => Math.max(0, Math.min(100, this.score())));
  protected readonly rating = computed(() => scoreRating(this.score()));
  protected readonly tone = computed(() => (this.score() >= 80 ? 'good' : this.score() < 50 ? 'poor' : 'fair'));
}

export function scoreRating(score: number): string {
  if (score >= 90) return 'Excellent';
  if (score >= 75) return 'Good';
  if (score >= 50) return 'Fair';
  return 'Needs work';
}
