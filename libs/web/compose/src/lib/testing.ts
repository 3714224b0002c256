import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { DraftResponseDto } from '@postprober/api-client';
import type { HashtagsResult, OptimizeResult } from './content-ai';

/** Helpers for the compose specs. Not exported from the library. */
export function byTestId<T extends HTMLElement = HTMLElement>(root: HTMLElement, id: string): T {
  const found = root.querySelector(`[data-testid="${id}"]`);
  if (!found) throw new Error(`No element with data-testid="${id}"`);
  return found as T;
}

export function allByTestId<T extends HTMLElement = HTMLElement>(root: HTMLElement, id: string): T[] {
  return Array.from(root.querySelectorAll<T>(`[data-testid="${id}"]`));
}

export function typeInto(root: HTMLElement, id: string, value: string): void {
  const field = byTestId<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(root, id);
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
}

export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

/** Waits until requests to `url` have been made (the client's calls go through promises) and returns them. */
export async function requestsTo(http: HttpTestingController, url: string, count = 1): Promise<TestRequest[]> {
  for (let i = 0; i < 50; i++) {
    const found = http.match(url);
    if (found.length > count) throw new Error(`Expected ${count} request(s) to ${url}, found ${found.length}`);
    if (found.length === count) return found;
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error(`No request to ${url}`);
}

export async function nextRequest(http: HttpTestingController, url: string): Promise<TestRequest> {
  return (await requestsTo(http, url))[0];
}

export function optimizeResult(overrides: Partial<OptimizeResult> = {}): OptimizeResult {
  return {
    optimized_content: 'Launch day! Our new scheduler saves you 5 hours a week. Try it free today →',
    score: 86,
    original_score: 52,
    improvements: ['Added a hook at the start', 'Added a call to action'],
    original_length: 40,
    optimized_length: 76,
    platform: 'twitter',
    engine: 'builtin',
    fallback: false,
    cached: false,
    ...overrides,
  };
}

export function hashtagsResult(overrides: Partial<HashtagsResult> = {}): HashtagsResult {
  return {
    hashtags: [
      { tag: '#Scheduling', category: 'niche', reach: 'targeted' },
      { tag: '#SocialMedia', category: 'trending', reach: 'high' },
      { tag: '#Acme', category: 'branded', reach: 'medium' },
    ],
    strategy: 'Mix one broad tag with a niche one.',
    engine: 'builtin',
    fallback: false,
    cached: false,
    ...overrides,
  };
}

export function draft(overrides: Partial<DraftResponseDto> = {}): DraftResponseDto {
  return {
    id: '0b7e4b5c-0000-4000-8000-000000000001',
    platform: 'linkedin',
    content: 'Saved draft text #Growth',
    hashtags: ['#Growth'],
    created_at: '2026-11-24T10:00:00.000Z',
    updated_at: '2026-11-24T11:00:00.000Z',
    ...overrides,
  };
}
