import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { AiState } from './ai-state';
import type { HashtagsResult, OptimizeResult } from './content-ai';
import { EngineBadge } from './engine-badge';
import { HashtagPills } from './hashtag-pills';
import { ScoreBar } from './score-bar';

/** The AI assistant sidebar: actions on top, then the score, the optimized text and the hashtag pills. */
@Component({
  selector: 'pp-ai-panel',
  imports: [EngineBadge, HashtagPills, ScoreBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ai-panel.html',
  styleUrl: './ai-panel.css',
})
export class AiPanel {
  readonly optimizeState = input.required<AiState<OptimizeResult>>();
  readonly hashtagsState = input.required<AiState<HashtagsResult>>();
  /** Lower-cased hashtags already in the post. */
  readonly usedHashtags = input<ReadonlySet<string>>(new Set());
  /** True when the optimized text is what the editor holds. */
  readonly versionInUse = input(false);

  readonly optimize = output<void>();
  readonly generateHashtags = output<void>();
  readonly optimizeAndGenerate = output<void>();
  readonly useVersion = output<string>();
  readonly addHashtag = output<string>();

  protected readonly optimizing = computed(() => this.optimizeState().status === 'loading');
  protected readonly generating = computed(() => this.hashtagsState().status === 'loading');
  protected readonly optimized = computed(() => doneResult(this.optimizeState()));
  protected readonly optimizeError = computed(() => errorMessage(this.optimizeState()));
  protected readonly suggested = computed(() => doneResult(this.hashtagsState()));
  protected readonly hashtagsError = computed(() => errorMessage(this.hashtagsState()));
  protected readonly busy = computed(() => this.optimizing() || this.generating());
}

function doneResult<T>(state: AiState<T>): T | null {
  return state.status === 'done' ? state.result : null;
}

function errorMessage(state: AiState<unknown>): string | null {
  return state.status === 'error' ? state.message : null;
}
