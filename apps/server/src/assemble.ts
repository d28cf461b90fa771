import { ensureSigningKey, type OutboundMessages } from '@rustok/auth';
import type { Database } from '@rustok/db';
import { createEventBus, type EventBus, type StreamingLayer } from '@rustok/events';
import type { Config, ModuleRegistry } from '@rustok/kernel';
import { deploymentNames, kernelErrors, type TenantRef } from '@rustok/kernel';
import { closeRedis, sharedRedisReady } from '@rustok/tenancy';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { buildApiApp } from './api-app.js';
import { planJobs } from './jobs/plan.js';
import { createJobRunner, type JobRunner } from './jobs/runner.js';
import { ensureDefaultTenant } from './platform/default-tenant.js';
import { type AccessServices, createAccessServices } from './platform/services.js';
import { registerReplicaGauges } from './replica-metrics.js';
import { eventRoles, needsStreaming, registerRoleGauge, roleNames, rolesOf } from './roles.js';
import { buildServiceApp } from './service-app.js';
import type { StorefrontMount } from './storefront.js';
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
  /** The modules' background jobs: started when the app is ready (with the `jobs` role), stopped (runs awaited) when it closes. */
  readonly jobs: JobRunner;
  /** The default tenant, once the app is ready. */
  defaultTenant(): TenantRef;
}

/** NATS JetStream when the transport is `nats`: it must answer at boot; later outages are survived. */
const connectStreaming = async (config: Config, logger: Logger): Promise<StreamingLayer | undefined> => {
  const events = config.settings.rustok.events;
  if (events.transport !== 'nats') return undefined;
  if (!config.nats.url) throw kernelErrors.CONFIG_INVALID('settings.rustok.events.transport is nats but nats.url (NATS_URL) is not set');
  const names = deploymentNames(config.settings.rustok);
  const { connectNatsStreaming } = await import('@rustok/events/nats');
  return connectNatsStreaming({
    url: config.nats.url,
    logger: logger.child({ component: 'nats' }),
    root: names.natsSubjectRoot,
    streamPrefix: names.natsStreamPrefix,
    durablePrefix: names.natsDurablePrefix,
  });
};

type Lifecycle = Pick<Assembled, 'app' | 'bus' | 'jobs' | 'access'> & {
  readonly options: AssembleOptions;
  readonly rateLimitRedis: Awaited<ReturnType<typeof buildApiApp>>['rateLimitRedis'];
  readonly setDefaultTenant: (tenant: TenantRef) => void;
};

/**
 * When the app is ready: the default tenant and a signing key exist, and the roles' parts start (the
 * bus starts only what this process runs). When it closes: jobs (runs awaited), then the bus
 * (relay lease released, consumers acknowledged or left unacknowledged), the cache, Redis, the database.
 */
const registerLifecycle = ({ app, bus, jobs, access, options, rateLimitRedis, setDefaultTenant }: Lifecycle): void => {
  const { config, db, logger } = options;
  const roles = rolesOf(config);
  app.addHook('onReady', async () => {
    setDefaultTenant(await ensureDefaultTenant(db, bus, config.settings.rustok.tenant.default_slug));
    await ensureSigningKey(db);
    await bus.start();
    // Jobs marked atStart (the partitions the first writes land in) have run before the app is ready.
    if (roles.jobs) await jobs.start();
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
};

/** The HTTP app of the process's roles: the whole API with `api`, else health and metrics only. */
const buildHttp = async (options: AssembleOptions, bus: EventBus, access: AccessServices, metricsRegistry: Registry) => {
  const { config, db, registry, logger } = options;
  const roles = roleNames(rolesOf(config));
  if (rolesOf(config).api) {
    const { adminApp, storefront } = options;
    const version = options.version ?? VERSION;
    return buildApiApp({ config, db, registry, logger, version, bus, access, metricsRegistry, roles, adminApp, storefront });
  }
  const checks = bus.healthChecks();
  return { app: await buildServiceApp({ config, db, registry, logger, metricsRegistry, checks, roles }), rateLimitRedis: undefined };
};

/**
 * The running parts over an open database, as far as the process's roles (`server.roles`) ask: the
 * event bus (relay and consumers per role) and the HTTP app, sharing one metrics registry, and the
 * jobs. Closing the app stops the jobs and the bus (draining its relay) and then closes the database.
 */
export const assemble = async (options: AssembleOptions): Promise<Assembled> => {
  const { config, db, registry, logger } = options;
  const roles = rolesOf(config);
  const metricsRegistry = new Registry();
  registerRoleGauge(metricsRegistry, roles);
  registerReplicaGauges(metricsRegistry, db);
  const streaming = options.streaming ?? (needsStreaming(roles) ? await connectStreaming(config, logger) : undefined);
  // The relay and the consumers on connections of their own, never queued behind requests (nor jobs).
  const background = db.background();
  const bus = createEventBus({
    settings: config.settings.rustok.events,
    db: background,
    modules: registry.modules,
    logger: logger.child({ component: 'events' }),
    registry: metricsRegistry,
    streaming,
    runs: eventRoles(roles, config),
    services: (events) => ({ db: background, events, config, logger }),
  });
  const jobs = createJobRunner({
    jobs: planJobs(registry.modules, config),
    db,
    events: bus,
    config,
    logger: logger.child({ component: 'jobs' }),
  });
  const access = createAccessServices({ config, db, registry, bus, logger, metricsRegistry, outbound: options.outbound });
  const { app, rateLimitRedis } = await buildHttp(options, bus, access, metricsRegistry);
  let defaultTenant: TenantRef | undefined;
  registerLifecycle({ app, bus, jobs, access, options, rateLimitRedis, setDefaultTenant: (tenant) => (defaultTenant = tenant) });
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
