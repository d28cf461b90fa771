import type {} from '@rustok/api';
import type { ModuleJob } from '@rustok/kernel';
import { expireCartsAllTenants } from '../use-cases/cart/expire-carts.js';

/**
 * Expiry of abandoned carts: every few minutes, open carts whose lifetime (settings.cartTtlHours
 * after their last change) has passed become `expired`. Run once per period for the deployment (and
 * safe with SKIP LOCKED in any case). Until the job has run, such a cart already answers as expired
 * and refuses changes and checkout.
 */
export const cartExpiryJob: ModuleJob = {
  name: 'cart-expiry',
  everyMs: 5 * 60_000,
  run: async ({ db, events, logger }) => {
    const expired = await expireCartsAllTenants(db, events);
    if (expired > 0) logger.info({ expired }, 'abandoned carts expired');
  },
};
