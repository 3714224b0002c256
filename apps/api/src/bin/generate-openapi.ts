import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from '../app.module';
import { parseConfig } from '../config/app-config';
import { buildOpenApiDocument } from '../core/http/openapi';

/**
 * Writes openapi.json without a server or database: preview mode resolves the module graph
 * without instantiating providers (so nothing connects anywhere).
 */
async function generate(out: string) {
  const app = await NestFactory.create(AppModule.forRoot(parseConfig({})), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  const doc = buildOpenApiDocument(app);
  writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
  await app.close();
  process.stdout.write(`Wrote ${out}\n`);
}

generate(resolve(process.argv[2] ?? 'openapi.json')).catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
