import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { TenantRef } from '@rustok/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * CORS: a browser on another origin may call the API when its origin is allowed, either
 * deployment-wide (`server.cors.allowed_origins`, every route) or by the tenant the request is for
 * (`allowedOrigins` in the tenant's settings, tenant routes only). Preflights carry no token, so
 * the tenant is resolved from the header or host as for any request. A browser does not send the
 * tenant header on a preflight either: a preflight announcing it (in
 * Access-Control-Request-Headers) without its value passes when some active tenant allows the
 * origin, and the actual request, which names its tenant, is then answered with CORS headers only
 * if that tenant allows the origin. A preflight from an origin that is not allowed gets no CORS
 * headers and 404, like an OPTIONS request on a route that has none. Allowed origins are echoed
 * (never `*`) with credentials allowed, for cart/order cookies.
 */
export interface CorsOptions {
  /** Allowed everywhere (platform API, admin, every tenant). */
  readonly allowedOrigins: readonly string[];
  /** The configured tenant header (e.g. `X-Tenant-ID`): browsers must be allowed to send it. */
  readonly tenantHeader: string;
  /** Whether the tenant is named by that header (`settings.rustok.tenant.resolution` is `header`). */
  readonly headerResolution: boolean;
  /** The tenant of a request; absent without a tenancy pipeline. Throws when the request names no usable tenant. */
  readonly resolveTenant?: (request: FastifyRequest) => Promise<TenantRef>;
  /** Whether any active tenant allows the origin, for preflights whose tenant header is announced but not sent. */
  readonly anyTenantAllows?: (origin: string) => Promise<boolean>;
}

const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Cart-Token',
  'X-Order-Token',
  'traceparent',
  'tracestate',
  'X-Request-Id',
  'X-Correlation-Id',
] as const;
const CORS_EXPOSED_HEADERS = [
  'X-Request-Id',
  'X-Correlation-Id',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
] as const;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** How long a browser may cache a preflight answer (seconds). */
const PREFLIGHT_MAX_AGE = 600;

/** The tenant's `allowedOrigins` (validated when written; anything else stored there is ignored). */
const tenantAllowedOrigins = (tenant: TenantRef | undefined): readonly string[] => {
  const value = tenant?.settings.allowedOrigins;
  return Array.isArray(value) ? value.filter((origin): origin is string => typeof origin === 'string') : [];
};

/** Paths whose tenant's own origins count: tenant API routes and GraphQL, not the platform routes. */
const isTenantPath = (url: string): boolean =>
  (url.startsWith('/api/v1/') && !url.startsWith('/api/v1/platform/')) ||
  url === '/graphql' ||
  url.startsWith('/graphql?') ||
  url.startsWith('/.well-known/');

const originOf = (request: FastifyRequest): string | undefined => {
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin !== 'null' ? origin.toLowerCase() : undefined;
};

/** The tenant's origins, or none when the request names no usable tenant (its own answer will say why). */
const tenantOrigins = async (request: FastifyRequest, options: CorsOptions): Promise<readonly string[]> => {
  if (!options.resolveTenant || !isTenantPath(request.url)) return [];
  try {
    return tenantAllowedOrigins(await options.resolveTenant(request));
  } catch {
    return [];
  }
};

/** A preflight for a request that will name its tenant in the header, which the preflight itself cannot carry. */
const announcesTenantHeader = (request: FastifyRequest, options: CorsOptions): boolean => {
  const name = options.tenantHeader.toLowerCase();
  if (!options.headerResolution || request.method !== 'OPTIONS' || request.headers[name] !== undefined) return false;
  const requested = request.headers['access-control-request-headers'];
  return typeof requested === 'string' && requested.split(',').some((header) => header.trim().toLowerCase() === name);
};

const isAllowed = async (request: FastifyRequest, options: CorsOptions): Promise<boolean> => {
  const origin = originOf(request);
  if (!origin) return false;
  // An OPTIONS request that is no preflight is not answered as one.
  if (request.method === 'OPTIONS' && !request.headers['access-control-request-method']) return false;
  if (options.allowedOrigins.includes(origin)) return true;
  if (options.anyTenantAllows && isTenantPath(request.url) && announcesTenantHeader(request, options)) {
    return options.anyTenantAllows(origin).catch(() => false);
  }
  return (await tenantOrigins(request, options)).includes(origin);
};

export const registerCors = async (app: FastifyInstance, options: CorsOptions): Promise<void> => {
  const allowed: FastifyCorsOptions = {
    origin: true, // echo the request's origin, already checked
    credentials: true,
    methods: METHODS,
    allowedHeaders: [...CORS_ALLOWED_HEADERS, options.tenantHeader],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    maxAge: PREFLIGHT_MAX_AGE,
  };
  const refused: FastifyCorsOptions = { origin: false };
  // A callback delegator: a request without an Origin header (not from a browser on another
  // origin) is refused at once, with no promise per request.
  const delegator = (request: FastifyRequest, callback: (error: Error | null, options: FastifyCorsOptions) => void): void => {
    if (originOf(request) === undefined) {
      callback(null, refused);
      return;
    }
    isAllowed(request, options).then(
      (ok) => callback(null, ok ? allowed : refused),
      (error: Error) => callback(error, refused),
    );
  };
  await app.register(cors, { hook: 'onRequest', delegator });
};
