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
