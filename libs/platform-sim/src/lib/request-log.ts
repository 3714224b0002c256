import type { IncomingHttpHeaders } from 'node:http';

/**
 * Requests per path (query ignored), so a test can count the probes of one URL and see the headers they
 * carried, however many other targets the simulator serves at the same time.
 */
export class RequestLog {
  private readonly byPath = new Map<string, { count: number; lastHeaders: IncomingHttpHeaders }>();

  record(path: string, headers: IncomingHttpHeaders): void {
    const seen = this.byPath.get(path);
    this.byPath.set(path, { count: (seen?.count ?? 0) + 1, lastHeaders: { ...headers } });
  }

  /** Requests to a path or full URL so far. */
  count(pathOrUrl: string): number {
    return this.byPath.get(pathOf(pathOrUrl))?.count ?? 0;
  }

  /** The headers of the latest request to a path or full URL (names in lower case); undefined before any. */
  lastHeaders(pathOrUrl: string): IncomingHttpHeaders | undefined {
    return this.byPath.get(pathOf(pathOrUrl))?.lastHeaders;
  }

  clear(): void {
    this.byPath.clear();
  }
}

/** "/x/2/users/me" from "/x/2/users/me?a=1" or "http://127.0.0.1:4100/x/2/users/me". */
export function pathOf(pathOrUrl: string): string {
  return new URL(pathOrUrl, 'http://sim').pathname;
}
