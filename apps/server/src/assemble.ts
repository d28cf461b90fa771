import { buildApp, type EarlyAnswers } from '@rustok/api';
import { ensureSigningKey, jwksRoutes, type OutboundMessages } from '@rustok/auth';
import type { Database } from '@rustok/db';
import { connectNatsStreaming, createEventBus, type EventBus, type StreamingLayer } from '@rustok/events';
import type { Config, ModuleRegistry } from '@rustok/kernel';
import { deploymentNames, kernelErrors, type TenantRef } from '@rustok/kernel';
import { closeRedis, connectSharedRedis, sharedRedisReady } from '@rustok/tenancy';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { registerAdminApp } from './admin-app.js';
import { planJobs } from './jobs/plan.js';
import { createJobRunner, type JobRunner } from './jobs/runner.js';
import { ensureDefaultTenant } from './platform/default-tenant.js';
import { type AccessServices, createAccessServices } from './platform/services.js';
import { registerStorefront, type StorefrontMount } from './storefront.js';
import { registerTraceContinuation } from './tracing.js';
import { VERSION } from './version.js';

export interface AssembleOptions {
  readonly config: Config;
  readonly db: Database;
  readonly registry: ModuleRegistry;
  readonly logger: Logger;
  readonly streaming?: StreamingLayer;
  readonly version?: string;
  /** The outbound-message port of auth (verification and reset messages); the log by default. */
  readonly outbound?: OutboundMessages;
  /** The admin app's build directory to serve at /admin (the workspace's by default); false serves none. */
  readonly adminApp?: string | false;
  /** The storefront at `/` (its page cache and asset options); false serves none. */
  readonly storefront?: StorefrontMount['options'] | false;
}

export interface Assembled {
  readonly app: FastifyInstance;
  readonly bus: EventBus;
  readonly access: AccessServices;
  /** The modules' background jobs: started when the app is ready, stopped (runs awaited) when it closes. */
  readonly jobs: JobRunner;
  /** The default tenant, once the app is ready. */
  defaultTenant(): TenantRef;
}

/**
 * The running parts over an open database: the event bus and the HTTP app, sharing one metrics
 * registry. Closing the app stops the bus (draining its relay) and then closes the database.
 */
/** NATS JetStream when the transport is `nats`: it must answer at boot; later outages are survived. */
const connectStreaming = async (config: Config, logger: Logger): Promise<StreamingLayer | undefined> => {
  const events = config.settings.rustok.events;
  if (events.transport !== 'nats') return undefined;
  if (!config.nats.url) throw kernelErrors.CONFIG_INVALID('settings.rustok.events.transport is nats but nats.url (NATS_URL) is not set');
  const names = deploymentNames(config.settings.rustok);
  return connectNatsStreaming({
    url: config.nats.url,
    logger: logger.child({ component: 'nats' }),
    root: names.natsSubjectRoot,
    streamPrefix: names.natsStreamPrefix,
    durablePrefix: names.natsDurablePrefix,
  });
};

export const assemble = async (options: AssembleOptions): Promise<Assembled> => {
  const { config, db, registry, logger } = options;
  const metricsRegistry = new Registry();
  const streaming = options.streaming ?? (await connectStreaming(config, logger));
  const bus = createEventBus({
    settings: config.settings.rustok.events,
    db,
    modules: registry.modules,
    logger: logger.child({ component: 'events' }),
    registry: metricsRegistry,
    streaming,
  });
  const jobs = createJobRunner({
    jobs: planJobs(registry.modules, config),
    db,
    events: bus,
    config,
    logger: logger.child({ component: 'jobs' }),
  });
  const access = createAccessServices({ config, db, registry, bus, logger, metricsRegistry, outbound: options.outbound });
  // Rate-limit counters in Redis, so that every instance draws on one budget.
  const rateLimitRedis =
    config.redis.url && config.settings.rustok.rate_limit.enabled
      ? connectSharedRedis(config.redis.url, { name: 'rate-limit', logger: logger.child({ component: 'rate-limit' }) })
      : undefined;
  const earlyAnswers: EarlyAnswers = {};
  const app = await buildApp({
    config,
    earlyAnswers,
    db,
    registry,
    logger,
    version: options.version ?? VERSION,
    checks: [...bus.healthChecks(), ...access.cache.healthChecks()],
    metricsRegistry,
    pipeline: access.pipeline,
    rateLimitRedis,
    extend: (instance) => {
      registerTraceContinuation(instance);
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
  if (options.adminApp !== false) await registerAdminApp(app, typeof options.adminApp === 'string' ? options.adminApp : undefined);
  const storefront = config.server.storefront;
  if (options.storefront !== false && storefront.enabled) {
    const fromConfig = {
      cache: storefront.page_cache ? { ttlMs: storefront.page_cache_ttl_ms, maxBytes: storefront.page_cache_max_bytes } : false,
      siteTtlMs: storefront.site_ttl_ms,
    } as const;
    const mountOptions = { ...fromConfig, ...options.storefront };
    await registerStorefront(app, {
      settings: config.settings.rustok.tenant,
      cache: access.cache,
      earlyAnswers,
      metrics: metricsRegistry,
      options: mountOptions,
    });
  }
  let defaultTenant: TenantRef | undefined;
  app.addHook('onReady', async () => {
    defaultTenant = await ensureDefaultTenant(db, bus, config.settings.rustok.tenant.default_slug);
    await ensureSigningKey(db);
    await bus.start();
    jobs.start();
    if (rateLimitRedis && !(await sharedRedisReady(rateLimitRedis, 2_000)))
      logger.warn('rate limits: Redis not reachable yet; not limiting until it is');
  });
  app.addHook('onClose', async () => {
    await jobs.stop();
    await bus.stop();
    await access.cache.close();
    if (rateLimitRedis) await closeRedis(rateLimitRedis);
    await db.close();
  });
  return {
    app,
    bus,
    access,
    jobs,
    defaultTenant: () => {
      if (!defaultTenant) throw new Error('the app is not ready yet');
      return defaultTenant;
    },
  };
};
