import { startIntervalJob } from '@rustok/api';
import type {} from '@rustok/events';
import type { FastifyInstance } from 'fastify';
import { announcePriceWindowsAllTenants } from './prices/windows.js';

/**
 * Every minute, price lists whose window opened or closed are announced as a price change of the
 * variants they price (see announcePriceWindows), so read models show the price of the moment
 * within about a minute. Several instances may run it at once (SKIP LOCKED).
 */
export const startPriceWindows = (app: FastifyInstance): void =>
  startIntervalJob(app, {
    name: 'price windows',
    everyMs: 60_000,
    run: async () => {
      const announced = await announcePriceWindowsAllTenants(app.rustok.db, app.events);
      if (announced > 0) app.log.info({ announced }, 'price list windows announced');
    },
  });
