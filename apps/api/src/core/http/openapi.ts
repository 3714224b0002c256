import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_VERSION } from '../version';
import { ErrorResponseDto } from './error-response.dto';
import { declareErrorResponses, rolesByOperation } from './openapi-errors';

/** The OpenAPI document integrators get at /api/openapi.json and that libs/api-client is generated from. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('PostProber AI API')
    .setDescription(
      'AI tools for social-media teams. Authenticate with `Authorization: Bearer <JWT>` from POST /api/auth/login, ' +
        'or with an API key in the `X-API-Key` header. JSON fields are snake_case.',
    )
    .setVersion(API_VERSION)
    .setLicense('MIT', 'https://opensource.org/license/mit')
    // A template, so generated clients default to same-origin requests (the portal) and integrators fill in theirs.
    .addServer('{origin}', 'Your deployment; every path starts with /api', {
      origin: { default: '', description: 'Scheme, host and port, e.g. https://postprober.example.com (empty: same origin)' },
    })
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('api-key')
    .build();
  const doc = SwaggerModule.createDocument(app, config, {
    // The operationId is the controller method name: the generated client reads naturally.
    operationIdFactory: (_controller, method) => method,
    extraModels: [ErrorResponseDto],
  });
  return sortKeys(declareErrorResponses(doc, rolesByOperation(app)));
}

/** Stable key order, so the committed spec only changes when the API does. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out as T;
}
