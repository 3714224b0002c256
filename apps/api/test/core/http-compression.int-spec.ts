import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, TestApp } from '../support/test-app';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The bytes as they travel: fetch would decompress them and hide what the server sent. */
function rawGet(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (res: RawResponse): Buffer => {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body);
  if (encoding === 'gzip') return gunzipSync(res.body);
  return res.body;
};

/** The real app serving a portal build laid out as `nx build web` leaves it: hashed files with .br and .gz. */
describe('HTTP compression and portal caching (real app)', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'pp-web-'));
  const indexHtml = `<!doctype html><html><head><title>PostProber AI</title></head><body><pp-root></pp-root>${'<!-- padding -->'.repeat(100)}<script src="main-ABCD1234.js" type="module"></script></body></html>`;
  const mainJs = `export const greeting = ${JSON.stringify('hello '.repeat(1000))};\n`;
  let t: TestApp;

  beforeAll(async () => {
    for (const [name, content] of [['index.html', indexHtml], ['main-ABCD1234.js', mainJs]]) {
      writeFileSync(join(webDir, name), content);
      writeFileSync(join(webDir, `${name}.br`), brotliCompressSync(content));
      writeFileSync(join(webDir, `${name}.gz`), gzipSync(content));
    }
    writeFileSync(join(webDir, 'favicon.ico'), Buffer.alloc(300)); // under 1 kB: no variants, as precompress leaves it
    t = await startTestApp({ WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends the brotli file for br, the gzip file for gzip and the file itself otherwise, varying on Accept-Encoding', async () => {
    const br = await rawGet(t.url, '/main-ABCD1234.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toBe(mainJs);

    const gz = await rawGet(t.url, '/main-ABCD1234.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(mainJs);

    const none = await rawGet(t.url, '/main-ABCD1234.js');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(mainJs);

    const refused = await rawGet(t.url, '/main-ABCD1234.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();

    for (const res of [br, gz, none]) expect(res.headers['vary']).toMatch(/accept-encoding/i);
  });

  it('caches hashed files for a year and revalidates index.html and un-hashed files', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    expect((await rawGet(t.url, '/main-ABCD1234.js', { 'accept-encoding': 'br' })).headers['cache-control']).toBe(immutable);
    expect((await rawGet(t.url, '/main-ABCD1234.js')).headers['cache-control']).toBe(immutable);
    for (const accept of ['br', 'gzip', '']) {
      const index = await rawGet(t.url, '/', accept ? { 'accept-encoding': accept } : {});
      expect([accept, index.status, index.headers['cache-control'], index.headers['content-encoding']]).toEqual([
        accept,
        200,
        'no-cache',
        accept || undefined,
      ]);
      expect(decode(index).toString()).toBe(indexHtml);
    }
    const icon = await rawGet(t.url, '/favicon.ico', { 'accept-encoding': 'br' });
    expect([icon.status, icon.headers['cache-control'], icon.headers['content-encoding']]).toEqual([200, 'no-cache', undefined]);
  });

  it('answers deep links with index.html (compressed when asked) and unknown API paths with JSON 404', async () => {
    const page = await rawGet(t.url, '/dashboard', { 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('br');
    expect(decode(page).toString()).toBe(indexHtml);

    const missing = await rawGet(t.url, '/api/no-such-thing', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(decode(missing).toString())).toMatchObject({ statusCode: 404 });
  });

  it('compresses /api/openapi.json to valid JSON, by brotli or gzip, and leaves HEAD alone', async () => {
    for (const encoding of ['br', 'gzip']) {
      const res = await rawGet(t.url, '/api/openapi.json', { 'accept-encoding': encoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      const doc = JSON.parse(decode(res).toString());
      expect(doc.openapi).toMatch(/^3\./);
      expect(decode(res).length).toBeGreaterThan(res.body.length * 4);
    }
    const plain = await rawGet(t.url, '/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).openapi).toMatch(/^3\./);
    const head = await rawGet(t.url, '/api/openapi.json', { 'accept-encoding': 'br' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, undefined, 0]);
  });

  it('leaves small JSON uncompressed', async () => {
    const res = await rawGet(t.url, '/api/livez', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString())).toBeTruthy();
  });

  it('leaves Socket.IO traffic to engine.io', async () => {
    const res = await rawGet(t.url, '/socket.io/?EIO=4&transport=polling', { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).not.toBe('br');
    expect(decode(res).toString()).toMatch(/^0\{"sid":/);
  });
});
