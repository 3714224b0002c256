import { typeInto as sharedTypeInto } from '@postprober/web/testing';
import type { DraftResponseDto } from '@postprober/api-client';
import type { HashtagsResult, OptimizeResult } from './content-ai';

/** Helpers for the compose specs. Not exported from the library. */
export { allByTestId, byTestId, nextRequest, requestsTo, settle } from '@postprober/web/testing';

export function typeInto(root: HTMLElement, id: string, value: string): void {
  sharedTypeInto(root, id, value, { blur: false });
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
