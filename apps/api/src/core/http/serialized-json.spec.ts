import Fastify, { FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { registerCompression } from './compression';
import { SerializedJson, sendSerializedJson } from './serialized-json';

describe('SerializedJson', () => {
  const big = JSON.stringify({ monitors: Array.from({ length: 200 }, (_, i) => ({ id: `m-${i}`, status: 'healthy', latency_ms: i })) });
  let body: SerializedJson;
  let app: FastifyInstance;
  beforeEach(async () => {
    body = new SerializedJson(big, 'W/"v1"');
    app = Fastify();
    registerCompression(app); // the hook must leave the precompressed body alone
    app.get('/status', (req, reply) => sendSerializedJson(req, reply, body, 'private, no-cache'));
    app.get('/small', (req, reply) => sendSerializedJson(req, reply, new SerializedJson('{"ok":true}', 'W/"s"'), 'no-cache'));
    await app.ready();
  });
  afterEach(() => app.close());

  it('compresses once per encoding, however many reads', async () => {
    expect(body.in('br')).toBe(body.in('br'));
    expect(body.in('gzip')).not.toBe(body.in('br'));
    expect(brotliDecompressSync(await body.in('br')).toString()).toBe(big);
  });

  it('answers brotli or gzip as the client accepts, with the ETag, Vary and cache control', async () => {
    const br = await app.inject({ url: '/status', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.headers.etag).toBe('W/"v1"');
    expect(br.headers['cache-control']).toBe('private, no-cache');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(big);
    const gz = await app.inject({ url: '/status', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(big);
  });

  it('sends the JSON as it is without Accept-Encoding, and small bodies uncompressed', async () => {
    const plain = await app.inject({ url: '/status' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.body).toBe(big);
    const small = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ ok: true });
  });

  it('answers 304 without a body to a client that holds the current one', async () => {
    const r = await app.inject({ url: '/status', headers: { 'if-none-match': 'W/"v1"', 'accept-encoding': 'br' } });
    expect(r.statusCode).toBe(304);
    expect(r.rawPayload.length).toBe(0);
    expect(r.headers.etag).toBe('W/"v1"');
  });
});
