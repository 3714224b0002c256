import fastifyStatic from '@fastify/static';
import { DynamicModule, Logger, LoggerService, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../../config/app-config';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { JsonLogger } from '../logging/json-logger';
import { MetricsService } from '../metrics/metrics.service';
import { RealtimeIoAdapter } from '../realtime/realtime-io.adapter';
import { registerCompression } from './compression';
import { HttpExceptionFilter } from './http-exception.filter';
import { registerInputGuards } from './input-guard';
import { buildOpenApiDocument } from './openapi';
import { operationNames } from './operation-names';
import { requestIdFor } from './request-id';
import { API_SECURITY_HEADERS, computeSecurityHeaders, isApiPath } from './security-headers';
import { cacheControlFor, resolveWebDir } from './web-dir';

const SLOW_REQUEST_MS = 2000;

/**
 * Builds the HTTP application around the given root module, exactly as production runs it. core/ knows no
 * feature: the composition root (apps/api/src/app.ts, createApiApp) passes AppModule in.
 */
export async function createApp(
  rootModule: DynamicModule | Type<unknown>,
  config: AppConfig,
  logger?: LoggerService | false,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
    genReqId: requestIdFor,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger: logger ?? undefined,
    bufferLogs: !!logger,
    // Our own JSON parser (input-guard.ts) is the only one: Nest's would refuse an empty JSON body.
    bodyParser: false,
  });
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after'],
  });
  // No enableShutdownHooks(): main.ts installs a bounded shutdown (core/lifecycle/graceful-shutdown.ts).
  // Socket.IO gateways share the HTTP port; with REDIS_URL their broadcasts reach every process.
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, config));

  const fastify = app.getHttpAdapter().getInstance();
  registerInputGuards(fastify);
  const shutdown = app.get(ShutdownState);
  const documentHeaders = await computeSecurityHeaders(false);
  fastify.addHook('onRequest', (req, reply, done) => {
    shutdown.requestStarted();
    reply.raw.once('close', () => shutdown.requestEnded()); // fires for answered and abandoned requests alike
    reply.headers(isApiPath(req.url) ? API_SECURITY_HEADERS : documentHeaders);
    reply.header('x-request-id', req.id);
    done();
  });
  // While stopping, every response ends its connection: a client that keeps one alive cannot hold us up.
  fastify.addHook('onSend', (_req, reply, payload, done) => {
    if (shutdown.stopping) reply.header('connection', 'close');
    done(null, payload);
  });
  // JSON and text bodies of 1 kB and more (openapi.json ~98 kB); the portal's files go out precompressed.
  registerCompression(fastify);
  const metrics = app.get(MetricsService);
  // Access lines only when LOG_LEVEL is debug or finer (decided once); slow requests always.
  const accessLog = logger instanceof JsonLogger && logger.pino.isLevelEnabled('debug') ? logger.pino : null;
  const httpLog = new Logger('Http');
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.observe(req.method, route, reply.statusCode, reply.elapsedTime);
    const line = { request_id: req.id, method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (accessLog) accessLog.debug({ context: 'Http', ...line });
    else if (reply.elapsedTime > SLOW_REQUEST_MS) httpLog.warn({ msg: 'Slow request', ...line });
    done();
  });

  const webDir = resolveWebDir(config);
  if (webDir) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      // tools/precompress.mjs writes .br and .gz beside the built files: sent by Accept-Encoding, with Vary.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'], // found through preCompressed, not routes of their own
      // `path` is the file sent, possibly the .br/.gz variant: hashed names are immutable, the rest revalidated.
      setHeaders: (reply, path) => reply.header('cache-control', cacheControlFor(path)),
    });
  } else {
    new Logger('Http').warn('Portal not built (run `npm run build`); serving the API only');
  }

  const doc = buildOpenApiDocument(app);
  app.useGlobalFilters(new HttpExceptionFilter(webDir, operationNames(doc)));
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/openapi.json' });
  return app;
}
