import { ifNoneMatchHits } from './conditional-get';

describe('ifNoneMatchHits', () => {
  const etag = 'W/"abc"';

  it('matches the tag itself, in a list, weakly, and *', () => {
    expect(ifNoneMatchHits('W/"abc"', etag)).toBe(true);
    expect(ifNoneMatchHits('"abc"', etag)).toBe(true);
    expect(ifNoneMatchHits('W/"old", W/"abc"', etag)).toBe(true);
    expect(ifNoneMatchHits(['W/"old"', 'W/"abc"'], etag)).toBe(true);
    expect(ifNoneMatchHits('*', etag)).toBe(true);
  });

  it('does not match another tag or no header', () => {
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
    expect(ifNoneMatchHits('', etag)).toBe(false);
    expect(ifNoneMatchHits('W/"abcd", "ab"', etag)).toBe(false);
  });
});
