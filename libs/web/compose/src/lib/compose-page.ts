import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { DraftResponseDto, DraftsService, SaveDraftDto } from '@postprober/api-client';
import { PLATFORM_RULES, PLATFORMS, type Platform } from '@postprober/shared/platforms';
import { AuthStore } from '@postprober/web/data-access';
import { FormAlert, PageHeader } from '@postprober/web/ui';
import { describeApiError } from '@postprober/web/util';
import { map } from 'rxjs';
import { AiPanel } from './ai-panel';
import { AiState, IDLE, aiErrorMessage } from './ai-state';
import { countCharacters } from './char-count';
import { ContentAi, HashtagsResult, OptimizeResult } from './content-ai';
import { DraftsList } from './drafts-list';
import { appendHashtag, hashtagsIn } from './hashtag-text';
import { readWorkingCopy, workingCopyKey, writeWorkingCopy } from './working-copy';

/** The API's limits for a draft (apps/api/src/drafts/dto/save-draft.dto.ts). */
export const MAX_DRAFT_LENGTH = 10_000;
const MAX_DRAFT_HASHTAGS = 30;

/**
 * Write a post for one platform with a live counter, ask the AI to optimize it and suggest hashtags,
 * and keep it as a draft. The editor's text is mirrored to localStorage on every change, so a reload
 * never loses it; without a working copy the most recently edited draft opens.
 */
