import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { SuggestedHashtag } from './content-ai';
import { asHashtag } from './hashtag-text';

const REACH_LABEL: Record<SuggestedHashtag['reach'], string> = { high: 'High reach', medium: 'Medium reach', targeted: 'Targeted reach' };
const REACH_BARS: Record<SuggestedHashtag['reach'], number> = { high: 3, medium: 2, targeted: 1 };

/** Suggested hashtags as buttons: one click adds the tag to the post; tags already in the post show as added. */
@Component({
  selector: 'pp-hashtag-pills',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="pills" aria-label="Suggested hashtags">
      @for (h of hashtags(); track h.tag) {
        @let used = isUsed(h.tag);
        <li>
          <button
            type="button"
            class="pill"
            [class.used]="used"
            data-testid="hashtag-pill"
            [attr.data-tag]="tagOf(h.tag)"
            [attr.aria-pressed]="used"
            [attr.aria-label]="(used ? 'Added: ' : 'Add ') + tagOf(h.tag) + ', ' + h.category + ', ' + reachLabel(h.reach)"
            [disabled]="used"
            (click)="add.emit(tagOf(h.tag))"
          >
            <span class="tag">{{ used ? '✓ ' : '' }}{{ tagOf(h.tag) }}</span>
            <span class="category" [class]="h.category" data-testid="hashtag-category">{{ h.category }}</span>
            <span class="reach" data-testid="hashtag-reach" [attr.title]="reachLabel(h.reach)">
              @for (bar of [1, 2, 3]; track bar) {
                <span class="bar" [class.on]="bar <= reachBars(h.reach)"></span>
              }
              <span class="visually-hidden">{{ reachLabel(h.reach) }}</span>
            </span>
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    .pills {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .pill {
      display: inline-flex;
      align-items: center;
      gap: var(--space-2);
      padding: 0.25em 0.7em;
      border: 1px solid var(--color-border-strong);
      border-radius: 999px;
      background: var(--color-surface);
      color: var(--color-text);
      font: inherit;
      font-size: var(--font-size-sm);
      cursor: pointer;
    }
    .pill:hover:not(:disabled) {
      border-color: var(--color-primary);
      background: var(--color-primary-soft);
    }
    .pill:focus-visible {
      outline: 2px solid var(--color-focus);
      outline-offset: 2px;
    }
    .pill.used {
      border-color: var(--color-success-border);
      background: var(--color-success-bg);
      color: var(--color-success-text);
      cursor: default;
    }
    .tag {
      font-weight: 600;
    }
    .category {
      padding: 0 0.45em;
      border-radius: var(--radius-sm);
      font-size: 0.75rem;
      text-transform: uppercase;
      letter-spacing: 0.02em;
      background: var(--color-neutral-bg);
      color: var(--color-text-muted);
    }
    .category.trending {
      background: var(--color-warning-bg);
      color: var(--color-warning-text);
    }
    .category.branded {
      background: var(--color-primary-soft);
      color: var(--color-primary-strong);
    }
    .reach {
      display: inline-flex;
      align-items: flex-end;
      gap: 1px;
      height: 0.8em;
    }
    .bar {
      width: 3px;
      background: var(--color-border-strong);
    }
    .bar:nth-child(1) {
      height: 40%;
    }
    .bar:nth-child(2) {
      height: 70%;
    }
    .bar:nth-child(3) {
      height: 100%;
    }
    .bar.on {
      background: currentColor;
    }
  `,
})
export class HashtagPills {
  readonly hashtags = input.required<readonly SuggestedHashtag[]>();
  /** Lower-cased hashtags already in the post. */
  readonly used = input<ReadonlySet<string>>(new Set());
  readonly add = output<string>();

  protected isUsed(tag: string): boolean {
    return this.used().has(asHashtag(tag).toLowerCase());
  }

  protected tagOf(tag: string): string {
    return asHashtag(tag);
  }

  protected reachLabel(reach: SuggestedHashtag['reach']): string {
    return REACH_LABEL[reach] ?? reach;
  }

  protected reachBars(reach: SuggestedHashtag['reach']): number {
    return REACH_BARS[reach] ?? 1;
  }
}
