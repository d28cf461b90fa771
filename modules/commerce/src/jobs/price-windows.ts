import type {} from '@rustok/api';
import type { ModuleJob } from '@rustok/kernel';
import { announcePriceWindowsAllTenants } from '../prices/windows.js';

/**
 * Every minute, price lists whose window opened or closed are announced as a price change of the
 * variants they price (see announcePriceWindows), so read models show the price of the moment
 * within about a minute. Run once per period for the deployment (and safe with SKIP LOCKED in any case).
 */
export const priceWindowsJob: ModuleJob = {
  name: 'price-windows',
  everyMs: 60_000,
  run: async ({ db, events, logger }) => {
    const announced = await announcePriceWindowsAllTenants(db, events);
    if (announced > 0) logger.info({ announced }, 'price list windows announced');
  },
};
