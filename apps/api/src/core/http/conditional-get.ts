/**
 * Whether an If-None-Match header names this entity tag (weak comparison, RFC 9110 §13.1.2): the client
 * already holds the current body, so a GET answers 304 without one.
 */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header === etag) return true; // the usual case: the tag of our last answer, sent back as it came
  const opaque = stripWeak(etag);
  for (const line of Array.isArray(header) ? header : [header]) {
    for (const candidate of line.split(',')) {
      const tag = candidate.trim();
      if (tag === '*' || stripWeak(tag) === opaque) return true;
    }
  }
  return false;
}

const stripWeak = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);
