import { linkedIn429Reading, parseMetaAppUsage, parseMetaBusinessUseCaseUsage, parseMetaUsage, parseXRateLimit } from './rate-limit-headers';

const now = new Date('2026-11-25T05:00:00Z');

describe('parseXRateLimit', () => {
  it('reads X API v2 headers: used = limit - remaining, reset from epoch seconds', () => {
    // As sent by api.x.com for GET /2/users/me.
    const reading = parseXRateLimit({ 'x-rate-limit-limit': '75', 'x-rate-limit-remaining': '60', 'x-rate-limit-reset': '1795583700' });
    expect(reading).toEqual({ usedPercent: 20, used: 15, total: 75, resetAt: new Date(1795583700 * 1000), source: 'x-rate-limit' });
  });

  it('reports 100% at remaining 0 and rounds to one decimal', () => {
    expect(parseXRateLimit({ 'x-rate-limit-limit': '900', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1795583700' })?.usedPercent).toBe(100);
    expect(parseXRateLimit({ 'x-rate-limit-limit': '900', 'x-rate-limit-remaining': '847', 'x-rate-limit-reset': '1795583700' })?.usedPercent).toBe(5.9);
  });

  it('is null when a header is missing or not a number', () => {
    expect(parseXRateLimit({ 'x-rate-limit-limit': '75', 'x-rate-limit-remaining': '60' })).toBeNull();
    expect(parseXRateLimit({ 'x-rate-limit-limit': 'lots', 'x-rate-limit-remaining': '60', 'x-rate-limit-reset': '1' })).toBeNull();
    expect(parseXRateLimit({})).toBeNull();
  });
});

describe('Meta usage headers', () => {
  it('takes the largest figure of x-app-usage (all percentages)', () => {
    // Meta's documented example.
    expect(parseMetaAppUsage({ 'x-app-usage': '{"call_count":28,"total_time":25,"total_cputime":25}' })).toEqual({
      usedPercent: 28,
      used: null,
      total: null,
      resetAt: null,
      source: 'x-app-usage',
    });
    expect(parseMetaAppUsage({ 'x-app-usage': '{"call_count":5,"total_time":71,"total_cputime":40}' })?.usedPercent).toBe(71);
  });

  it('reads x-business-use-case-usage across businesses; regain time in minutes gives resetAt', () => {
    const header = JSON.stringify({
      '112130216863063': [
        { type: 'pages', call_count: 100, total_cputime: 25, total_time: 25, estimated_time_to_regain_access: 19, ads_api_access_tier: 'standard_access' },
      ],
      '17841400000000001': [{ type: 'instagram', call_count: 12, total_cputime: 3, total_time: 9, estimated_time_to_regain_access: 0 }],
    });
    expect(parseMetaBusinessUseCaseUsage({ 'x-business-use-case-usage': header }, now)).toEqual({
      usedPercent: 100,
      used: null,
      total: null,
      resetAt: new Date('2026-11-25T05:19:00Z'),
      source: 'x-business-use-case-usage',
    });
  });

  it('has no resetAt while access is not lost', () => {
    const header = '{"112130216863063":[{"type":"pages","call_count":40,"total_cputime":10,"total_time":12,"estimated_time_to_regain_access":0}]}';
    expect(parseMetaBusinessUseCaseUsage({ 'x-business-use-case-usage': header }, now)).toMatchObject({ usedPercent: 40, resetAt: null });
  });

  it('picks whichever Meta header is closer to its limit', () => {
    const headers = {
      'x-app-usage': '{"call_count":30,"total_time":10,"total_cputime":10}',
      'x-business-use-case-usage': '{"1":[{"type":"pages","call_count":64,"total_cputime":5,"total_time":5,"estimated_time_to_regain_access":0}]}',
    };
    expect(parseMetaUsage(headers, now)).toMatchObject({ usedPercent: 64, source: 'x-business-use-case-usage' });
    expect(parseMetaUsage({ 'x-app-usage': headers['x-app-usage'] }, now)).toMatchObject({ usedPercent: 30, source: 'x-app-usage' });
    expect(parseMetaUsage({}, now)).toBeNull();
  });

  it('ignores malformed headers instead of reading them as zero usage', () => {
    expect(parseMetaAppUsage({ 'x-app-usage': '{call_count:28' })).toBeNull();
    expect(parseMetaAppUsage({ 'x-app-usage': '{}' })).toBeNull();
    expect(parseMetaBusinessUseCaseUsage({ 'x-business-use-case-usage': '[]' }, now)).toBeNull();
    expect(parseMetaBusinessUseCaseUsage({ 'x-business-use-case-usage': '{"1":"pages"}' }, now)).toBeNull();
  });
});

describe('LinkedIn', () => {
  it('has no quota headers: a 429 is read as a used-up quota with no reset time', () => {
    expect(linkedIn429Reading()).toEqual({ usedPercent: 100, used: null, total: null, resetAt: null, source: 'linkedin-429' });
  });
});