@Component({
  selector: 'pp-compose-page',
  imports: [ReactiveFormsModule, PageHeader, FormAlert, AiPanel, DraftsList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './compose-page.html',
  styleUrl: './compose-page.css',
})
export class ComposePage {
  private readonly ai = inject(ContentAi);
  private readonly draftsApi = inject(DraftsService);
  private readonly storageKey = workingCopyKey(inject(AuthStore).user()?.id);

  protected readonly platforms = PLATFORMS.map((p) => PLATFORM_RULES[p]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    platform: ['twitter' as Platform, Validators.required],
    content: ['', Validators.maxLength(MAX_DRAFT_LENGTH)],
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly count = computed(() => countCharacters(this.value().content, this.value().platform));
  protected readonly rules = computed(() => PLATFORM_RULES[this.value().platform]);
  protected readonly postHashtags = computed(() => hashtagsIn(this.value().content));
  protected readonly usedHashtags = computed(() => new Set(this.postHashtags().map((t) => t.toLowerCase())));

  protected readonly optimizeState = signal<AiState<OptimizeResult>>(IDLE);
  protected readonly hashtagsState = signal<AiState<HashtagsResult>>(IDLE);
  protected readonly versionInUse = computed(() => {
    const s = this.optimizeState();
    return s.status === 'done' && s.result.optimized_content === this.value().content;
  });

  protected readonly drafts = signal<DraftResponseDto[] | null>(null);
  protected readonly draftsError = signal<string | null>(null);
  protected readonly currentDraftId = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly deletingId = signal<string | null>(null);
  protected readonly saveStatus = computed(() => {
    const id = this.currentDraftId();
    const saved = id ? this.drafts()?.find((d) => d.id === id) : undefined;
    const { content, platform } = this.value();
    if (!saved) return id ? 'Editing a saved draft' : content ? 'Not saved yet' : '';
    return saved.content === content && saved.platform === platform ? 'All changes saved' : 'Unsaved changes';
  });

  constructor() {
    const copy = readWorkingCopy(this.storageKey);
    if (copy) {
      this.form.setValue({ platform: copy.platform, content: copy.content });
      this.currentDraftId.set(copy.draftId);
    }
    void this.loadDrafts(copy === null);
    effect(() => {
      writeWorkingCopy(this.storageKey, { draftId: this.currentDraftId(), ...this.value() });
    });
  }

  protected async loadDrafts(openNewest = false): Promise<void> {
    this.draftsError.set(null);
    try {
      const list = await this.draftsApi.listDrafts();
      this.drafts.set(list);
      const id = this.currentDraftId();
      if (openNewest && list.length > 0 && !this.value().content) {
        this.show(list[0]);
      } else if (id && !list.some((d) => d.id === id)) {
        // Deleted elsewhere: keep the text, save it as a new draft next time.
        this.currentDraftId.set(null);
      }
    } catch (error) {
      this.draftsError.set(describeApiError(error).message);
    }
  }

  protected async optimize(): Promise<void> {
    const input = this.aiInput(this.optimizeState);
    if (!input) return;
    this.optimizeState.set({ status: 'loading' });
    try {
      this.optimizeState.set({ status: 'done', result: await this.ai.optimize(input.content, input.platform) });
    } catch (error) {
      this.optimizeState.set({ status: 'error', message: aiErrorMessage(error) });
    }
  }

  protected async generateHashtags(): Promise<void> {
    const input = this.aiInput(this.hashtagsState);
    if (!input) return;
    this.hashtagsState.set({ status: 'loading' });
    try {
      this.hashtagsState.set({ status: 'done', result: await this.ai.hashtags(input.content, input.platform) });
    } catch (error) {
      this.hashtagsState.set({ status: 'error', message: aiErrorMessage(error) });
    }
  }

  /** Both requests at once; each shows its own progress and result. */
  protected async optimizeAndGenerate(): Promise<void> {
    await Promise.all([this.optimize(), this.generateHashtags()]);
  }

  protected useVersion(text: string): void {
    this.form.controls.content.setValue(text);
    this.focusEditor();
  }

  protected addHashtag(tag: string): void {
    this.form.controls.content.setValue(appendHashtag(this.form.controls.content.value, tag));
  }

  protected async saveDraft(): Promise<void> {
    this.saveError.set(null);
    const { content, platform } = this.form.getRawValue();
    if (!content.trim()) {
      this.saveError.set('Write something before saving a draft.');
      return;
    }
    if (this.form.invalid) {
      this.saveError.set(`Drafts can be at most ${MAX_DRAFT_LENGTH.toLocaleString('en')} characters.`);
      return;
    }
    const body: SaveDraftDto = { platform, content, hashtags: this.postHashtags().filter((t) => t.length <= 100).slice(0, MAX_DRAFT_HASHTAGS) };
    const id = this.currentDraftId();
    this.saving.set(true);
    try {
      const saved = id ? await this.draftsApi.updateDraft({ id, body }) : await this.draftsApi.createDraft({ body });
      this.currentDraftId.set(saved.id);
      this.drafts.update((list) => [saved, ...(list ?? []).filter((d) => d.id !== saved.id)]);
    } catch (error) {
      if (id && error instanceof HttpErrorResponse && error.status === 404) {
        // The draft was deleted in another tab: save the text as a new one instead of losing it.
        this.currentDraftId.set(null);
        this.drafts.update((list) => (list ?? []).filter((d) => d.id !== id));
        this.saving.set(false);
        return await this.saveDraft();
      }
      const problem = describeApiError(error, ['platform', 'content', 'hashtags']);
      this.saveError.set([...Object.values(problem.fieldErrors), ...(problem.message ? [problem.message] : [])].join(' '));
    } finally {
      this.saving.set(false);
    }
  }

  protected newDraft(): void {
    if (!this.confirmDiscard()) return;
    this.currentDraftId.set(null);
    this.form.controls.content.setValue('');
    this.resetAi();
    this.focusEditor();
  }

  protected openDraft(draft: DraftResponseDto): void {
    if (draft.id === this.currentDraftId() || !this.confirmDiscard()) return;
    this.show(draft);
    this.resetAi();
    this.focusEditor();
  }

  protected async deleteDraft(draft: DraftResponseDto): Promise<void> {
    this.deletingId.set(draft.id);
    this.saveError.set(null);
    try {
      await this.draftsApi.deleteDraft({ id: draft.id });
      this.drafts.update((list) => (list ?? []).filter((d) => d.id !== draft.id));
      // The text stays in the editor, now as unsaved work.
      if (this.currentDraftId() === draft.id) this.currentDraftId.set(null);
    } catch (error) {
      this.saveError.set(`Could not delete the draft: ${describeApiError(error).message ?? ''}`.trim());
    } finally {
      this.deletingId.set(null);
    }
  }

  private show(draft: DraftResponseDto): void {
    this.form.setValue({ platform: draft.platform, content: draft.content });
    this.currentDraftId.set(draft.id);
  }

  /** The text to send, or null (with a message in place) when there is nothing to work on. */
  private aiInput(state: { set(value: AiState<never>): void }): { content: string; platform: Platform } | null {
    const { content, platform } = this.form.getRawValue();
    if (!content.trim()) {
      state.set({ status: 'error', message: 'Write your post first, then ask the assistant.' });
      return null;
    }
    return { content, platform };
  }

  private resetAi(): void {
    this.optimizeState.set(IDLE);
    this.hashtagsState.set(IDLE);
  }

  /** Unsaved text would be replaced: ask first. */
  private confirmDiscard(): boolean {
    if (this.saveStatus() !== 'Unsaved changes' && this.saveStatus() !== 'Not saved yet') return true;
    return globalThis.confirm?.('Replace the text in the editor? Your unsaved changes will be lost.') ?? true;
  }

  private focusEditor(): void {
    document.getElementById('compose-content')?.focus();
  }
}
