import { EventEmitter } from 'node:events';
import type { HealthCheck, HealthResult, SqlRunner, TenantRef } from '@rustok/kernel';
import { BentoCache, bentostore, errors } from 'bentocache';
import { memoryDriver } from 'bentocache/drivers/memory';
import { redisDriver } from 'bentocache/drivers/redis';
import type { BusDriver, CacheProvider } from 'bentocache/types';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { type CacheTier, createCounters } from './cache-counters.js';
import { createHotMemo, MISS } from './hot-memo.js';
import type { ParsedIdentifier } from './identifiers.js';
import { findTenant, findTenantHosts } from './repository.js';
import { closeRedis } from './shared-redis.js';

/**
 * Two-tier tenant cache (bentocache): an in-process memory tier always; with a Redis URL, a shared
 * Redis tier and a Redis pub/sub bus that tells every instance to drop its memory copy when a
 * tenant is invalidated. Unknown identifiers are cached too (shorter TTL). Concurrent misses of
 * one key run one database lookup per process. When Redis goes away the cache keeps answering
 * from memory and the database; commands fail fast instead of queueing.
 */
export interface TenantCacheOptions {
  readonly db: Pick<SqlRunner, 'query'>;
  readonly redisUrl?: string | null;
  readonly ttlMs: number;
  readonly negativeTtlMs: number;
  readonly registry?: Registry;
  readonly logger: Logger;
  /** Prefix of Redis keys and bus channels (isolates deployments or test runs sharing a Redis). */
  readonly prefix?: string;
  /** Entries kept in the memory tier (least recently used are evicted). */
  readonly maxItems?: number;
}

export type { CacheTier } from './cache-counters.js';

export interface TenantCacheStats {
  readonly tiers: readonly CacheTier[];
  readonly hits: Readonly<Record<CacheTier, number>>;
  readonly misses: number;
  /** Database lookups run by the cache. */
  readonly lookups: number;
  /** ioredis connection status of the Redis tier and of the bus subscriber (`ready` when usable). */
  readonly redis?: { readonly cache: string; readonly bus: string };
}

export interface TenantCache {
  get(identifier: ParsedIdentifier): Promise<TenantRef | undefined>;
  /** Drops every key of the tenant (id, slug, given hosts and its registered domains) in all tiers and on all instances. */
  invalidate(tenant: { readonly id: string; readonly slug: string; readonly hosts?: readonly string[] }): Promise<void>;
  stats(): TenantCacheStats;
  /** `redis` (non-critical: without it the cache serves from memory and the database) when Redis is configured. */
  healthChecks(): readonly HealthCheck[];
  close(): Promise<void>;
}

const tenantCacheKey = (identifier: ParsedIdentifier): string => {
  switch (identifier.kind) {
    case 'id':
      return `id:${identifier.id}`;
    case 'slug':
      return `slug:${identifier.slug}`;
    case 'host':
      return `host:${identifier.host}`;
  }
};

/** How long the hot memo keeps an answer of the cache (it is emptied on every invalidation anyway). */
const HOT_WINDOW_MS = 1_000;

const retryStrategy = (attempt: number): number => Math.min(50 * 2 ** attempt, 2_000);
/** Cache reads and bus publishes: refuse at once while disconnected, give up on a silent server. */
const FAIL_FAST: RedisOptions = {
  enableOfflineQueue: false,
  commandTimeout: 250,
  maxRetriesPerRequest: 0,
  connectTimeout: 1_000,
  retryStrategy,
};
/** The bus subscriber: waits for the server and re-subscribes after reconnecting. */
const RESILIENT: RedisOptions = { maxRetriesPerRequest: null, connectTimeout: 1_000, retryStrategy };

/** A connection whose troubles are logged once per outage instead of once per reconnect attempt. */
const connect = (url: string, options: RedisOptions, name: string, logger: Logger): Redis => {
  const redis = new Redis(url, options);
  let healthy = true;
  const lost = (error?: Error) => {
    if (healthy) logger.warn({ connection: name, err: error }, 'tenant cache: Redis unavailable, serving from memory and the database');
    healthy = false;
  };
  redis.on('ready', () => {
    if (!healthy) logger.info({ connection: name }, 'tenant cache: Redis is back');
    healthy = true;
  });
  redis.on('reconnecting', () => lost());
  redis.on('error', (error: Error) => lost(error));
  return redis;
};

