import type {} from '@rustok/api';
import type { ModuleJob } from '@rustok/kernel';
import { publishDueAllTenants } from './use-cases/publish-due.js';

/**
 * Scheduled publishing, every 30 s: nodes whose publishAt has come are published. The platform runs
 * it once per period for the deployment; due nodes are locked with SKIP LOCKED and moved only once
 * in any case.
 */
export const publishScheduledJob: ModuleJob = {
  name: 'publish-scheduled',
  everyMs: 30_000,
  run: async ({ db, events, logger }) => {
    const published = await publishDueAllTenants(db, events);
    if (published > 0) logger.info({ published }, 'scheduled content published');
  },
};
