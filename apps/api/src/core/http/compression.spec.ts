import Fastify, { FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressReply, isCompressibleType, negotiateEncoding, registerCompression } from './compression';

describe('negotiateEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['gzip;q=0', null],
    ['*', 'br'],
    ['*;q=0', null],
    ['*, br;q=0', 'gzip'],
    ['deflate', null],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=abc, gzip', 'gzip'],
  ])('%p → %p', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('reads a repeated header', () => {
    expect(negotiateEncoding(['gzip;q=0.5', 'br;q=0.1'])).toBe('gzip');
  });
});

describe('isCompressibleType', () => {
  it.each([
    ['application/json; charset=utf-8', true],
    ['application/problem+json', true],
    ['application/vnd.api+json', true],
    ['text/html; charset=utf-8', true],
    ['text/plain', true],
    ['text/css', true],
    ['application/javascript', true],
    ['image/svg+xml', true],
    ['image/png', false],
    ['application/octet-stream', false],
    ['application/jsonl-no', false],
    [undefined, false],
  ])('%p → %p', (type, expected) => {
    expect(isCompressibleType(type)).toBe(expected);
  });
});

describe('registerCompression (on a real Fastify instance)', () => {
  const big = { items: Array.from({ length: 100 }, (_, i) => ({ id: i, name: `item number ${i}` })) };
  const bigJson = JSON.stringify(big);
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    registerCompression(app);
    app.get('/big', async () => big);
    app.get('/small', async () => ({ ok: true }));
    app.get('/text', async (_req, reply) => reply.type('text/plain').send('x'.repeat(2000)));
    app.get('/png', async (_req, reply) => reply.type('image/png').send(Buffer.alloc(4000)));
    app.get('/encoded', async (_req, reply) => reply.type('application/json').header('content-encoding', 'gzip').send(Buffer.alloc(4000)));
    app.get('/no-transform', async (_req, reply) => reply.header('cache-control', 'no-transform').send(big));
    app.get('/empty', async (_req, reply) => reply.code(204).send());
    app.get('/vary', async (_req, reply) => reply.header('vary', 'origin').send(big));
    app.get('/etag', async (_req, reply) => reply.header('etag', '"abc"').send(big));
    app.get('/stream', async (_req, reply) => {
      const { Readable } = await import('node:stream');
      return reply.type('application/json').send(Readable.from([bigJson]));
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const get = (url: string, acceptEncoding?: string, method: 'GET' | 'HEAD' = 'GET') =>
    app.inject({ method, url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('sends brotli when br is accepted, with Vary and the compressed length', async () => {
    const res = await get('/big', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toBe('accept-encoding');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.length).toBeLessThan(bigJson.length / 3);
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString())).toEqual(big);
  });

  it('sends gzip when only gzip is accepted (or br is q=0)', async () => {
    for (const header of ['gzip', 'br;q=0, gzip']) {
      const res = await get('/big', header);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(res.rawPayload).toString())).toEqual(big);
    }
  });

  it('sends identity without Accept-Encoding, and still says the response varies on it', async () => {
    const res = await get('/big');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['vary']).toBe('accept-encoding');
    expect(res.json()).toEqual(big);
  });

  it('leaves bodies under 1 kB alone', async () => {
    const res = await get('/small', 'br');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['vary']).toBeUndefined();
    expect(res.json()).toEqual({ ok: true });
  });

  it('compresses text', async () => {
    const res = await get('/text', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe('x'.repeat(2000));
  });

  it('leaves binary types, encoded bodies, no-transform, 204, HEAD and streams alone', async () => {
    expect((await get('/png', 'br')).headers['content-encoding']).toBeUndefined();
    const encoded = await get('/encoded', 'br');
    expect(encoded.headers['content-encoding']).toBe('gzip');
    expect(encoded.rawPayload.length).toBe(4000);
    expect((await get('/no-transform', 'br')).headers['content-encoding']).toBeUndefined();
    const empty = await get('/empty', 'br');
    expect([empty.statusCode, empty.headers['content-encoding'], empty.rawPayload.length]).toEqual([204, undefined, 0]);
    const head = await get('/big', 'br', 'HEAD');
    expect(head.headers['content-encoding']).toBeUndefined();
    const stream = await get('/stream', 'br');
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(stream.json()).toEqual(big);
  });

  it('keeps an existing Vary and weakens a strong ETag', async () => {
    expect((await get('/vary', 'br')).headers['vary']).toBe('origin, accept-encoding');
    expect((await get('/vary')).headers['vary']).toBe('origin, accept-encoding');
    expect((await get('/etag', 'br')).headers['etag']).toBe('W/"abc"');
    expect((await get('/etag')).headers['etag']).toBe('"abc"');
  });

  it('compressReply passes through a payload it cannot handle', async () => {
    const reply = { statusCode: 200, getHeader: () => 'application/json' };
    const payload = { not: 'serialized' };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a minimal reply: the function must return before touching more of it
    expect(await compressReply({ method: 'GET', headers: { 'accept-encoding': 'br' } } as any, reply as any, payload)).toBe(payload);
  });
});
