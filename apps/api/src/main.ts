import { createApiApp } from './app';
import { installGracefulShutdown } from './core/lifecycle/graceful-shutdown';
import { installProcessErrorHandlers } from './core/lifecycle/process-errors';
import { JsonLogger } from './core/logging/json-logger';
import { ConfigError } from './config/app-config';
import { loadConfig } from './config/load-config';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee the configuration table in README.md.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = new JsonLogger(config.logLevel);
  installProcessErrorHandlers(logger);
  const app = await createApiApp(config, logger);
  app.useLogger(logger);
  installGracefulShutdown(app, { timeoutMs: config.http.shutdownTimeoutMs });
  await app.listen({ port: config.http.port, host: config.http.host });
  logger.log(
    { msg: `PostProber AI listening on http://localhost:${config.http.port}`, role: config.role, docs: '/api/docs' },
    'Main',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`Failed to start: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
