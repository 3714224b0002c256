import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';

/** Content-Security-Policy for the portal and Swagger UI (same-origin scripts; Socket.IO over ws). */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // Plain-HTTP installs on a LAN host would otherwise break Swagger UI (see STACK.md).
  upgradeInsecureRequests: null,
};

const NOT_SECURITY = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * Helmet's headers never depend on the request, so @fastify/helmet runs once, on a throwaway
 * instance, and its headers are then set as one fixed object on every reply (helmet per request
 * cut throughput by ~40% in our measurements, STACK.md).
 */
export async function computeSecurityHeaders(hsts: boolean): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: CSP_DIRECTIVES },
    strictTransportSecurity: hsts,
    crossOriginEmbedderPolicy: false,
  });
  probe.get('/', async () => 'ok');
  const res = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (!NOT_SECURITY.has(k) && v !== undefined) headers[k] = String(v);
  }
  return headers;
}

/**
 * JSON API responses are never rendered as documents, so they get the short OWASP REST set instead of
 * the portal's full helmet set: sending ~1 kB of document headers on every API reply halved throughput.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** API routes except the Swagger UI pages, which are documents. */
export const isApiPath = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');
