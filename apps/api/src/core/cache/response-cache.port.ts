/**
 * Answers of AI tools kept per organization, so an identical request (same organization, platform,
 * normalized content and engine) is answered without calling the model again. Shared by every
 * process through the database.
 */
export interface ResponseCache {
  /** The cached value, or null when absent or expired. */
  get<T>(organizationId: string, namespace: string, key: string): Promise<T | null>;
  set<T>(organizationId: string, namespace: string, key: string, value: T, ttlSeconds: number): Promise<void>;
}

export const RESPONSE_CACHE = Symbol('RESPONSE_CACHE');
