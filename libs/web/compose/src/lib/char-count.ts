import { PLATFORM_RULES, platformLength, type Platform } from '@postprober/shared/platforms';

export type LengthStatus = 'empty' | 'short' | 'optimal' | 'long' | 'over';

export interface CharCount {
  length: number;
  max: number;
  optimal: { min: number; max: number };
  status: LengthStatus;
  /** A sentence for the counter: what the length means on this platform. */
  hint: string;
}

/** The counter's model, counted the way the platform counts (links at X's fixed length, emoji once). */
export function countCharacters(text: string, platform: Platform): CharCount {
  const rules = PLATFORM_RULES[platform];
  const length = platformLength(text, platform);
  const { min, max } = rules.optimalLength;
  let status: LengthStatus;
  let hint: string;
  if (length === 0) {
    status = 'empty';
    hint = `Best on ${rules.label}: ${min}–${max} characters.`;
  } else if (length > rules.maxLength) {
    status = 'over';
    const over = length - rules.maxLength;
    hint = `${over} character${over === 1 ? '' : 's'} over ${rules.label}'s limit of ${rules.maxLength}.`;
  } else if (length < min) {
    status = 'short';
    hint = `Shorter than the ${min}–${max} characters that do best on ${rules.label}.`;
  } else if (length > max) {
    status = 'long';
    hint = `Longer than the ${min}–${max} characters that do best on ${rules.label}.`;
  } else {
    status = 'optimal';
    hint = `In the ${min}–${max} character range that does best on ${rules.label}.`;
  }
  return { length, max: rules.maxLength, optimal: { min, max }, status, hint };
}
