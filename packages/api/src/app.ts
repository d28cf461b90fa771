import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Database } from '@rustok/db';
import { type Config, deploymentNames, type HealthCheck, type ModuleDefinition, type ModuleRegistry } from '@rustok/kernel';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyRequest,
  LogController,
} from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { RequestPipeline } from './access.js';
import { registerAccessControl, requireDeclaredAccess } from './access-control.js';
import { registerCors } from './cors.js';
import { registerErrorCatalogueRoute } from './error-catalogue-route.js';
import { registerEventCatalogueRoutes } from './event-catalogue-route.js';
import { registerGraphQL } from './graphql.js';
import { type HealthRoutesOptions, registerHealthRoutes } from './health.js';
import { registerInputGuard } from './input-guard.js';
import { createMetrics, registerMetrics } from './metrics.js';
import { registerOpenApi } from './openapi.js';
import { errorHandler, frameworkErrorHandler, notFoundHandler } from './problem.js';
import { type RateLimitRedis, registerRateLimit } from './rate-limit.js';
import { correlationIdFrom, registerRequestIds, requestIdOf } from './request-ids.js';
import { registerSecurityHeaders, securityHeadersFor } from './security-headers.js';

/** What route handlers of every module reach through `app.rustok` / `request.server.rustok`. */
export interface PlatformServices {
  readonly config: Config;
  readonly db: Database;
  readonly registry: ModuleRegistry;
}

declare module 'fastify' {
  interface FastifyInstance {
    rustok: PlatformServices;
  }
}

export interface BuildAppOptions extends PlatformServices {
  readonly logger: Logger;
  readonly version: string;
  /** Checks besides the database's (e.g. Redis, NATS), each critical or not. */
  readonly checks?: readonly HealthCheck[];
  readonly graphqlContext?: (request: FastifyRequest) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Prometheus registry shared with the other layers; a new one by default. */
  readonly metricsRegistry?: Registry;
  /** Decorates the app (e.g. with the event bus) before module routes are mounted. */
  readonly extend?: (app: FastifyInstance) => void;
  /** Tenant resolution, authentication and module switches: with it, every /api/v1 route must declare its access. */
  readonly pipeline?: RequestPipeline;
  /** An ioredis client for the rate-limit counters, shared by every instance; per-process counters without it. */
  readonly rateLimitRedis?: RateLimitRedis;
  /** Answers given before the request hooks (filled in once the app is built, e.g. cached storefront pages). */
  readonly earlyAnswers?: EarlyAnswers;
  /** Fields added to the `/health/ready` report (the server's process roles). */
  readonly readinessInfo?: HealthRoutesOptions['info'];
}

/**
 * A place for answers that need none of the request pipeline (a page kept whole, the same for
 * everyone), given by the HTTP server before Fastify sees the request: `answer` returns true when it
 * has written the response, which must carry the ids and security headers itself
 * (`earlyAnswerHeaders`). Such answers bypass routing, hooks and the request metrics; whoever gives
 * them counts them. Filled in once the app is built.
 */
