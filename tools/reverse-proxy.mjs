// A small reverse proxy in front of several API processes (node:http only), for `npm run cluster` and its
// fault test. Plain HTTP goes round-robin; a Socket.IO long-polling session (several HTTP requests naming one
// `sid`) must keep hitting the process that created it, so the proxy learns each sid from the handshake's
// answer and routes by it; WebSocket upgrades are passed through as raw TCP. An upstream that refuses the
// connection is skipped (and rested for a moment) and the request goes to the next one.
import { Agent, createServer, request } from 'node:http';
import { connect } from 'node:net';

/** Hop-by-hop headers (RFC 9110 7.6.1): never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-connection']);
/** Errors that mean "this upstream did not take the request": safe to try the next one. */
const NOT_TAKEN = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** How long an upstream that refused is skipped by the round-robin. */
const REST_MS = 2_000;
/** Largest request body the proxy buffers (it buffers so that a refused request can be sent elsewhere). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** A polling session unused this long is forgotten (Socket.IO's own ping timeout is far shorter). */
const SESSION_IDLE_MS = 5 * 60_000;

const sidOf = (url) => new URL(url, 'http://proxy').searchParams.get('sid');
const isSocketIo = (url) => url.startsWith('/socket.io/');

/**
 * Returns { server, listen(port, host) → url, close() }. `upstreams` are base URLs (http://host:port);
 * `log(event)` receives one object per notable event (upstream refused, session learned, errors).
 */
export function createReverseProxy({ upstreams, log = () => undefined }) {
  if (upstreams.length === 0) throw new Error('reverse proxy: no upstreams');
  const targets = upstreams.map((url) => {
    const u = new URL(url);
    return { url, host: u.hostname, port: Number(u.port || 80), restUntil: 0 };
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  /** sid → { target, seen } */
  const sessions = new Map();
  /** Upgraded client sockets: no longer the HTTP server's, so close() ends them itself. */
  const tunnels = new Set();
  let next = 0;

  /** Upstreams to try, in order: the sticky one first (if any), then round-robin, rested ones last. */
  function order(sticky) {
    // Sticky requests do not advance the rotation: the round-robin spreads only what is free to go anywhere.
    const start = (sticky ? next : next++) % targets.length;
    const rr = targets.map((_, i) => targets[(start + i) % targets.length]);
    const now = Date.now();
    const ranked = [...rr.filter((t) => t.restUntil <= now), ...rr.filter((t) => t.restUntil > now)];
    return sticky ? [sticky, ...ranked.filter((t) => t !== sticky)] : ranked;
  }

  function stickyFor(url) {
    if (!isSocketIo(url)) return undefined;
    const sid = sidOf(url);
    const session = sid && sessions.get(sid);
    if (!session) return undefined;
    session.seen = Date.now();
    return session.target;
  }

  function refused(target, error) {
    target.restUntil = Date.now() + REST_MS;
    log({ level: 'warn', msg: 'Upstream refused the connection; trying the next one', upstream: target.url, err: error.code ?? error.message });
  }

  function forwardedHeaders(req) {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    const client = req.socket.remoteAddress ?? '';
    headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${client}` : client;
    headers['x-forwarded-proto'] = req.headers['x-forwarded-proto'] ?? 'http';
    headers['x-forwarded-host'] = req.headers['x-forwarded-host'] ?? req.headers.host ?? '';
    return headers;
  }

  function handle(req, res) {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ statusCode: 413, error: 'Payload Too Large', message: 'Request body too large for the proxy' }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      const body = Buffer.concat(chunks);
      const headers = forwardedHeaders(req);
      // A polling handshake's answer names the session: read it uncompressed to learn the sid.
      const handshake = isSocketIo(req.url) && !sidOf(req.url) && new URL(req.url, 'http://proxy').searchParams.get('transport') === 'polling';
      if (handshake) delete headers['accept-encoding'];
      attempt(req, res, body, headers, handshake, order(stickyFor(req.url)));
    });
  }

  function attempt(req, res, body, headers, handshake, candidates) {
    const [target, ...rest] = candidates;
    const up = request({ host: target.host, port: target.port, method: req.method, path: req.url, headers: { ...headers, 'content-length': String(body.length) }, agent });
    up.on('response', (upRes) => {
      const out = {};
      for (const [name, value] of Object.entries(upRes.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
      if (!handshake) {
        res.writeHead(upRes.statusCode, out);
        upRes.pipe(res);
        return;
      }
      const parts = [];
      upRes.on('data', (c) => parts.push(c));
      upRes.on('end', () => {
        const text = Buffer.concat(parts);
        const sid = /"sid":"([^"]+)"/.exec(text.toString('utf8'))?.[1];
        if (sid) sessions.set(sid, { target, seen: Date.now() });
        res.writeHead(upRes.statusCode, { ...out, 'content-length': String(text.length) }).end(text);
      });
    });
    up.on('error', (error) => {
      if (NOT_TAKEN.has(error.code) && rest.length > 0) {
        refused(target, error);
        attempt(req, res, body, headers, handshake, rest);
        return;
      }
      if (NOT_TAKEN.has(error.code)) refused(target, error);
      log({ level: 'error', msg: 'Upstream request failed', upstream: target.url, method: req.method, url: req.url, err: error.code ?? error.message });
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 502, error: 'Bad Gateway', message: 'No API process answered' }));
      } else res.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    up.end(body);
  }

  /** WebSocket (or any Upgrade): the request head is written to the upstream as is, then bytes flow both ways. */
  function upgrade(req, socket, head) {
    socket.on('error', () => undefined);
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    const tryNext = (candidates) => {
      const [target, ...rest] = candidates;
      const up = connect(target.port, target.host);
      up.once('error', (error) => {
        if (NOT_TAKEN.has(error.code)) refused(target, error);
        if (NOT_TAKEN.has(error.code) && rest.length > 0) return tryNext(rest);
        log({ level: 'error', msg: 'Upstream upgrade failed', upstream: target.url, url: req.url, err: error.code ?? error.message });
        socket.destroy();
      });
      up.once('connect', () => {
        up.on('error', () => socket.destroy());
        const headers = forwardedHeaders(req);
        const lines = [`${req.method} ${req.url} HTTP/1.1`];
        for (const [name, value] of Object.entries(headers)) for (const v of [value].flat()) lines.push(`${name}: ${v}`);
        lines.push(`connection: ${req.headers.connection ?? 'upgrade'}`, `upgrade: ${req.headers.upgrade}`);
        up.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head?.length) up.write(head);
        up.pipe(socket);
        socket.pipe(up);
        socket.on('close', () => up.destroy());
        up.on('close', () => socket.destroy());
      });
    };
    tryNext(order(stickyFor(req.url)));
  }

  const server = createServer(handle);
  server.on('upgrade', upgrade);
  server.on('clientError', (_error, socket) => socket.destroy());
  const sweeper = setInterval(() => {
    const cutoff = Date.now() - SESSION_IDLE_MS;
    for (const [sid, s] of sessions) if (s.seen < cutoff) sessions.delete(sid);
  }, 60_000).unref();

  return {
    server,
    /** Number of polling sessions the proxy currently routes by sid. */
    get sessions() {
      return sessions.size;
    },
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(`http://${host}:${server.address().port}`));
      });
    },
    async close() {
      clearInterval(sweeper);
      server.closeAllConnections?.();
      for (const socket of tunnels) socket.destroy();
      await new Promise((r) => server.close(() => r()));
      agent.destroy();
    },
  };
}
