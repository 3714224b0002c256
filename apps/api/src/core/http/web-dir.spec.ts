import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { cacheControlFor, IMMUTABLE, resolveWebDir, REVALIDATE } from './web-dir';

describe('cacheControlFor', () => {
  it('caches files whose names carry the build hash for a year, precompressed variants included', () => {
    for (const path of [
      '/dist/browser/main-GIW33VEE.js',
      '/dist/browser/chunk-22NSM6RQ.js',
      '/dist/browser/chunk-22NSM6RQ.js.br',
      '/dist/browser/chunk-22NSM6RQ.js.gz',
      '/dist/browser/styles-BV4H7P7E.css',
      '/dist/browser/media/inter-ABCD1234.woff2',
    ]) {
      expect([path, cacheControlFor(path)]).toEqual([path, IMMUTABLE]);
    }
  });

  it('revalidates index.html and other un-hashed files, also when served as .br or .gz', () => {
    for (const path of [
      '/dist/browser/index.html',
      '/dist/browser/index.html.br',
      '/dist/browser/index.html.gz',
      '/dist/browser/favicon.ico',
      '/dist/browser/favicon.ico.br',
      '/dist/browser/main.js',
      '/dist/browser/chunk-lower123.js',
      '/dist/browser/robots.txt',
    ]) {
      expect([path, cacheControlFor(path)]).toEqual([path, REVALIDATE]);
    }
  });
});

describe('resolveWebDir', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pp-web-dir-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const config = (webDistDir?: string) => ({ http: { webDistDir } }) as AppConfig;

  it('takes WEB_DIST_DIR when it holds index.html', () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    expect(resolveWebDir(config(dir))).toBe(dir);
  });

  it('is null when WEB_DIST_DIR has no index.html', () => {
    mkdirSync(join(dir, 'empty'));
    expect(resolveWebDir(config(join(dir, 'empty')))).toBeNull();
  });
});
