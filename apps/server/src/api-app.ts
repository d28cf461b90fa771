import { buildApp, type EarlyAnswers, registerReadYourWrites } from '@rustok/api';
import { jwksRoutes } from '@rustok/auth';
import type { Database } from '@rustok/db';
import type { EventBus } from '@rustok/events';
import type { Config, ModuleRegistry } from '@rustok/kernel';
import { createToolRegistry, mcpHttpRoutes } from '@rustok/mcp';
import { connectSharedRedis } from '@rustok/tenancy';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { registerAdminApp } from './admin-app.js';
import type { AccessServices } from './platform/services.js';
import { registerStorefront, type StorefrontMount } from './storefront.js';
import { registerTraceContinuation } from './tracing.js';

export interface ApiAppOptions {
  readonly config: Config;
  readonly db: Database;
  readonly registry: ModuleRegistry;
  readonly logger: Logger;
  readonly version: string;
  readonly bus: EventBus;
  readonly access: AccessServices;
  readonly metricsRegistry: Registry;
  readonly roles: readonly string[];
  /** The admin app's build directory (the workspace's when undefined); false serves none. */
  readonly adminApp?: string | false;
  readonly storefront?: StorefrontMount['options'] | false;
}

/** Rate-limit counters in Redis, so that every instance draws on one budget. */
const rateLimitRedisFor = (config: Config, logger: Logger) =>
  config.redis.url && config.settings.rustok.rate_limit.enabled
    ? connectSharedRedis(config.redis.url, { name: 'rate-limit', logger: logger.child({ component: 'rate-limit' }) })
    : undefined;

/** The `api` role's HTTP surface: the API (REST, GraphQL, health, metrics), JWKS, the admin app and the storefront. */
export const buildApiApp = async (options: ApiAppOptions) => {
  const { config, bus, access } = options;
  const rateLimitRedis = rateLimitRedisFor(config, options.logger);
  const earlyAnswers: EarlyAnswers = {};
  const app = await buildApp({
    config,
    earlyAnswers,
    db: options.db,
    registry: options.registry,
    logger: options.logger,
    version: options.version,
    checks: [...bus.healthChecks(), ...access.cache.healthChecks()],
    metricsRegistry: options.metricsRegistry,
    pipeline: access.pipeline,
    rateLimitRedis,
    readinessInfo: { roles: options.roles },
    extend: (instance) => {
      registerTraceContinuation(instance);
      registerReadYourWrites(instance, options.db, config.database.read_your_writes_ms);
      instance.decorate('events', bus);
      instance.decorate('moduleToggles', access.toggles);
      instance.decorate('auth', access.auth);
      instance.decorate('invalidateTenant', (tenant: { id: string; slug: string; hosts?: readonly string[] }) =>
        access.cache.invalidate(tenant),
      );
    },
  });
  // Outside /api/v1 and after the OpenAPI plugin, so the document lists it.
  await app.register(jwksRoutes);
  await app.register(
    mcpHttpRoutes({
      registry: createToolRegistry(options.registry.modules),
      version: options.version,
      allowedOrigins: config.server.cors.allowed_origins,
      moduleEnabled: (tenantId, slug) => access.toggles.isEnabled(tenantId, slug),
      toolCallsPerMinute: config.settings.rustok.rate_limit.mcp_tool_calls_per_minute,
      tokenCallsPerMinute: config.settings.rustok.rate_limit.mcp_token_calls_per_minute,
    }),
  );
  if (options.adminApp !== false) await registerAdminApp(app, typeof options.adminApp === 'string' ? options.adminApp : undefined);
  await mountStorefront(app, options, earlyAnswers);
  return { app, rateLimitRedis };
};

const mountStorefront = async (app: FastifyInstance, options: ApiAppOptions, earlyAnswers: EarlyAnswers): Promise<void> => {
  const storefront = options.config.server.storefront;
  if (options.storefront === false || !storefront.enabled) return;
  const fromConfig = {
    cache: storefront.page_cache ? { ttlMs: storefront.page_cache_ttl_ms, maxBytes: storefront.page_cache_max_bytes } : false,
    siteTtlMs: storefront.site_ttl_ms,
  } as const;
  await registerStorefront(app, {
    settings: options.config.settings.rustok.tenant,
    cache: options.access.cache,
    earlyAnswers,
    metrics: options.metricsRegistry,
    options: { ...fromConfig, ...options.storefront },
  });
};