export interface EarlyAnswers {
  answer?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

/** What every answer carries and an early one must set itself: security headers, request and correlation ids. */
export const earlyAnswerHeaders = (request: IncomingMessage): Record<string, string> => {
  const requestId = requestIdOf(request);
  return {
    ...securityHeadersFor(request.url ?? '/'),
    'x-request-id': requestId,
    'x-correlation-id': correlationIdFrom(request, requestId),
  };
};

/** Fastify on an HTTP server that lets the early answers go first. */
const serverWithEarlyAnswers =
  (slot: EarlyAnswers) =>
  (handler: (request: IncomingMessage, response: ServerResponse) => void): Server =>
    createServer((request, response) => {
      if (slot.answer?.(request, response) === true) return;
      handler(request, response);
    });

/** The database answers a ping within 1.5 s (critical: without it the instance is unavailable). */
export const databaseCheck = (db: Database): HealthCheck => ({
  name: 'database',
  critical: true,
  check: async () => {
    await db.ping(1_500);
    return { status: 'ok' };
  },
});

/**
 * Requests that were in flight when shutdown began end with `Connection: close`, so their
 * keep-alive sockets do not hold the server open until the keep-alive timeout.
 */
const closeKeepAliveOnShutdown = (app: FastifyInstance): void => {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
};

/** Each module's REST routes as an encapsulated plugin named after the module, under /api/v1. */
const mountModuleRoutes = async (app: FastifyInstance, modules: readonly ModuleDefinition[]): Promise<void> => {
  await app.register(
    async (api) => {
      for (const mod of modules) {
        if (!mod.rest) continue;
        const rest = mod.rest;
        // Routes of an optional module carry its slug: disabled for a tenant, they answer 404 there.
        const scoped: FastifyPluginAsync = async (scope, opts) => {
          if (mod.kind === 'optional') {
            scope.addHook('onRoute', (route) => {
              route.config = { ...route.config, module: mod.slug } as typeof route.config;
            });
          }
          await rest(scope, opts);
        };
        const plugin = fp(scoped, {
          name: `rustok-module-${mod.slug}`,
          dependencies: mod.dependencies.filter((d) => modules.find((m) => m.slug === d)?.rest).map((d) => `rustok-module-${d}`),
          encapsulate: true,
        });
        await api.register(plugin);
      }
    },
    { prefix: '/api/v1' },
  );
};

/** The HTTP surface: request ids, problem+json, health, metrics, OpenAPI, GraphQL and module routes. */
export const buildApp = async (options: BuildAppOptions): Promise<FastifyInstance> => {
  const { config } = options;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.server.body_limit_bytes,
    // Only the configured proxies' X-Forwarded-For is believed; with none, request.ip is the socket's address.
    trustProxy: config.server.trust_proxy.length > 0 ? [...config.server.trust_proxy] : false,
    return503OnClosing: true,
    // Longer than any identifier or handle a route takes (handles go up to 200); longer ones get 414 problem+json.
    routerOptions: { maxParamLength: 512 },
    frameworkErrors: frameworkErrorHandler,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    ...(options.earlyAnswers ? { serverFactory: serverWithEarlyAnswers(options.earlyAnswers) } : {}),
  });
  app.decorate('rustok', { config, db: options.db, registry: options.registry });
  registerRequestIds(app);
  // Before any plugin adds routes (CORS adds its preflight route): a route keeps the error handler it was added under.
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await registerSecurityHeaders(app);
  const pipeline = options.pipeline;
  await registerCors(app, {
    allowedOrigins: config.server.cors.allowed_origins,
    tenantHeader: config.settings.rustok.tenant.header_name,
    headerResolution: config.settings.rustok.tenant.resolution === 'header',
    resolveTenant: pipeline && ((request) => pipeline.resolveTenant(request)),
    anyTenantAllows: pipeline?.originAllowedByAnyTenant?.bind(pipeline),
  });
  closeKeepAliveOnShutdown(app);
  registerInputGuard(app);
  const modules = options.registry.modules;
  const metrics = createMetrics({ poolStats: () => options.db.stats(), registry: options.metricsRegistry });
  options.extend?.(app);
  if (options.pipeline) {
    requireDeclaredAccess(app);
    registerAccessControl(app, options.pipeline);
  }
  // After access control: budgets are per tenant and per signed-in user.
  await registerRateLimit(app, {
    settings: config.settings.rustok.rate_limit,
    redisPrefix: deploymentNames(config.settings.rustok).redisPrefix,
    redis: options.rateLimitRedis,
  });
  registerMetrics(app, metrics);
  registerHealthRoutes(app, { checks: [databaseCheck(options.db), ...(options.checks ?? [])], modules, info: options.readinessInfo });
  await registerOpenApi(app, {
    version: options.version,
    bodyLimit: config.server.body_limit_bytes,
    rateLimited: config.settings.rustok.rate_limit.enabled,
    errors: options.registry.errors,
  });
  registerErrorCatalogueRoute(app, options.registry.errors);
  registerEventCatalogueRoutes(app, modules);
  await registerGraphQL(app, {
    modules,
    maxDepth: config.graphql.max_depth,
    maxComplexity: config.graphql.max_complexity,
    graphiql: config.graphql.graphiql,
    extendContext: options.graphqlContext,
    moduleEnabled: options.pipeline?.moduleEnabled,
    metricsRegistry: metrics.registry,
    persistedQueries: {
      mode: config.graphql.persisted_queries,
      allowlistFile: config.graphql.allowlist_file,
      apqCacheSize: config.graphql.apq_cache_size,
    },
  });
  await mountModuleRoutes(app, modules);
  return app;
};
