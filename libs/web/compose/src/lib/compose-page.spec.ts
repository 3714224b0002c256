import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ComposePage } from './compose-page';
import {
  allByTestId,
  byTestId,
  draft,
  hashtagsResult,
  nextRequest,
  optimizeResult,
  requestsTo,
  settle,
  typeInto,
} from './testing';
import { workingCopyKey } from './working-copy';

const STORAGE_KEY = workingCopyKey(null);

describe('ComposePage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ComposePage>;
  let el: HTMLElement;

  async function open(drafts = [] as ReturnType<typeof draft>[]): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ComposePage);
    el = fixture.nativeElement;
    await fixture.whenStable();
    (await nextRequest(http, '/api/drafts')).flush(drafts);
    await settle(fixture);
  }

  const editor = () => byTestId<HTMLTextAreaElement>(el, 'compose-content');

  async function write(text: string): Promise<void> {
    typeInto(el, 'compose-content', text);
    await settle(fixture);
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  describe('character counter', () => {
    beforeEach(() => open());

    it('counts for the selected platform and shows the optimal range', async () => {
      expect(byTestId(el, 'compose-counter').textContent).toContain('0 / 280');
      expect(byTestId(el, 'compose-length-hint').textContent).toContain('Best on X (Twitter): 70–110 characters.');
      await write('x'.repeat(90));
      expect(byTestId(el, 'compose-counter').textContent).toContain('90 / 280');
      expect(byTestId(el, 'compose-counter').dataset['status']).toBe('optimal');

      typeInto(el, 'compose-platform', 'linkedin');
      await settle(fixture);
      expect(byTestId(el, 'compose-counter').textContent).toContain('90 / 3000');
      expect(byTestId(el, 'compose-counter').dataset['status']).toBe('short');
      expect(byTestId(el, 'compose-length-hint').textContent).toContain('150–1300');
    });

    it('makes the over-limit state visible and announces it', async () => {
      await write('y'.repeat(300));
      const counter = byTestId(el, 'compose-counter');
      expect(counter.dataset['status']).toBe('over');
      expect(counter.classList).toContain('over');
      expect(editor().getAttribute('aria-invalid')).toBe('true');
      expect(byTestId(el, 'compose-length-hint').textContent).toContain("20 characters over X (Twitter)'s limit of 280.");
      expect(byTestId(el, 'compose-over-limit').textContent).toContain('Over the X (Twitter) limit.');
      expect(byTestId(el, 'compose-over-limit').getAttribute('aria-live')).toBe('polite');
    });
  });

  describe('AI assistant', () => {
    beforeEach(async () => {
      await open();
      await write('New scheduler is out');
    });

    it('runs optimize and hashtags in parallel, each with its own loading state', async () => {
      byTestId(el, 'ai-both').click();
      await settle(fixture);
      // Both requests are in flight at once.
      const [opt] = await requestsTo(http, '/api/optimize-content');
      const [tags] = await requestsTo(http, '/api/generate-hashtags');
      expect(opt.request.body).toEqual({ content: 'New scheduler is out', platform: 'twitter' });
      expect(tags.request.body).toEqual({ content: 'New scheduler is out', platform: 'twitter' });
      expect(byTestId(el, 'ai-optimize-loading')).toBeTruthy();
      expect(byTestId(el, 'ai-hashtags-loading')).toBeTruthy();
      expect(byTestId<HTMLButtonElement>(el, 'ai-optimize').disabled).toBe(true);
      expect(byTestId<HTMLButtonElement>(el, 'ai-hashtags').textContent).toContain('Generating…');

      tags.flush({ success: true, result: hashtagsResult(), processing_time: 3 });
      await settle(fixture);
      // Hashtags arrived; optimize is still loading.
      expect(allByTestId(el, 'hashtag-pill')).toHaveLength(3);
      expect(byTestId(el, 'ai-optimize-loading')).toBeTruthy();
      expect(el.querySelector('[data-testid="ai-hashtags-loading"]')).toBeNull();

      opt.flush({ success: true, result: optimizeResult(), processing_time: 5 });
      await settle(fixture);
      expect(el.querySelector('[data-testid="ai-optimize-loading"]')).toBeNull();
      expect(byTestId(el, 'ai-optimized-text').textContent).toContain('Launch day!');
    });

    it('shows the score before → after, the improvements and the engine, then uses the optimized version', async () => {
      byTestId(el, 'ai-optimize').click();
      (await nextRequest(http, '/api/optimize-content')).flush({
        success: true,
        result: optimizeResult({ engine: 'openai', cached: true }),
        processing_time: 5,
      });
      await settle(fixture);

      const before = byTestId(el, 'ai-score-before').querySelector('[role="progressbar"]');
      const after = byTestId(el, 'ai-score-after').querySelector('[role="progressbar"]');
      expect(before?.getAttribute('aria-valuenow')).toBe('52');
      expect(after?.getAttribute('aria-valuenow')).toBe('86');
      expect(byTestId(el, 'ai-score-after').textContent).toContain('86/100 · Good');
      expect(byTestId(el, 'ai-improvements').textContent).toContain('Added a call to action');
      expect(byTestId(el, 'ai-engine').textContent?.trim()).toBe('OpenAI');
      expect(byTestId(el, 'ai-cached').textContent?.trim()).toBe('Cached');
      expect(byTestId(el, 'ai-optimize-result').getAttribute('aria-live')).toBe('polite');

      byTestId(el, 'ai-use-version').click();
      await settle(fixture);
      expect(editor().value).toBe(optimizeResult().optimized_content);
      expect(byTestId<HTMLButtonElement>(el, 'ai-use-version').textContent?.trim()).toBe('In use');
      expect(byTestId(el, 'compose-counter').textContent).toContain(`${optimizeResult().optimized_content.length} / 280`);
    });

    it('labels a fallback answer', async () => {
      byTestId(el, 'ai-optimize').click();
      (await nextRequest(http, '/api/optimize-content')).flush({
        success: true,
        result: optimizeResult({ engine: 'builtin', fallback: true }),
        processing_time: 5,
      });
      await settle(fixture);
      expect(byTestId(el, 'ai-engine').textContent?.trim()).toBe('Fallback: built-in');
      expect(el.querySelector('[data-testid="ai-cached"]')).toBeNull();
    });

    it('adds a hashtag pill to the text once and shows it as used', async () => {
      byTestId(el, 'ai-hashtags').click();
      (await nextRequest(http, '/api/generate-hashtags')).flush({ success: true, result: hashtagsResult(), processing_time: 3 });
      await settle(fixture);
      expect(byTestId(el, 'ai-engine').textContent?.trim()).toBe('Built-in engine');
      const pills = allByTestId<HTMLButtonElement>(el, 'hashtag-pill');
      expect(pills.map((p) => p.dataset['tag'])).toEqual(['#Scheduling', '#SocialMedia', '#Acme']);
      expect(pills[1].querySelector('[data-testid="hashtag-category"]')?.textContent).toBe('trending');
      expect(pills[1].querySelector('[data-testid="hashtag-reach"]')?.textContent).toContain('High reach');

      pills[1].click();
      await settle(fixture);
      pills[0].click();
      await settle(fixture);
      expect(editor().value).toBe('New scheduler is out #SocialMedia #Scheduling');
      const after = allByTestId<HTMLButtonElement>(el, 'hashtag-pill');
      expect(after.map((p) => p.getAttribute('aria-pressed'))).toEqual(['true', 'true', 'false']);
      expect(after[0].disabled).toBe(true);
      expect(after[2].disabled).toBe(false);

      // Removing a tag from the text makes its pill available again.
      await write('New scheduler is out #Scheduling');
      expect(allByTestId(el, 'hashtag-pill').map((p) => p.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false']);
    });

    it('shows a 400 field message and a 429 retry hint in place, each in its own section', async () => {
      byTestId(el, 'ai-both').click();
      await settle(fixture);
      (await nextRequest(http, '/api/optimize-content')).flush(
        { statusCode: 400, message: ['content must be shorter than or equal to 10000 characters'], error: 'Bad Request' },
        { status: 400, statusText: 'Bad Request' },
      );
      (await nextRequest(http, '/api/generate-hashtags')).flush(
        { statusCode: 429, message: 'ThrottlerException: Too Many Requests' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': '17' } },
      );
      await settle(fixture);
      expect(byTestId(el, 'ai-optimize-error').textContent).toContain('Content must be shorter than or equal to 10000 characters.');
      expect(byTestId(el, 'ai-hashtags-error').textContent).toContain('Try again in 17 seconds.');
      expect(byTestId(el, 'ai-hashtags-error').getAttribute('role')).toBe('alert');
      // Buttons are usable again.
      expect(byTestId<HTMLButtonElement>(el, 'ai-optimize').disabled).toBe(false);
    });

    it('asks for text before calling the API', async () => {
      await write('   ');
      byTestId(el, 'ai-optimize').click();
      await settle(fixture);
      http.expectNone('/api/optimize-content');
      expect(byTestId(el, 'ai-optimize-error').textContent).toContain('Write your post first');
    });
  });

  describe('drafts', () => {
    it('saves a new draft with the hashtags in the text, then updates the same draft', async () => {
      await open();
      expect(byTestId(el, 'compose-empty').textContent).toContain('Nothing drafted yet');
      await write('Hello #World and #AI');
      byTestId(el, 'draft-save').click();
      await settle(fixture);
      const create = await nextRequest(http, '/api/drafts');
      expect(create.request.method).toBe('POST');
      expect(create.request.body).toEqual({ platform: 'twitter', content: 'Hello #World and #AI', hashtags: ['#World', '#AI'] });
      const saved = draft({ platform: 'twitter', content: 'Hello #World and #AI', hashtags: ['#World', '#AI'] });
      create.flush(saved);
      await settle(fixture);
      expect(byTestId(el, 'draft-status').textContent).toContain('All changes saved');
      expect(allByTestId(el, 'draft-item')).toHaveLength(1);
      expect(byTestId(el, 'draft-hashtags').textContent).toBe('#World #AI');

      await write('Hello #World');
      expect(byTestId(el, 'draft-status').textContent).toContain('Unsaved changes');
      byTestId(el, 'draft-save').click();
      await settle(fixture);
      const update = await nextRequest(http, `/api/drafts/${saved.id}`);
      expect(update.request.method).toBe('PUT');
      expect(update.request.body).toEqual({ platform: 'twitter', content: 'Hello #World', hashtags: ['#World'] });
      update.flush({ ...saved, content: 'Hello #World', hashtags: ['#World'] });
      await settle(fixture);
      expect(allByTestId(el, 'draft-item')).toHaveLength(1);
      expect(byTestId(el, 'draft-status').textContent).toContain('All changes saved');
    });

    it('names the field when the API rejects a draft', async () => {
      await open();
      await write('Hi');
      byTestId(el, 'draft-save').click();
      await settle(fixture);
      (await nextRequest(http, '/api/drafts')).flush(
        { statusCode: 400, message: ['platform must be one of: twitter, linkedin, instagram, facebook'] },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle(fixture);
      expect(el.querySelector('pp-form-alert')?.textContent).toContain('Platform must be one of: twitter, linkedin, instagram, facebook.');
    });

    it('restores unsaved text from this browser after a reload', async () => {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ draftId: null, platform: 'instagram', content: 'Half-written caption' }));
      await open([draft()]);
      expect(editor().value).toBe('Half-written caption');
      expect(byTestId<HTMLSelectElement>(el, 'compose-platform').value).toBe('instagram');
      expect(byTestId(el, 'draft-status').textContent).toContain('Not saved yet');
    });

    it('opens the most recently edited draft when nothing is in progress, and keeps typing in the working copy', async () => {
      await open([draft(), draft({ id: '0b7e4b5c-0000-4000-8000-000000000002', content: 'Older' })]);
      expect(editor().value).toBe('Saved draft text #Growth');
      expect(byTestId<HTMLSelectElement>(el, 'compose-platform').value).toBe('linkedin');
      await write('Saved draft text #Growth, edited');
      expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')).toEqual({
        draftId: draft().id,
        platform: 'linkedin',
        content: 'Saved draft text #Growth, edited',
      });
    });

    it('deletes a draft and keeps its text as unsaved work', async () => {
      await open([draft()]);
      byTestId(el, 'draft-delete').click();
      await settle(fixture);
      const del = await nextRequest(http, `/api/drafts/${draft().id}`);
      expect(del.request.method).toBe('DELETE');
      del.flush(null, { status: 204, statusText: 'No Content' });
      await settle(fixture);
      expect(el.querySelector('[data-testid="draft-item"]')).toBeNull();
      expect(editor().value).toBe('Saved draft text #Growth');
      expect(byTestId(el, 'draft-status').textContent).toContain('Not saved yet');
    });
  });
});
