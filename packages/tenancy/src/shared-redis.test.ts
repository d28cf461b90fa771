import { startTcpProxy } from '@rustok/testing';
import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { closeRedis } from './shared-redis.js';

const { urls, skipped } = inject('services');
const redisUrl = urls.redis;

const connected = (redis: Redis): Promise<void> =>
  redis.status === 'ready' ? Promise.resolve() : new Promise((resolve) => redis.once('ready', () => resolve()));

if (!redisUrl) {
  describe.skip(`closing a Redis client [skipped: ${skipped.redis}]`, () => {
    it('answers the commands in flight instead of rejecting them', () => {});
    it('leaves no rejection behind when closing right after a reconnect', () => {});
  });
} else {
  describe('closing a Redis client', () => {
    it('answers the commands in flight instead of rejecting them', async () => {
      const redis = new Redis(redisUrl);
      await connected(redis);
      const inFlight = redis.ping('still here');
      await closeRedis(redis);
      await expect(inFlight).resolves.toBe('still here');
      expect(redis.status).toBe('end');
    });

    it('leaves no rejection behind when closing right after a reconnect', async () => {
      const { hostname, port } = new URL(redisUrl);
      // Replies come late, so the re-subscription ioredis sends on reconnecting is still unanswered at close.
      const proxy = await startTcpProxy(hostname, Number(port || 6379), { replyDelayMs: 50 });
      const raw = new Redis(redisUrl);
      const subscriber = new Redis(proxy.port, '127.0.0.1');
      const rejections: unknown[] = [];
      const onRejection = (reason: unknown) => rejections.push(reason);
      process.on('unhandledRejection', onRejection);
      try {
        const id = await subscriber.client('ID');
        await subscriber.subscribe('rustok-test:close');
        const reconnected = new Promise<void>((resolve) =>
          // ioredis re-subscribes on `ready` without awaiting it; closing at that moment must not reject it.
          subscriber.once('ready', () => void closeRedis(subscriber).then(resolve)),
        );
        await raw.client('KILL', 'ID', String(id));
        await reconnected;
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(rejections).toEqual([]);
        expect(subscriber.status).toBe('end');
      } finally {
        process.off('unhandledRejection', onRejection);
        subscriber.disconnect();
        raw.disconnect();
        await proxy.close();
      }
    });
  });
}