type BusHandler = (message: unknown) => void;

const deliver = (handler: BusHandler | undefined, text: string, ownId: string): void => {
  if (!handler) return;
  try {
    const data = JSON.parse(text) as { busId?: string; payload?: unknown };
    if (data.busId !== ownId) handler(data.payload);
  } catch {
    // not a message of ours
  }
};

/** A boringnode bus transport over two Redis connections: a fail-fast publisher and a resilient subscriber. */
const createRedisBus = (url: string, prefix: string, logger: Logger) => {
  const publisher = connect(url, FAIL_FAST, 'bus publisher', logger);
  const subscriber = connect(url, RESILIENT, 'bus subscriber', logger);
  const handlers = new Map<string, BusHandler>();
  let busId = '';
  let subscribed = false;
  subscriber.on('message', (channel: string, text: string) => deliver(handlers.get(channel), text, busId));
  const transport: BusDriver = {
    setId: (id) => {
      busId = id;
      return transport;
    },
    onReconnect: (callback) => void publisher.on('ready', callback),
    publish: async (channel, message) => {
      await publisher.publish(`${prefix}:${channel}`, JSON.stringify({ busId, payload: message }));
    },
    subscribe: async (channel, handler) => {
      handlers.set(`${prefix}:${channel}`, handler as BusHandler);
      await subscriber
        .subscribe(`${prefix}:${channel}`)
        .then(() => {
          subscribed = true;
        })
        .catch((error: unknown) => logger.warn({ err: error }, 'tenant cache: bus subscribe failed'));
    },
    unsubscribe: async (channel) => {
      handlers.delete(`${prefix}:${channel}`);
      await subscriber.unsubscribe(`${prefix}:${channel}`);
    },
    disconnect: async () => {
      await Promise.all([closeRedis(publisher), closeRedis(subscriber)]);
    },
  };
  return { transport, status: () => (subscriber.status === 'ready' && !subscribed ? 'subscribing' : subscriber.status) };
};

type Counts = ReturnType<typeof createCounters>;
type Invalidated = Parameters<TenantCache['invalidate']>[0];

const buildStore = (maxItems: number, redis: RedisTier | undefined) => {
  const store = bentostore().useL1Layer(memoryDriver({ maxItems }));
  if (!redis) return store;
  return store
    .useL2Layer(redisDriver({ connection: redis.l2 }))
    .useBus({ options: { retryQueue: { enabled: true, maxSize: 1_000 } }, factory: () => redis.bus.transport });
};

interface RedisTier {
  readonly l2: Redis;
  readonly bus: ReturnType<typeof createRedisBus>;
}

const createRedisTier = (url: string, prefix: string, logger: Logger): RedisTier => ({
  l2: connect(url, FAIL_FAST, 'cache', logger),
  bus: createRedisBus(url, prefix, logger),
});

/** Keys invalidated while Redis was away may still be stale there: they are deleted again once it is back. */
const deferDeletes = (redis: RedisTier | undefined, cache: CacheProvider, logger: Logger) => {
  const pending = new Set<string>();
  redis?.l2.on('ready', () => {
    if (pending.size === 0) return;
    const keys = [...pending];
    pending.clear();
    cache.deleteMany({ keys }).catch((error: unknown) => logger.warn({ err: error }, 'tenant cache: deferred delete failed'));
  });
  return (keys: readonly string[]) => {
    if (redis && redis.l2.status !== 'ready') for (const key of keys) pending.add(key);
  };
};

/** getOrSet with one database lookup per key; unknown identifiers are cached as null for the negative ttl. */
const createLoader =
  (cache: CacheProvider, options: TenantCacheOptions, counts: Counts) => async (key: string, identifier: ParsedIdentifier) => {
    let loaded: TenantRef | null = null;
    const value = await cache.getOrSet<TenantRef | null | undefined>({
      key,
      factory: async (ctx) => {
        counts.lookups += 1;
        loaded = (await findTenant(options.db, identifier)) ?? null;
        const ttl = loaded ? options.ttlMs : options.negativeTtlMs;
        if (ttl <= 0) return ctx.skip();
        ctx.setOptions({ ttl });
        return loaded;
      },
    });
    return value ?? loaded ?? undefined;
  };

