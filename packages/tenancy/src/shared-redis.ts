import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface SharedRedisOptions {
  /** Names the connection in log lines (e.g. `rate-limit`). */
  readonly name: string;
  readonly logger: Logger;
}

/**
 * An ioredis client for state the instances of a deployment share besides the tenant cache (the
 * rate-limit counters). While Redis is away its commands fail at once instead of queueing, so
 * callers can carry on without it; the outage and the recovery are logged once each.
 */
export const connectSharedRedis = (url: string, options: SharedRedisOptions): Redis => {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: 250,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
  });
  let healthy = true;
  const lost = (error?: Error) => {
    if (healthy) options.logger.warn({ connection: options.name, err: error }, 'Redis unavailable');
    healthy = false;
  };
  redis.on('ready', () => {
    if (!healthy) options.logger.info({ connection: options.name }, 'Redis is back');
    healthy = true;
  });
  redis.on('reconnecting', () => lost());
  redis.on('error', (error: Error) => lost(error));
  return redis;
};

/** Waits until the client is connected, at most `timeoutMs`; whether it is. */
export const sharedRedisReady = (redis: Redis, timeoutMs: number): Promise<boolean> => {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.on('ready', onReady);
  });
};

/**
 * Closes a client without rejecting what it still has in flight: a connected client is sent QUIT
 * after its pending replies (ioredis re-subscribes after a reconnect without awaiting it, so a bare
 * disconnect can reject that subscription unhandled); a client that is not connected, or does not
 * answer within `timeoutMs`, is dropped. Resolves once the client has ended.
 */
export const closeRedis = async (redis: Redis, timeoutMs = 1_000): Promise<void> => {
  if (redis.status === 'end') return;
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<void>((resolve) => {
    redis.once('end', resolve);
    timer = setTimeout(resolve, timeoutMs);
  });
  if (redis.status === 'ready') await Promise.race([redis.quit().catch(() => undefined), ended]);
  redis.disconnect();
  await ended;
  clearTimeout(timer);
};
