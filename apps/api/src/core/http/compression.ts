import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Below this a compressed body saves less than a packet and costs CPU. */
export const COMPRESSION_THRESHOLD = 1024;
/**
 * Brotli 5 and gzip 6: measured on openapi.json (98 kB) here, brotli 5 took ~2 ms for 11.4 kB (brotli 4:
 * 12.3 kB in the same time; 11: 10.1 kB but far slower), gzip 6 ~1.6 ms for 12.2 kB.
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE_TYPE = /^(?:text\/|application\/(?:[\w.+-]*\+)?json\b|application\/(?:javascript|xml)\b|image\/svg\+xml\b)/i;

/**
 * The encoding to answer with, from an Accept-Encoding header: br or gzip with the highest q-value (br on
 * a tie), `*` standing for any encoding not named; q=0 means "not acceptable". Null for identity.
 */
export function negotiateEncoding(header: string | string[] | undefined): Encoding | null {
  if (!header) return null;
  const q: Record<string, number> = {};
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    let weight = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q') weight = Number.isFinite(Number(value)) ? Number(value) : 0;
    }
    q[token === 'x-gzip' ? 'gzip' : token] = weight;
  }
  const weightOf = (encoding: Encoding) => q[encoding] ?? q['*'] ?? 0;
  const br = weightOf('br');
  const gzipWeight = weightOf('gzip');
  if (br <= 0 && gzipWeight <= 0) return null;
  return br >= gzipWeight ? 'br' : 'gzip';
}

/** JSON (application/json, application/problem+json...), text/*, JavaScript, XML and SVG. */
export function isCompressibleType(contentType: unknown): boolean {
  return typeof contentType === 'string' && COMPRESSIBLE_TYPE.test(contentType);
}

/**
 * `fast` (brotli 1, gzip 1) for bodies that change about as often as they are read, such as a live status
 * snapshot: on a 280 kB status body brotli 1 took 0.6 ms for 28.9 kB where brotli 5 took 4.6 ms for 28.0 kB.
 */
export type CompressionEffort = 'default' | 'fast';

export function compress(body: Buffer, encoding: Encoding, effort: CompressionEffort = 'default'): Promise<Buffer> {
  return encoding === 'br' ? brotli(body, brotliOptions(body, effort)) : gz(body, { level: gzipLevel(effort) });
}

/**
 * On the calling thread: for a body read often under load, where waiting for the thread pool's callback
 * behind everything else on the event loop costs more than the compression (fast brotli: 0.6 ms for 280 kB).
 */
export function compressNow(body: Buffer, encoding: Encoding, effort: CompressionEffort = 'default'): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, brotliOptions(body, effort)) : gzipSync(body, { level: gzipLevel(effort) });
}

const gzipLevel = (effort: CompressionEffort) => (effort === 'fast' ? 1 : GZIP_LEVEL);

function brotliOptions(body: Buffer, effort: CompressionEffort) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: effort === 'fast' ? 1 : BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  };
}

/** Adds accept-encoding to Vary, keeping what is there and never duplicating it. */
export function varyOnAcceptEncoding(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  const value = Array.isArray(current) ? current.join(', ') : current === undefined ? '' : String(current);
  if (value === '') return void reply.header('vary', 'accept-encoding');
  const tokens = value.split(',').map((t) => t.trim().toLowerCase());
  if (!tokens.includes('accept-encoding') && !tokens.includes('*')) reply.header('vary', `${value}, accept-encoding`);
}

/**
 * Compresses string and Buffer bodies of JSON and text responses of at least `threshold` bytes. Left as
 * they are: HEAD, 1xx/204/304, streams (the portal's files, which @fastify/static serves precompressed),
 * bodies that already have a Content-Encoding, and `Cache-Control: no-transform`.
 */
export async function compressReply(
  req: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  threshold = COMPRESSION_THRESHOLD,
): Promise<unknown> {
  if (req.method === 'HEAD') return payload;
  const status = reply.statusCode;
  if (status < 200 || status === 204 || status === 304) return payload;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (reply.getHeader('content-encoding') !== undefined) return payload;
  if (!isCompressibleType(reply.getHeader('content-type'))) return payload;
  if (/\bno-transform\b/i.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  if (body.length < threshold) return payload;
  // The same URL answers differently by Accept-Encoding, also to a client that gets it uncompressed.
  varyOnAcceptEncoding(reply);
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  if (!encoding) return payload;
  const compressed = await compress(body, encoding);
  reply.header('content-encoding', encoding);
  reply.removeHeader('content-length');
  const etag = reply.getHeader('etag');
  // A strong ETag names exact bytes; the compressed body is a different representation.
  if (typeof etag === 'string' && !etag.startsWith('W/')) reply.header('etag', `W/${etag}`);
  return compressed;
}

/**
 * Compression of the API's own responses, as an onSend hook on every route. Socket.IO never reaches it:
 * engine.io handles /socket.io/ requests on the HTTP server before Fastify sees them.
 */
export function registerCompression(fastify: FastifyInstance, threshold = COMPRESSION_THRESHOLD): void {
  fastify.addHook('onSend', (req, reply, payload) => compressReply(req, reply, payload, threshold));
}
