import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AiUsageResponseDto } from '@postprober/api-client';
import { AiUsageSection } from './ai-usage-section';
import { byTestId, settle, type } from './testing';

const usage: AiUsageResponseDto = {
  since: '2026-10-26T00:00:00.000Z',
  total: { requests: 1240, prompt_tokens: 56000, completion_tokens: 12000, fallbacks: 3 },
  operations: [
    { operation: 'generate-hashtags', requests: 240, prompt_tokens: 6000, completion_tokens: 2000, fallbacks: 1 },
    { operation: 'optimize-content', requests: 1000, prompt_tokens: 50000, completion_tokens: 10000, fallbacks: 2 },
  ],
};

const none: AiUsageResponseDto = {
  since: '2026-11-18T00:00:00.000Z',
  total: { requests: 0, prompt_tokens: 0, completion_tokens: 0, fallbacks: 0 },
  operations: [],
};

describe('AiUsageSection', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AiUsageSection>;
  let el: HTMLElement;

  async function answer(days: number, body: AiUsageResponseDto) {
    const request = http.expectOne((r) => r.method === 'GET' && r.url === '/api/ai-usage');
    expect(request.request.params.get('days')).toBe(String(days));
    request.flush(body);
    await settle(fixture);
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AiUsageSection);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('asks for the last 30 days and shows totals and one row per operation', async () => {
    await answer(30, usage);

    expect(byTestId<HTMLSelectElement>(el, 'ai-usage-days').value).toBe('30');
    expect(byTestId(el, 'ai-usage-total-requests').textContent?.trim()).toBe('1,240');
    expect(byTestId(el, 'ai-usage-total-prompt-tokens').textContent?.trim()).toBe('56,000');
    expect(byTestId(el, 'ai-usage-total-completion-tokens').textContent?.trim()).toBe('12,000');
    expect(byTestId(el, 'ai-usage-total-fallbacks').textContent?.trim()).toBe('3');
    const rows = el.querySelectorAll('[data-testid="ai-usage-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[1].textContent).toContain('optimize-content');
    expect(rows[1].textContent).toContain('50,000');
    expect(el.querySelector('[data-testid="ai-usage-empty"]')).toBeNull();
  });

  it('says so when there was no AI request in the period', async () => {
    await answer(30, none);

    expect(byTestId(el, 'ai-usage-empty').textContent).toContain('No AI requests in this period.');
    expect(byTestId(el, 'ai-usage-total-requests').textContent?.trim()).toBe('0');
    expect(el.querySelectorAll('[data-testid="ai-usage-row"]')).toHaveLength(0);
  });

  it('refetches when the period changes', async () => {
    await answer(30, usage);

    type(el, 'ai-usage-days', '7');
    await settle(fixture);
    await answer(7, none);
    expect(byTestId(el, 'ai-usage-empty')).toBeTruthy();

    type(el, 'ai-usage-days', '90');
    await settle(fixture);
    await answer(90, usage);
    expect(el.querySelectorAll('[data-testid="ai-usage-row"]')).toHaveLength(2);
    expect(byTestId<HTMLSelectElement>(el, 'ai-usage-days').value).toBe('90');
  });

  it('shows a failed load with a way to retry', async () => {
    http
      .expectOne((r) => r.url === '/api/ai-usage')
      .flush(
        { statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle(fixture);
    expect(el.textContent).toContain('Could not load AI usage: Forbidden resource.');

    (el.querySelector('.load-error button') as HTMLButtonElement).click();
    await settle(fixture);
    await answer(30, usage);
    expect(byTestId(el, 'ai-usage-total-requests').textContent?.trim()).toBe('1,240');
  });
});
