import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { SwaggerTransform } from '@fastify/swagger';
import type { AppError, RustokSettings, TenantRef } from '@rustok/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiErrors } from './errors.js';
import { sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes credentials or sends mail: it gets the stricter login budget. */
    loginLimit?: boolean;
  }
}

/** What @fastify/rate-limit needs of an ioredis client (it defines its Lua commands on it). */
export interface RateLimitRedis {
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): unknown;
}

export interface RateLimitOptions {
  readonly settings: RustokSettings['rate_limit'];
  /** The deployment's Redis prefix (`deploymentNames(...).redisPrefix`), so deployments sharing a Redis keep their own budgets. */
  readonly redisPrefix: string;
  /** Shared counters: every instance on this Redis draws on one budget. Without it, counters are per process. */
  readonly redis?: RateLimitRedis;
}

/** A tenant's own limits (`rateLimit` in its settings), overriding the deployment's. */
export interface TenantRateLimit {
  readonly requestsPerMinute?: number;
  readonly loginAttemptsPerMinute?: number;
}

const WINDOW_MS = 60_000;
/** Counters kept per process when there is no Redis (least recently used are dropped). */
const LOCAL_KEYS = 10_000;

/** Routes that take a password or a one-time token, or send mail: the login budget, per tenant and client. */
export const LOGIN_LIMITED_ROUTES: ReadonlySet<string> = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/auth/password',
  '/api/v1/auth/password-reset',
  '/api/v1/auth/password-reset/confirm',
  '/api/v1/auth/verify-email',
]);

/** The programmable surfaces: REST, GraphQL, MCP (and the key set). */
const LIMITED_PREFIXES = ['/api/', '/graphql', '/mcp', '/.well-known/'];

/**
 * Never limited: probes and scrapes, and the web apps' pages and files (a storefront page's work is
 * the API calls it makes for the shopper, which are limited as the shopper's own).
 */
const isUnlimited = (url: string): boolean => !LIMITED_PREFIXES.some((prefix) => url.startsWith(prefix));

const positive = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

/** The tenant's `rateLimit` settings (validated when written; anything else stored there is ignored). */
const tenantRateLimit = (tenant: TenantRef | undefined): TenantRateLimit => {
  const value = tenant?.settings.rateLimit;
  if (value === null || typeof value !== 'object') return {};
  const limits = value as Record<string, unknown>;
  return { requestsPerMinute: positive(limits.requestsPerMinute), loginAttemptsPerMinute: positive(limits.loginAttemptsPerMinute) };
};

const isLoginLimited = (request: FastifyRequest): boolean =>
  request.routeOptions.config.loginLimit === true || LOGIN_LIMITED_ROUTES.has(request.routeOptions.url ?? '');

/** `<tenant>:<budget>:<client>`: the signed-in user, or else the client address (IPv6 by /64). */
const rateLimitKey = (request: FastifyRequest): string => {
  const tenant = request.tenant?.id ?? 'platform';
  const budget = isLoginLimited(request) ? 'login' : 'api';
  // A socket without an address (a Unix socket) counts as one client.
  const address = request.ip ? normalizeIP(request.ip) : 'unknown';
  const client = request.principal ? `user:${request.principal.userId}` : `ip:${address}`;
  return `${tenant}:${budget}:${client}`;
};

const limitOf = (request: FastifyRequest, settings: RustokSettings['rate_limit']): number => {
  const own = tenantRateLimit(request.tenant);
  return isLoginLimited(request)
    ? (own.loginAttemptsPerMinute ?? settings.login_attempts_per_minute)
    : (own.requestsPerMinute ?? settings.requests_per_minute);
};

const rateLimited = (seconds: number): AppError =>
  apiErrors.RATE_LIMITED(`Too many requests; retry in ${seconds} s`, { meta: { retryAfterSeconds: seconds } });

/**
 * Request rate limits (@fastify/rate-limit: its stores, keys and windows), fixed one-minute windows
 * per tenant and client. The check runs after tenant resolution and authentication (register it
 * after the access-control hooks), so the key and the tenant's own limits are known. Every limited
 * answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset; over the limit the
 * answer is 429 RATE_LIMITED problem+json with Retry-After, sent here rather than thrown, so that
 * GraphQL's error handler does not turn it into a 200 GraphQL error. If the Redis store fails,
 * requests go through rather than fail.
 */
export const registerRateLimit = async (app: FastifyInstance, options: RateLimitOptions): Promise<void> => {
  if (!options.settings.enabled) return;
  await app.register(rateLimit, {
    global: false,
    timeWindow: WINDOW_MS,
    max: (request) => limitOf(request, options.settings),
    keyGenerator: rateLimitKey,
    allowList: (request) => isUnlimited(request.url),
    skipOnError: true,
    cache: LOCAL_KEYS,
    ...(options.redis ? { redis: options.redis, nameSpace: `${options.redisPrefix}:rate-limit:` } : {}),
  });
  const check = app.createRateLimit();
  app.addHook('onRequest', async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed) return;
    reply.header('ratelimit-limit', result.max);
    reply.header('ratelimit-remaining', result.remaining);
    reply.header('ratelimit-reset', result.ttlInSeconds);
    if (!result.isExceeded) return;
    const seconds = Math.max(1, result.ttlInSeconds);
    reply.header('retry-after', seconds);
    return sendProblem(reply, request, rateLimited(seconds));
  });
};

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: 'Requests allowed in the current one-minute window', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in the window', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window ends', schema: { type: 'integer' } },
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
};

/** OpenAPI: with rate limits on, every limited operation lists its 429 RATE_LIMITED answer and the headers it carries. */
export const rateLimitTransform =
  (enabled: boolean): SwaggerTransform =>
  ({ schema, url }) => {
    if (!enabled || !schema || isUnlimited(url)) return { schema, url };
    const response = (schema.response ?? {}) as Record<string, unknown>;
    const own = response['429'];
    const tooMany = {
      $ref: 'Problem#',
      description: 'Too many requests (RATE_LIMITED): wait Retry-After seconds',
      ...(own !== null && typeof own === 'object' ? own : {}),
      headers: RATE_LIMIT_HEADERS,
    };
    return { schema: { ...schema, response: { ...response, 429: tooMany } }, url };
  };
