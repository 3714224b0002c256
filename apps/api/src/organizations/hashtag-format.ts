// The hashtag rules live in @postprober/shared/platforms (one definition for the API and the portal).
export { dedupeHashtags, hashtagKey, HASHTAG_PATTERN, isWellFormedHashtag } from '@postprober/shared/platforms';
