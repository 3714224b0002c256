import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_VERSION } from '../version';

/** The OpenAPI document integrators get at /api/openapi.json and that libs/api-client is generated from. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('PostProber AI API')
    .setDescription(
      'AI tools for social-media teams. Authenticate with `Authorization: Bearer <JWT>` from POST /api/auth/login, ' +
        'or with an API key in the `X-API-Key` header. JSON fields are snake_case.',
    )
    .setVersion(API_VERSION)
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  return sortKeys(
    SwaggerModule.createDocument(app, config, {
      // The operationId is the controller method name: the generated client reads naturally.
      operationIdFactory: (_controller, method) => method,
    }),
  );
}

/** Stable key order, so the committed spec only changes when the API does. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out as T;
}
