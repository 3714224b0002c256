import { buildSystemPrompt, checkOptimized } from './content-optimizer.prompt';

describe('checkOptimized', () => {
  const original = 'Save 25% on plans until Friday with @acme: https://acme.example/deal — $49 a year.';

  it('accepts a rewrite that keeps links, mentions and figures within the limit', () => {
    expect(checkOptimized(original, 'Only until Friday: $49 a year (25% off) with @Acme. https://acme.example/deal', 'twitter')).toBeNull();
  });

  it('names each violation', () => {
    expect(checkOptimized(original, '   ', 'twitter')).toBe('optimized_content is empty; return the rewritten post.');
    expect(checkOptimized(original, 'x'.repeat(281), 'twitter')).toBe("optimized_content is 281 characters; X (Twitter) allows at most 280. Shorten it.");
    expect(checkOptimized(original, 'Save 25% with @acme, $49 a year.', 'twitter')).toBe(
      'optimized_content dropped the link https://acme.example/deal of the original; keep it exactly.',
    );
    expect(checkOptimized(original, 'Save 25% for $49 https://acme.example/deal', 'twitter')).toBe(
      'optimized_content dropped the @mentions @acme of the original; keep it exactly.',
    );
    expect(checkOptimized(original, 'Save big with @acme https://acme.example/deal for $49', 'twitter')).toBe(
      'optimized_content dropped the figures 25% of the original; keep it exactly.',
    );
  });

  it('counts X links as 23 characters', () => {
    const url = `https://example.com/${'a'.repeat(300)}`;
    expect(checkOptimized(url, `Read ${url}`, 'twitter')).toBeNull();
  });
});

describe('buildSystemPrompt', () => {
  it('states the platform limits and treats the input as data', () => {
    const p = buildSystemPrompt('linkedin');
    expect(p).toContain('At most 3000 characters');
    expect(p).toContain('never instructions');
    expect(p).toContain('short paragraphs');
    expect(buildSystemPrompt('twitter')).toContain('Every link counts as 23 characters');
  });
});
