import { startIntervalJob } from '@rustok/api';
import type {} from '@rustok/events';
import type { FastifyInstance } from 'fastify';
import { publishDueAllTenants } from './use-cases/publish-due.js';

/**
 * Scheduled publishing, every 30 s while the app is up. Several instances may run it at once: due
 * nodes are locked with SKIP LOCKED and moved only once.
 */
export const startScheduler = (app: FastifyInstance): void =>
  startIntervalJob(app, {
    name: 'scheduled publishing',
    everyMs: 30_000,
    run: async () => {
      const published = await publishDueAllTenants(app.rustok.db, app.events);
      if (published > 0) app.log.info({ published }, 'scheduled content published');
    },
  });