/** Every key of a tenant: id, slug, the hosts given and the domains registered for it now. */
const keysOf = async (options: TenantCacheOptions, tenant: Invalidated): Promise<string[]> => {
  const registered = await findTenantHosts(options.db, tenant.id).catch((error: unknown) => {
    options.logger.warn({ err: error, tenantId: tenant.id }, 'tenant cache: could not list the domains of an invalidated tenant');
    return [];
  });
  const hosts = new Set([...(tenant.hosts ?? []), ...registered].map((host) => `host:${host.toLowerCase()}`));
  return [`id:${tenant.id.toLowerCase()}`, `slug:${tenant.slug.toLowerCase()}`, ...hosts];
};

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A PING through the cache connection, which fails at once while it is down. */
const redisCheck = (redis: RedisTier): HealthCheck => ({
  name: 'redis',
  critical: false,
  check: async (): Promise<HealthResult> => {
    if (redis.l2.status !== 'ready') return { status: 'unavailable', reason: `Redis connection is ${redis.l2.status}` };
    try {
      await redis.l2.ping();
    } catch (error) {
      return { status: 'unavailable', reason: `Redis does not answer: ${errorText(error)}` };
    }
    const bus = redis.bus.status();
    return bus === 'ready' ? { status: 'ok' } : { status: 'degraded', reason: `tenant cache invalidation bus is ${bus}` };
  },
});

const unwrapFactoryError = (error: unknown): unknown => (error instanceof errors.E_FACTORY_ERROR ? error.cause : error);

export const createTenantCache = (options: TenantCacheOptions): TenantCache => {
  const prefix = options.prefix ?? 'rustok:tenant';
  const redis = options.redisUrl ? createRedisTier(options.redisUrl, prefix, options.logger) : undefined;
  const emitter = new EventEmitter();
  const counts = createCounters(emitter, options.registry);
  const stores = { tenants: buildStore(options.maxItems ?? 10_000, redis) };
  const bento = new BentoCache({ default: 'tenants', prefix, emitter, grace: false, suppressL2Errors: true, stores });
  const cache = bento.use('tenants');
  const defer = deferDeletes(redis, cache, options.logger);
  const load = createLoader(cache, options, counts);
  const memo = createHotMemo<TenantRef | undefined>({ windowMs: HOT_WINDOW_MS, maxItems: options.maxItems ?? 10_000 });
  // Another instance changed or dropped an entry: the memory tier is being updated, so is the memo.
  emitter.on('bus:message:received', () => memo.clear());
  const get = async (identifier: ParsedIdentifier): Promise<TenantRef | undefined> => {
    const key = tenantCacheKey(identifier);
    const hot = memo.get(key);
    if (hot !== MISS) {
      counts.memoryHit();
      return hot;
    }
    const since = memo.mark();
    const tenant = await load(key, identifier).catch((error: unknown) => Promise.reject(unwrapFactoryError(error)));
    memo.set(key, tenant, tenant ? options.ttlMs : options.negativeTtlMs, since);
    return tenant;
  };
  return {
    get,
    async invalidate(tenant) {
      const keys = await keysOf(options, tenant);
      defer(keys);
      memo.clear();
      await cache.deleteMany({ keys });
      memo.clear(); // an answer read from the tier while the keys were being deleted is not kept either
    },
    stats: () => ({
      tiers: redis ? ['memory', 'redis'] : ['memory'],
      hits: { memory: counts.memory, redis: counts.redis },
      misses: counts.misses,
      lookups: counts.lookups,
      ...(redis ? { redis: { cache: redis.l2.status, bus: redis.bus.status() } } : {}),
    }),
    healthChecks: () => (redis ? [redisCheck(redis)] : []),
    close: async () => {
      if (redis) await closeRedis(redis.l2);
      await bento.disconnectAll();
    },
  };
};
