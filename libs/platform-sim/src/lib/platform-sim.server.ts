import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';
import { apiReply, serverErrorReply, SimReply } from './platform-replies';
import { pathOf, RequestLog } from './request-log';
import {
  applyBenchPatch,
  applyPlatformPatch,
  BenchState,
  benchIdHangs,
  defaultBenchState,
  defaultPlatformState,
  InvalidPatchError,
  PlatformState,
  platformFromSlug,
  SIM_PLATFORMS,
  SimPlatform,
} from './sim-state';
import { statusDocument, summaryDocument } from './status-page';

export interface PlatformSimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
}

export interface PlatformSimState {
  platforms: Record<SimPlatform, PlatformState>;
  bench: BenchState;
  /** Requests received per platform (API, health and status page) and for /bench. */
  requests: Record<SimPlatform | 'bench', number>;
}

/** A patch as the admin API takes it; `down: true` means '503'. */
export type PlatformPatch = Partial<Omit<PlatformState, 'down'>> & { down?: PlatformState['down'] | true };

export interface PlatformSimControls {
  state(): PlatformSimState;
  /** Merges into the platform's state (PATCH). Throws InvalidPatchError on a bad field. */
  set(platform: SimPlatform | 'x', patch: PlatformPatch): PlatformState;
  /** Defaults plus the patch (PUT). */
  replace(platform: SimPlatform | 'x', patch: PlatformPatch): PlatformState;
  setBench(patch: Partial<BenchState>): BenchState;
  /** Requests so far to one path or full URL (any route but /_admin, query ignored), e.g. urls.health('x'). */
  requestsTo(pathOrUrl: string): number;
  /** Headers of the latest request to that path or URL (lower-case names); undefined before the first. */
  lastHeadersTo(pathOrUrl: string): IncomingHttpHeaders | undefined;
  /** Every platform and the bench back to healthy; counters and the request log to 0. */
  reset(): void;
}

export interface PlatformSimUrls {
  /** The endpoint the platform-api probe calls, e.g. ".../x/2/users/me". */
  api(platform: SimPlatform): string;
  health(platform: SimPlatform): string;
  statusPage(platform: SimPlatform): string;
  bench(id: number): string;
}

export interface PlatformSim {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:4100". */
  url: string;
  urls: PlatformSimUrls;
  controls: PlatformSimControls;
  /** Ends hanging and delayed requests (destroys their sockets), then stops listening. */
  close(): Promise<void>;
}

const apiPaths: Record<SimPlatform, string> = {
  twitter: '/x/2/users/me',
  facebook: '/facebook/v21.0/me',
  instagram: '/instagram/v21.0/me',
  linkedin: '/linkedin/v2/userinfo',
};

