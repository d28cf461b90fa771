import { startIntervalJob } from '@rustok/api';
import type {} from '@rustok/events';
import type { FastifyInstance } from 'fastify';
import { expireCartsAllTenants } from './use-cases/cart/expire-carts.js';

/**
 * Expiry of abandoned carts: every few minutes, open carts whose lifetime (settings.cartTtlHours
 * after their last change) has passed become `expired`. Several instances may run it at once (SKIP
 * LOCKED). Until the job has run, such a cart already answers as expired and refuses changes and
 * checkout.
 */
export const startCartExpiry = (app: FastifyInstance): void =>
  startIntervalJob(app, {
    name: 'cart expiry',
    everyMs: 5 * 60_000,
    run: async () => {
      const expired = await expireCartsAllTenants(app.rustok.db, app.events);
      if (expired > 0) app.log.info({ expired }, 'abandoned carts expired');
    },
  });
