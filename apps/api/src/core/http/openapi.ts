import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_VERSION } from '../version';
import { ErrorResponseDto } from './error-response.dto';
import { declareErrorResponses, operationFacts } from './openapi-errors';

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
    // The empty default is not an absolute URL: .spectral.yaml exempts this server from oas3-server-variables.
    .addServer('{origin}', 'Your deployment; every path starts with /api', {
      origin: { default: '', description: 'Scheme, host and port, e.g. https://postprober.example.com (empty: same origin)' },
    })
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    // The deployment operator's key (OPERATOR_KEY), only for /api/operator/* and never a customer credential.
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Operator-Key' }, 'operator-key')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('api-key');
  for (const [name, description] of Object.entries(TAGS)) config.addTag(name, description);
  const doc = SwaggerModule.createDocument(app, config.build(), {
    // The operationId is the controller method name: the generated client reads naturally.
    operationIdFactory: (_controller, method) => method,
    extraModels: [ErrorResponseDto],
  });
  return sortKeys(singleAllOf(declareErrorResponses(doc, operationFacts(app))));
}

/** Every tag a controller uses (@ApiTags), described once (Spectral's operation-tag-defined fails CI on a missing one). */
export const TAGS: Record<string, string> = {
  auth: 'Sign-in, first-run setup and the current session.',
  'api-keys': 'API keys for integrations (sent in the `X-API-Key` header).',
  users: 'People in the organization and their roles.',
  organization: 'Organization-wide settings such as branded hashtags.',
  operator: 'For the deployment operator (X-Operator-Key, not a customer credential): organizations and their first admins.',
  content: 'AI tools: content optimization and hashtag generation.',
  drafts: 'Saved post drafts.',
  health: 'Platform health monitoring: monitors, status, history, incidents and alerts.',
  ai: 'AI usage and token accounting.',
  admin: 'Operator views such as scheduled job status.',
  system: 'Liveness and readiness probes.',
};

/**
 * @nestjs/swagger wraps a referenced enum in a one-element allOf (room for siblings in OpenAPI 3.0); without
 * siblings that wrapper is noise that linters flag, so it becomes the plain $ref.
 */
export function singleAllOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(singleAllOf) as T;
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const allOf = obj['allOf'];
  if (Array.isArray(allOf) && allOf.length === 1 && Object.keys(obj).length === 1) return singleAllOf(allOf[0]) as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj)) out[key] = singleAllOf(v);
  return out as T;
}

/** Stable key order, so the committed spec only changes when the API does. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out as T;
}