/** Simulated X, Facebook, Instagram and LinkedIn endpoints with per-platform fault controls. */
export async function startPlatformSim(opts: PlatformSimOptions = {}): Promise<PlatformSim> {
  const platforms = {} as Record<SimPlatform, PlatformState>;
  const changedAt = {} as Record<SimPlatform, Date>;
  const served = {} as Record<SimPlatform, number>; // for the deterministic error_rate
  let bench = defaultBenchState();
  let requests = zeroCounts();
  const log = new RequestLog();
  const open = new Set<ServerResponse>();
  let baseUrl = '';

  const reset = () => {
    for (const p of SIM_PLATFORMS) {
      platforms[p] = defaultPlatformState();
      changedAt[p] = new Date();
      served[p] = 0;
    }
    bench = defaultBenchState();
    requests = zeroCounts();
    log.clear();
  };
  reset();

  const update = (slug: string, patch: unknown, from: (p: SimPlatform) => PlatformState): PlatformState => {
    const platform = platformFromSlug(slug);
    if (!platform) throw new InvalidPatchError(`unknown platform ${slug} (use ${SIM_PLATFORMS.join(', ')} or x)`);
    platforms[platform] = applyPlatformPatch(from(platform), patch);
    changedAt[platform] = new Date();
    return platforms[platform];
  };

  const controls: PlatformSimControls = {
    state: () => structuredClone({ platforms, bench, requests }),
    set: (platform, patch) => update(platform, patch, (p) => platforms[p]),
    replace: (platform, patch) => update(platform, patch, defaultPlatformState),
    setBench: (patch) => (bench = applyBenchPatch(bench, patch)),
    requestsTo: (pathOrUrl) => log.count(pathOrUrl),
    lastHeadersTo: (pathOrUrl) => log.lastHeaders(pathOrUrl),
    reset,
  };

  const server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, { error: `platform-sim crashed: ${String(err)}` });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === '_admin') return admin(req, res, parts.slice(1));
    log.record(pathOf(url.pathname), req.headers);
    if (parts[0] === 'bench' && parts.length === 2 && /^\d+$/.test(parts[1])) return benchTarget(res, Number(parts[1]));

    const platform = parts[0] === undefined ? null : platformFromSlug(parts[0]);
    if (!platform) return sendJson(res, 404, { error: `no such path: ${url.pathname}` });
    requests[platform]++;
    const rest = `/${parts.slice(1).join('/')}`;
    const state = platforms[platform];

    // The status page is hosted apart from the platform (as Atlassian's are): outages do not reach it.
    const ctx = { platform, state, since: changedAt[platform], baseUrl };
    if (rest === '/status/api/v2/summary.json') return sendJson(res, 200, summaryDocument(ctx));
    if (rest === '/status/api/v2/status.json') return sendJson(res, 200, statusDocument(ctx));

    const isHealth = rest === '/health';
    if (!isHealth && !isApiPath(platform, rest)) return sendJson(res, 404, { error: `no such path: ${url.pathname}` });

    if (state.hang) return; // left open; close() or the client's timeout ends it
    if (state.stall_body) return void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).write('partial'); // never ended
    if (state.down === 'reset') return void req.socket.destroy();
    if (state.latency_ms > 0) await sleepUnlessClosed(state.latency_ms, res);
    if (!open.has(res)) return;
    if (state.down === '503') return isHealth ? sendText(res, 503, 'Service Unavailable') : send(res, serverErrorReply(platform, 503));
    if (takesError(platform)) return isHealth ? sendText(res, 503, 'Service Unavailable') : send(res, serverErrorReply(platform, platform === 'twitter' ? 503 : 500));
    if (isHealth) return sendJson(res, 200, { status: 'ok', platform });
    send(res, apiReply(platform, state, hasToken(req, url), new Date()));
  }

  /** Deterministic error_rate: the n-th request fails when floor(n * rate) steps up. */
  function takesError(platform: SimPlatform): boolean {
    const rate = platforms[platform].error_rate;
    const n = served[platform]++;
    return Math.floor((n + 1) * rate) > Math.floor(n * rate);
  }

  async function benchTarget(res: ServerResponse, id: number): Promise<void> {
    requests.bench++;
    if (benchIdHangs(bench, id)) return;
    if (bench.latency_ms > 0) await sleepUnlessClosed(bench.latency_ms, res);
    if (open.has(res)) sendJson(res, 200, { status: 'ok', id });
  }

  async function admin(req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<void> {
    const method = req.method ?? 'GET';
    try {
      if (method === 'GET' && parts.join('/') === 'state') return sendJson(res, 200, controls.state());
      if (method === 'POST' && parts.join('/') === 'reset') {
        reset();
        return sendJson(res, 200, controls.state());
      }
      if ((method === 'PUT' || method === 'PATCH') && parts[0] === 'platforms' && parts.length === 2) {
        const body = parseBody(await readBody(req));
        const next = update(parts[1], body, method === 'PUT' ? defaultPlatformState : (p) => platforms[p]);
        return sendJson(res, 200, next);
      }
      if ((method === 'PUT' || method === 'PATCH') && parts.join('/') === 'bench') {
        const body = parseBody(await readBody(req));
        bench = applyBenchPatch(method === 'PUT' ? defaultBenchState() : bench, body);
        return sendJson(res, 200, bench);
      }
      return sendJson(res, 404, { error: `no admin route ${method} /_admin/${parts.join('/')}` });
    } catch (err) {
      if (err instanceof InvalidPatchError) return sendJson(res, 400, { error: err.message });
      throw err;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  baseUrl = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  return {
    url: baseUrl,
    urls: {
      api: (p) => baseUrl + apiPaths[p],
      health: (p) => `${baseUrl}/${p}/health`,
      statusPage: (p) => `${baseUrl}/${p}/status/api/v2/summary.json`,
      bench: (id) => `${baseUrl}/bench/${id}`,
    },
    controls,
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** X also answers under /twitter; Meta under any Graph API version (/v19.0/me, /v21.0/me...). */
function isApiPath(platform: SimPlatform, path: string): boolean {
  switch (platform) {
    case 'twitter':
      return path === '/2/users/me';
    case 'facebook':
    case 'instagram':
      return /^\/v\d+\.\d+\/me$/.test(path);
    case 'linkedin':
      return path === '/v2/userinfo' || path === '/v2/me';
  }
}

/** A bearer token, or Meta's access_token query parameter; the value itself is not checked. */
function hasToken(req: IncomingMessage, url: URL): boolean {
  const auth = req.headers.authorization ?? '';
  return /^Bearer\s+\S+/i.test(auth) || (url.searchParams.get('access_token') ?? '') !== '';
}

function zeroCounts(): Record<SimPlatform | 'bench', number> {
  return { twitter: 0, facebook: 0, instagram: 0, linkedin: 0, bench: 0 };
}

function send(res: ServerResponse, reply: SimReply): void {
  sendJson(res, reply.status, reply.body, reply.headers);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function parseBody(text: string): unknown {
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    throw new InvalidPatchError('body must be JSON');
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Resolves after `ms`, or early when the client disconnects (so a closed server leaves no timers). */
function sleepUnlessClosed(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}
