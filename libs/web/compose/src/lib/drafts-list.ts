import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { DraftResponseDto } from '@postprober/api-client';
import { PLATFORM_RULES } from '@postprober/shared/platforms';
import { EmptyState } from '@postprober/web/ui';

/** The user's saved drafts, newest first: open one into the editor, or delete it. */
@Component({
  selector: 'pp-drafts-list',
  imports: [DatePipe, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (drafts(); as list) {
      @if (list.length === 0) {
        <pp-empty-state heading="Nothing drafted yet" icon="✎" data-testid="compose-empty">
          <p>Drafts you save appear here, so you can come back to them on any device.</p>
        </pp-empty-state>
      } @else {
        <ul class="drafts" data-testid="drafts-list">
          @for (d of list; track d.id) {
            <li class="draft" [class.current]="d.id === currentId()" data-testid="draft-item" [attr.data-draft-id]="d.id">
              <button
                type="button"
                class="open"
                data-testid="draft-open"
                [attr.aria-current]="d.id === currentId() ? 'true' : null"
                (click)="open.emit(d)"
              >
                <span class="meta">
                  <strong>{{ label(d) }}</strong> · {{ d.updated_at | date: 'medium' }}
                  @if (d.id === currentId()) {
                    <span class="badge">Open</span>
                  }
                </span>
                <span class="preview" data-testid="draft-preview">{{ preview(d) }}</span>
                @if (d.hashtags.length > 0) {
                  <span class="tags" data-testid="draft-hashtags">{{ d.hashtags.join(' ') }}</span>
                }
              </button>
              <button
                type="button"
                class="btn btn-secondary btn-sm"
                data-testid="draft-delete"
                [attr.aria-label]="'Delete draft: ' + preview(d)"
                [disabled]="deletingId() === d.id"
                (click)="remove.emit(d)"
              >
                {{ deletingId() === d.id ? 'Deleting…' : 'Delete' }}
              </button>
            </li>
          }
        </ul>
      }
    } @else {
      <p class="muted">Loading drafts…</p>
    }
  `,
  styles: `
    .drafts {
      display: grid;
      gap: var(--space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .draft {
      display: flex;
      align-items: flex-start;
      gap: var(--space-2);
      padding: var(--space-2) var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-md);
      background: var(--color-surface);
    }
    .draft.current {
      border-color: var(--color-primary);
      background: var(--color-primary-soft);
    }
    .open {
      flex: 1;
      display: grid;
      gap: var(--space-1);
      min-width: 0;
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .open:focus-visible {
      outline: 2px solid var(--color-focus);
      outline-offset: 2px;
    }
    .meta {
      font-size: var(--font-size-sm);
      color: var(--color-text-muted);
    }
    .badge {
      margin-inline-start: var(--space-1);
      font-weight: 600;
      color: var(--color-primary-strong);
    }
    .preview {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .tags {
      font-size: var(--font-size-sm);
      color: var(--color-primary-strong);
      overflow-wrap: anywhere;
    }
  `,
})
export class DraftsList {
  /** null while loading. */
  readonly drafts = input.required<readonly DraftResponseDto[] | null>();
  readonly currentId = input<string | null>(null);
  readonly deletingId = input<string | null>(null);
  readonly open = output<DraftResponseDto>();
  readonly remove = output<DraftResponseDto>();

  protected label(d: DraftResponseDto): string {
    return PLATFORM_RULES[d.platform]?.label ?? d.platform;
  }

  protected preview(d: DraftResponseDto): string {
    const text = d.content.trim().replace(/\s+/g, ' ');
    if (!text) return '(empty)';
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  }
}
