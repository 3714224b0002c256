import { HttpTestingController, TestRequest } from '@angular/common/http/testing';

/** Waits until exactly `count` requests to `url` have been made (client calls go through promises) and returns them. */
export async function requestsTo(http: HttpTestingController, url: string, count = 1): Promise<TestRequest[]> {
  return waitForRequests(http, (r) => r.urlWithParams === url, count, `to ${url}`);
}

/** The one request to `url`, or with this method and path (query ignored: check `request.params`). */
export function nextRequest(http: HttpTestingController, url: string): Promise<TestRequest>;
export function nextRequest(http: HttpTestingController, method: string, path: string): Promise<TestRequest>;
export async function nextRequest(http: HttpTestingController, urlOrMethod: string, path?: string): Promise<TestRequest> {
  if (path === undefined) return (await requestsTo(http, urlOrMethod))[0];
  const found = await waitForRequests(http, (r) => r.method === urlOrMethod && r.url === path, 1, `${urlOrMethod} ${path}`);
  return found[0];
}

async function waitForRequests(
  http: HttpTestingController,
  matches: (request: { method: string; url: string; urlWithParams: string }) => boolean,
  count: number,
  what: string,
): Promise<TestRequest[]> {
  for (let i = 0; i < 50; i++) {
    const found = http.match(matches);
    if (found.length > count) throw new Error(`Expected ${count} request(s) ${what}, found ${found.length}`);
    if (found.length === count) return found;
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error(`No request ${what}`);
}
