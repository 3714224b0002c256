import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../../config/app-config';

/**
 * The built portal: WEB_DIST_DIR, else next to the built API (dist/apps/web/browser beside
 * dist/apps/api), else from the workspace root. Null when the portal has not been built.
 */
export function resolveWebDir(config: AppConfig): string | null {
  const candidates = config.http.webDistDir
    ? [resolve(config.http.webDistDir)]
    : [resolve(__dirname, '../web/browser'), resolve('dist/apps/web/browser')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** The builder's outputHashing names: main-GIW33VEE.js, chunk-22NSM6RQ.js, styles-BV4H7P7E.css, media/font-ABCD1234.woff2. */
const HASHED_NAME = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
const PRECOMPRESSED_SUFFIX = /\.(br|gz)$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * Cache-Control for a portal file (its path on disk, possibly the .br/.gz variant): a name with a content
 * hash never changes and is cached for a year; index.html and every other un-hashed file (favicon.ico)
 * is revalidated, so a new build is picked up on the next load.
 */
export function cacheControlFor(path: string): string {
  const name = path.replace(PRECOMPRESSED_SUFFIX, '').split(/[\\/]/).pop() ?? '';
  return HASHED_NAME.test(name) ? IMMUTABLE : REVALIDATE;
}
