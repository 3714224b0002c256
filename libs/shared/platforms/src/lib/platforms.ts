/**
 * The social platforms we support and their real limits, in one table shared by the API (validation,
 * scoring, the built-in engine) and the portal (live character counter). Sources: each platform's
 * published limits (hard limits) and common industry guidance (optimal ranges, hashtag counts).
 */
export const PLATFORMS = ['twitter', 'linkedin', 'instagram', 'facebook'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What a health monitor can watch: the publishing platforms, plus `custom` endpoints (in display order). */
export const MONITOR_PLATFORMS = [...PLATFORMS, 'custom'] as const;
export type MonitorPlatform = (typeof MONITOR_PLATFORMS)[number];

export interface PlatformRules {
  platform: Platform;
  label: string;
  /** Hard limit of a post, in characters as the platform counts them. */
  maxLength: number;
  /** Range that tends to perform best. */
  optimalLength: { min: number; max: number };
  /** Characters shown before "see more" (null: the whole post shows). */
  previewLength: number | null;
  /** Every link counts as this many characters (X wraps links in t.co), or null when links count as typed. */
  linkLength: number | null;
  hashtags: { recommended: { min: number; max: number }; max: number };
}

export const PLATFORM_RULES: Readonly<Record<Platform, PlatformRules>> = {
  twitter: {
    platform: 'twitter',
    label: 'X (Twitter)',
    maxLength: 280,
    optimalLength: { min: 70, max: 110 },
    previewLength: null,
    linkLength: 23,
    hashtags: { recommended: { min: 1, max: 2 }, max: 3 },
  },
  linkedin: {
    platform: 'linkedin',
    label: 'LinkedIn',
    maxLength: 3000,
    optimalLength: { min: 150, max: 1300 },
    previewLength: 210,
    linkLength: null,
    hashtags: { recommended: { min: 3, max: 5 }, max: 10 },
  },
  instagram: {
    platform: 'instagram',
    label: 'Instagram',
    maxLength: 2200,
    optimalLength: { min: 100, max: 300 },
    previewLength: 125,
    linkLength: null,
    hashtags: { recommended: { min: 5, max: 15 }, max: 30 },
  },
  facebook: {
    platform: 'facebook',
    label: 'Facebook',
    maxLength: 63206,
    optimalLength: { min: 40, max: 250 },
    previewLength: 477,
    linkLength: null,
    hashtags: { recommended: { min: 1, max: 3 }, max: 10 },
  },
};

export const isPlatform = (value: unknown): value is Platform =>
  typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);

const URL_PATTERN = /\bhttps?:\/\/[^\s]+/gi;

/** Length as the platform counts it: code points (emoji count once), links at the platform's fixed length. */
export function platformLength(text: string, platform: Platform): number {
  const rules = PLATFORM_RULES[platform];
  if (rules.linkLength === null) return [...text].length;
  let length = 0;
  let last = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    length += [...text.slice(last, m.index)].length + rules.linkLength;
    last = (m.index ?? 0) + m[0].length;
  }
  return length + [...text.slice(last)].length;
}
