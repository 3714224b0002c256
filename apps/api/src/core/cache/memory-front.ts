/**
 * A small in-process LRU in front of the shared table: a repeated request in the same process is answered
 * without a database round trip (the cache-hit target is p99 < 10 ms, and PGlite serializes queries).
 * Other processes still see every entry through the table. Entries for one key are interchangeable answers,
 * so a copy that another process has since overwritten is harmless until it expires.
 */
export class MemoryFront {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly clock: () => number,
  ) {}

  get(key: string): { value: unknown } | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt <= this.clock()) return null;
    this.entries.set(key, entry); // most recently used goes last
    return { value: entry.value };
  }

  set(key: string, value: unknown, expiresAt: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    // Map keeps insertion order: the first key is the least recently used.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
