import { createServer, IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatRequestBody, completionBody, errorBody } from './fake-openai.protocol';
import { FakeReply, FinishReason, reply } from './fake-openai.replies';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. "/v1/chat/completions". */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when the body was empty or not JSON. */
  body: ChatRequestBody | undefined;
  rawBody: string;
  receivedAt: number;
}

/** Decides the reply for a request no scripted reply is left for. `index` counts chat requests from 0. */
export type Responder = (request: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAiOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Model name in answers; defaults to the request's model. */
  model?: string;
  /** When set, requests without `Authorization: Bearer <apiKey>` get OpenAI's 401. */
  apiKey?: string;
  /** Reply (or function) used when the script is empty. Without one, such requests get a 500 naming the gap. */
  responder?: Responder | FakeReply;
  /** Keep request bodies in `requests` (default true); turn off for long benchmarks. */
  recordRequests?: boolean;
}

export interface FakeOpenAi {
  /** Base URL including "/v1": pass it as the SDK's `baseURL`. */
  url: string;
  /** Chat completion requests received, in order (unless recordRequests is false). */
  requests: RecordedRequest[];
  /** Queue replies; each chat request takes the next one, then falls back to the default. */
  script(...replies: FakeReply[]): void;
  setDefault(responder: Responder | FakeReply): void;
  /** Scripted replies not used yet. */
  pending(): number;
  /** Forget recorded requests and scripted replies. */
  reset(): void;
  /** Ends hanging and delayed requests, then stops listening. */
  close(): Promise<void>;
}

const NO_REPLY = reply.error(500, {
  message: 'fake-openai: no reply scripted for this request (use script() or setDefault())',
  errorType: 'server_error',
});

/** A local server speaking OpenAI's chat completions protocol, scripted per request. */
export async function startFakeOpenAi(opts: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const open = new Set<ServerResponse>();
  let fallback: Responder | FakeReply = opts.responder ?? NO_REPLY;
  let count = 0;

  const server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res)); // finished, or the client went away
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, 500, errorBody(500, `fake-openai crashed: ${String(err)}`));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const path = (req.url ?? '/').split('?')[0];
    if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return send(res, 401, errorBody(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
    }
    if (req.method === 'GET' && path === '/v1/models') {
      const model = { id: opts.model ?? 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'fake' };
      return send(res, 200, { object: 'list', data: [model] });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      const message = `Unknown request URL: ${req.method} ${path}.`;
      return send(res, 404, errorBody(404, message, 'invalid_request_error', 'unknown_url'));
    }
    const recorded: RecordedRequest = {
      method: req.method,
      path,
      headers: req.headers,
      body: parseJson(rawBody),
      rawBody,
      receivedAt: Date.now(),
    };
    const index = count++;
    if (opts.recordRequests !== false) requests.push(recorded);
    const next = queue.shift() ?? (typeof fallback === 'function' ? await fallback(recorded, index) : fallback);
    if (next.type === 'hang') return; // left open; close() destroys it
    if (next.delayMs) await sleepUnlessClosed(next.delayMs, res);
    if (!open.has(res)) return; // the client gave up while we waited
    respond(res, next, recorded, `chatcmpl-fake-${index}`);
  }

  function respond(res: ServerResponse, r: Exclude<FakeReply, { type: 'hang' }>, req: RecordedRequest, id: string): void {
    const model = opts.model ?? req.body?.model ?? 'gpt-4o-mini';
    const headers = { 'x-request-id': `req_${id}` };
    const answer = (content: string | null, refusal: string | null, finish: FinishReason) =>
      send(res, 200, completionBody(id, model, req.body, { content, refusal }, finish, r.usage), headers);
    switch (r.type) {
      case 'json':
        return answer(JSON.stringify(r.data), null, 'stop');
      case 'content':
        return answer(r.content, null, r.finishReason ?? 'stop');
      case 'refusal':
        return answer(null, r.refusal, 'stop');
      case 'error':
        return send(res, r.status, errorBody(r.status, r.message, r.errorType, r.code), { ...headers, ...r.headers });
      case 'raw':
        res.writeHead(r.status, { 'content-type': 'text/plain', ...headers, ...r.headers });
        res.end(r.body);
        return;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}/v1`,
    requests,
    script: (...replies) => void queue.push(...replies),
    setDefault: (responder) => void (fallback = responder),
    pending: () => queue.length,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): ChatRequestBody | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as ChatRequestBody) : undefined;
  } catch {
    return undefined;
  }
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
