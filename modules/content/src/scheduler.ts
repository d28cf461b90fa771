import type {} from '@rustok/api';
import type {} from '@rustok/events';
import type { FastifyInstance } from 'fastify';
import { publishDueAllTenants } from './use-cases/publish-due.js';

const INTERVAL_MS = 30_000;

/**
 * Scheduled publishing. The kernel has no lifecycle hook for background jobs, so the module's REST
 * plugin starts this timer when the app is ready and stops it when the app closes. Several
 * instances may run it at once: due nodes are locked with SKIP LOCKED and moved only once.
 */
export const startScheduler = (app: FastifyInstance): void => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    running ??= publishDueAllTenants(app.rustok.db, app.events)
      .then((n) => n > 0 && app.log.info({ published: n }, 'scheduled content published'))
      .catch((error: unknown) => app.log.warn({ err: error }, 'scheduled publishing failed'))
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
