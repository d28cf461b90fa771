import type { RequestPipeline } from '@rustok/api';
import { type AuthServices, createLoginLimiter, createLogOutboundMessages, createRoleCatalog, type OutboundMessages } from '@rustok/auth';
import type { Database } from '@rustok/db';
import type { EventBus } from '@rustok/events';
import { type Config, deploymentNames, type ModuleRegistry, modulePort } from '@rustok/kernel';
import { createModuleToggles, createTenantCache, createTenantResolver, type ModuleToggles, type TenantCache } from '@rustok/tenancy';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { createRequestPipeline } from './pipeline.js';

export interface AccessServices {
  readonly cache: TenantCache;
  readonly toggles: ModuleToggles;
  readonly auth: AuthServices;
  readonly pipeline: RequestPipeline;
}

/** Development and test logs show outbound messages with their tokens; other environments never do. */
const revealsData = (config: Config): boolean => {
  const environment = (config as Config & { environment?: string }).environment;
  return environment === 'development' || environment === 'test';
};

/** Tenancy and identity of one process: tenant cache and resolver, module switches, auth services, request pipeline. */
export const createAccessServices = (options: {
  config: Config;
  db: Database;
  registry: ModuleRegistry;
  bus: EventBus;
  logger: Logger;
  metricsRegistry: Registry;
  /** Where verification and password-reset messages go; the log by default (with their data outside production). */
  outbound?: OutboundMessages;
}): AccessServices => {
  const { config, db, registry, bus, logger } = options;
  const tenantSettings = config.settings.rustok.tenant;
  const cache = createTenantCache({
    db,
    redisUrl: config.redis.url,
    prefix: `${deploymentNames(config.settings.rustok).redisPrefix}:tenant`,
    ttlMs: tenantSettings.cache_ttl_ms,
    negativeTtlMs: tenantSettings.negative_cache_ttl_ms,
    registry: options.metricsRegistry,
    logger: logger.child({ component: 'tenant-cache' }),
  });
  const resolver = createTenantResolver({ settings: tenantSettings, cache });
  const toggles = createModuleToggles({ db, registry, bus, logger: logger.child({ component: 'modules' }) });
  const roles = createRoleCatalog(registry.modules.flatMap((m) => m.permissions));
  const auth: AuthServices = {
    db,
    config: config.auth,
    features: config.settings.rustok.features,
    limiter: createLoginLimiter({ config: config.auth }),
    logger: logger.child({ component: 'auth' }),
    bus,
    roles,
    outbound:
      options.outbound ??
      modulePort(registry, 'outboundMessages', { config, db, events: bus, logger: logger.child({ component: 'outbound' }) }) ??
      createLogOutboundMessages(logger.child({ component: 'outbound' }), { revealData: revealsData(config) }),
  };
  return { cache, toggles, auth, pipeline: createRequestPipeline({ db, config, resolver, toggles, roles }) };
};
