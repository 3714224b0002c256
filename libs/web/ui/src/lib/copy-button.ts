import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';

/** Copies `value` to the clipboard and confirms it in place (announced politely). */
@Component({
  selector: 'pp-copy-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="btn btn-secondary btn-sm" (click)="copy()">
      {{ state() === 'copied' ? 'Copied' : label() }}
    </button>
    <span class="visually-hidden" aria-live="polite">
      @switch (state()) {
        @case ('copied') { Copied to clipboard }
        @case ('failed') { Copy failed: select the text and copy it manually }
      }
    </span>
    @if (state() === 'failed') {
      <span class="failed">Select the text and copy it manually.</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: var(--space-2);
    }
    .failed {
      color: var(--color-danger-text);
      font-size: var(--font-size-sm);
    }
  `,
})
export class CopyButton {
  readonly value = input.required<string>();
  readonly label = input('Copy');

  protected readonly state = signal<'idle' | 'copied' | 'failed'>('idle');
  private resetTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.resetTimer));
  }

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.value());
      this.state.set('copied');
    } catch {
      // Clipboard access needs a secure context and permission; fall back to manual copy.
      this.state.set('failed');
    }
    clearTimeout(this.resetTimer);
    this.resetTimer = setTimeout(() => this.state.set('idle'), 2500);
  }
}
