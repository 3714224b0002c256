/**
 * One probe request over node:http/https, shared by the three adapters: guarded DNS, one deadline
 * for connect + headers + body, a capped body, and every failure mapped to a ProbeErrorClass.
 */
import { ClientRequest, request as httpRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { blockedAddress, BlockedTargetError, guardedLookup, hostOf, isPrivateAddress } from './address-guard';
import type { ProbeErrorClass, ProbeResult, ProbeTarget } from './platform-probe.port';

/** Bodies past this are cut off: enough for any status page or API answer, bounded for a hostile target. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ProbeRequestOptions {
  allowPrivate: boolean;
  maxBodyBytes?: number;
}

export interface HttpOutcome {
  /** null when the request failed before a response (and then errorClass is set). */
  status: number | null;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Bytes received (the body may be cut at maxBodyBytes). */
  bodyBytes: number | null;
  bodyTruncated: boolean;
  /** null when no request was sent (blocked address, bad URL). */
  latencyMs: number | null;
  error: { errorClass: ProbeErrorClass; message: string } | null;
}

type RequestTarget = Pick<ProbeTarget, 'url' | 'method' | 'headers' | 'timeoutMs' | 'signal'>;

/** Never throws: failures come back as an outcome with `error` set. */
export function sendProbeRequest(target: RequestTarget, opts: ProbeRequestOptions): Promise<HttpOutcome> {
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return Promise.resolve(notSent('blocked-address', `Not a valid URL: ${target.url}`));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.resolve(notSent('blocked-address', `Only http and https URLs can be probed, not ${url.protocol}`));
  }
  // A literal IP never goes through `lookup`, so it is checked here.
  const host = hostOf(url);
  if (!opts.allowPrivate && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve(notSent('blocked-address', blockedAddress(host, host).message));
  }

  return new Promise<HttpOutcome>((resolve) => {
    const started = performance.now();
    let settled = false;
    let response: IncomingMessage | undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    let truncated = false;

    const finish = (error: HttpOutcome['error']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      target.signal?.removeEventListener('abort', onAbort);
      const blocked = error?.errorClass === 'blocked-address';
      resolve({
        status: response?.statusCode ?? null,
        headers: response?.headers ?? {},
        body: Buffer.concat(chunks),
        bodyBytes: response ? received : null,
        bodyTruncated: truncated,
        latencyMs: blocked ? null : Math.round(performance.now() - started),
        error,
      });
    };

    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let req: ClientRequest;
    try {
      req = send(url, {
        method: target.method,
        headers: { 'user-agent': 'PostProber-HealthMonitor/1.0', accept: 'application/json, */*', ...target.headers },
        lookup: guardedLookup(opts.allowPrivate),
        agent: false, // a fresh connection per probe: latency includes connect, and no pooled socket outlives it
      });
    } catch (err) {
      // e.g. a header value with a newline: node refuses it before sending anything.
      const { message } = classify(err);
      return resolve(notSent('connection', `Request not sent: ${message}`));
    }
    // One deadline for DNS, connect, headers and body; settle first so the teardown's own errors are ignored.
    const timer = setTimeout(() => {
      finish({ errorClass: 'timeout', message: `No complete answer within ${target.timeoutMs} ms` });
      req.destroy();
    }, target.timeoutMs);

    // Cut from outside (shutdown): same teardown as the timeout; the caller knows the result is not a finding.
    const onAbort = () => {
      finish({ errorClass: 'timeout', message: 'Probe cut short: the server is shutting down' });
      req.destroy();
    };
    if (target.signal?.aborted) onAbort();
    else target.signal?.addEventListener('abort', onAbort, { once: true });

    req.on('error', (err) => finish(classify(err)));
    req.on('response', (res) => {
      response = res;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBody) {
          truncated = true;
          chunks.push(chunk.subarray(0, Math.max(0, chunk.length - (received - maxBody))));
          received = maxBody;
          finish(null);
          res.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => finish(null));
      // A body cut by a reset or our timeout is no complete answer.
      res.on('error', (err) => finish(classify(err)));
      res.on('aborted', () => finish({ errorClass: 'connection', message: 'Connection closed before the body was complete' }));
    });
    req.end();
  });
}

function notSent(errorClass: ProbeErrorClass, message: string): HttpOutcome {
  return { status: null, headers: {}, body: Buffer.alloc(0), bodyBytes: null, bodyTruncated: false, latencyMs: null, error: { errorClass, message } };
}

const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME', 'EAI_FAIL']);
const tlsCodes = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

/** Maps a socket or request error to the port's classes; unknown network errors count as connection. */
export function classify(err: unknown): { errorClass: ProbeErrorClass; message: string } {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof BlockedTargetError) return { errorClass: 'blocked-address', message };
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (dnsCodes.has(code)) return { errorClass: 'dns', message };
  if (tlsCodes.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT')) {
    return { errorClass: 'tls', message };
  }
  if (code === 'ETIMEDOUT') return { errorClass: 'timeout', message };
  return { errorClass: 'connection', message: code && !message.includes(code) ? `${code}: ${message}` : message };
}

/** The facts every adapter reports; adapters then add their own classification and readings. */
export function baseResult(checkedAt: Date, outcome: HttpOutcome): ProbeResult {
  return {
    checkedAt,
    latencyMs: outcome.latencyMs,
    httpStatus: outcome.status,
    bodyBytes: outcome.bodyBytes,
    errorClass: outcome.error?.errorClass ?? null,
    errorMessage: outcome.error?.message ?? null,
    rateLimit: null,
    statusPage: null,
  };
}
