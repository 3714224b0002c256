import { HttpTestingController, TestRequest } from '@angular/common/http/testing';

/** How long the request helpers wait: each tick is one macrotask (default 50). */
export interface WaitOptions {
  ticks?: number;
}

/** Status and headers for `answer`, as `TestRequest.flush` takes them. */
export type FlushInit = Parameters<TestRequest['flush']>[1];

/** Waits until exactly `count` requests to `url` have been made (client calls go through promises) and returns them. */
export async function requestsTo(
  http: HttpTestingController,
  url: string,
  count = 1,
  options: WaitOptions = {},
): Promise<TestRequest[]> {
  return waitForRequests(http, (r) => r.urlWithParams === url, count, `to ${url}`, options);
}

/** The one request to `url`, or with this method and path (query ignored: check `request.params`). */
export function nextRequest(http: HttpTestingController, url: string, options?: WaitOptions): Promise<TestRequest>;
export function nextRequest(
  http: HttpTestingController,
  method: string,
  path: string,
  options?: WaitOptions,
): Promise<TestRequest>;
export async function nextRequest(
  http: HttpTestingController,
  urlOrMethod: string,
  pathOrOptions?: string | WaitOptions,
  maybeOptions: WaitOptions = {},
): Promise<TestRequest> {
  if (typeof pathOrOptions !== 'string') return (await requestsTo(http, urlOrMethod, 1, pathOrOptions))[0];
  const path = pathOrOptions;
  const matches = (r: { method: string; url: string }) => r.method === urlOrMethod && r.url === path;
  return (await waitForRequests(http, matches, 1, `${urlOrMethod} ${path}`, maybeOptions))[0];
}

/**
 * Waits for the one request to `url` (as `nextRequest`), answers it with `body` (and the status and headers
 * in `init`) and returns it, for checking what was sent.
 */
export async function answer(
  http: HttpTestingController,
  url: string,
  body: Parameters<TestRequest['flush']>[0],
  init?: FlushInit,
  options: WaitOptions = {},
): Promise<TestRequest> {
  const request = await nextRequest(http, url, options);
  request.flush(body, init);
  return request;
}

async function waitForRequests(
  http: HttpTestingController,
  matches: (request: { method: string; url: string; urlWithParams: string }) => boolean,
  count: number,
  what: string,
  options: WaitOptions,
): Promise<TestRequest[]> {
  const ticks = options.ticks ?? 50;
  for (let i = 0; i < ticks; i++) {
    const found = http.match(matches);
    if (found.length > count) throw new Error(`Expected ${count} request(s) ${what}, found ${found.length}`);
    if (found.length === count) return found;
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error(`No request ${what}`);
}
