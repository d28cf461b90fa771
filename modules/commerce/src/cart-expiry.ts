import type {} from '@rustok/api';
import type {} from '@rustok/events';
import type { FastifyInstance } from 'fastify';
import { expireCartsAllTenants } from './use-cases/cart/expire-carts.js';

const INTERVAL_MS = 5 * 60_000;

/**
 * Expiry of abandoned carts: every few minutes, open carts whose lifetime (settings.cartTtlHours
 * after their last change) has passed become `expired`. The kernel has no lifecycle hook for
 * background jobs, so the module's REST plugin starts this timer when the app is ready and stops
 * it when the app closes. Several instances may run it at once (SKIP LOCKED). Until the job has
 * run, such a cart already answers as expired and refuses changes and checkout.
 */
export const startCartExpiry = (app: FastifyInstance): void => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    running ??= expireCartsAllTenants(app.rustok.db, app.events)
      .then((n) => n > 0 && app.log.info({ expired: n }, 'abandoned carts expired'))
      .catch((error: unknown) => app.log.warn({ err: error }, 'cart expiry failed'))
      .finally(() => {
        running = undefined;
      });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
};
