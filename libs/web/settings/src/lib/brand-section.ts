import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { OrganizationService } from '@postprober/api-client';
import { isWellFormedHashtag } from '@postprober/shared/platforms';
import { describeApiError } from '@postprober/web/util';

export const MAX_BRAND_HASHTAGS = 10;


/** Why `tag` cannot be added to `tags`, or null when it can. */
export function brandTagError(tag: string, tags: readonly string[]): string | null {
  if (!tag) return 'Enter a hashtag, e.g. #YourBrand.';
  if (!isWellFormedHashtag(tag)) {
    return `${tag} is not a valid hashtag: use "#" then 2–50 letters, digits or underscores, with at least one letter.`;
  }
  const key = tag.toLocaleLowerCase('en-US');
  if (tags.some((t) => t.toLocaleLowerCase('en-US') === key)) return `${tag} is already in the list.`;
  if (tags.length >= MAX_BRAND_HASHTAGS) return `You can keep at most ${MAX_BRAND_HASHTAGS} brand hashtags.`;
  return null;
}

/** The brand's own hashtags (GET/PUT /api/organization/settings), merged into every hashtag suggestion. */
@Component({
  selector: 'pp-brand-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './brand-section.html',
  styleUrl: './settings-section.css',
})
export class BrandSection {
  private readonly api = inject(OrganizationService);
  private readonly tagInput = viewChild<ElementRef<HTMLInputElement>>('tagInput');

  protected readonly max = MAX_BRAND_HASHTAGS;
  /** What the server holds; null until loaded. */
  private readonly savedTags = signal<readonly string[] | null>(null);
  protected readonly tags = signal<readonly string[]>([]);
  protected readonly draft = signal('');
  protected readonly loadError = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly loaded = computed(() => this.savedTags() !== null);
  protected readonly dirty = computed(() => {
    const saved = this.savedTags();
    const tags = this.tags();
    return saved !== null && (saved.length !== tags.length || saved.some((t, i) => t !== tags[i]));
  });
  protected readonly full = computed(() => this.tags().length >= MAX_BRAND_HASHTAGS);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadError.set(null);
    try {
      const settings = await this.api.getOrganizationSettings();
      this.savedTags.set(settings.branded_hashtags);
      this.tags.set(settings.branded_hashtags);
    } catch (error) {
      this.loadError.set(describeApiError(error).message);
    }
  }

  protected setDraft(value: string): void {
    this.draft.set(value);
    this.error.set(null);
  }

  protected addTag(event?: Event): void {
    event?.preventDefault();
    const raw = this.draft().trim();
    // Typing the "#" is optional: "YourBrand" becomes "#YourBrand".
    const tag = raw && !raw.startsWith('#') ? `#${raw}` : raw;
    const problem = brandTagError(tag, this.tags());
    if (problem) {
      this.error.set(problem);
      return;
    }
    this.tags.update((list) => [...list, tag]);
    this.draft.set('');
    // Cleared on the element too: a [value] binding that was already '' would not be re-applied.
    const input = this.tagInput()?.nativeElement;
    if (input) input.value = '';
    this.error.set(null);
    this.saved.set(false);
  }

  protected removeTag(tag: string): void {
    this.tags.update((list) => list.filter((t) => t !== tag));
    this.error.set(null);
    this.saved.set(false);
  }

  protected async save(): Promise<void> {
    this.error.set(null);
    this.saved.set(false);
    this.saving.set(true);
    try {
      const settings = await this.api.updateOrganizationSettings({
        body: { branded_hashtags: [...this.tags()] },
      });
      this.savedTags.set(settings.branded_hashtags);
      this.tags.set(settings.branded_hashtags);
      this.saved.set(true);
    } catch (error) {
      const problem = describeApiError(error, ['branded_hashtags']);
      this.error.set(problem.fieldErrors['branded_hashtags'] ?? problem.message);
    } finally {
      this.saving.set(false);
    }
  }
}
