/**
 * Strings PostgreSQL cannot store (NUL) or that are not valid Unicode (unpaired UTF-16 surrogates), and
 * input nested deeper than any of our DTOs, found by walking a parsed value. Used for every request's
 * body, query and path parameters (see input-guard.ts); imports of CSV/JSON files reuse it.
 */
export interface UnsafeInput {
  /** Dotted path of the offending field ("hashtags.0", "name"); the key itself when a key is at fault. */
  field: string;
  message: string;
}

/** Deeper than any DTO we accept; class-transformer would recurse through it before validation. */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this string cannot be accepted, or null when it can. */
export function stringProblem(value: string): 'NUL characters' | 'unpaired surrogate characters' | null {
  if (value.includes('\u0000')) return 'NUL characters';
  if (LONE_SURROGATE.test(value)) return 'unpaired surrogate characters';
  return null;
}

/**
 * Every problem in `value` (at most `limit`), each naming its field: "name must not contain NUL characters".
 * Iterative, so a hostile nesting depth cannot overflow the stack.
 */
export function findUnsafeInput(value: unknown, root = '', limit = 10): UnsafeInput[] {
  const found: UnsafeInput[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length > 0 && found.length < limit) {
    const { value: v, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    const field = path || 'value';
    if (typeof v === 'string') {
      const problem = stringProblem(v);
      if (problem) found.push({ field, message: `${field} must not contain ${problem}` });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      found.push({ field, message: `${field} is nested more than ${MAX_INPUT_DEPTH} levels deep` });
      continue;
    }
    const entries = Array.isArray(v) ? v.map((item, i) => [String(i), item] as const) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i];
      const childPath = path ? `${path}.${key}` : key;
      const keyProblem = stringProblem(key);
      if (keyProblem) {
        found.push({ field: childPath, message: `${path || 'value'} has a field name that contains ${keyProblem}` });
        continue;
      }
      stack.push({ value: item, path: childPath, depth: depth + 1 });
    }
  }
  return found;
}
