import type {} from '@rustok/api';
import { type Config, kernelErrors, type ModuleJob, parseCron } from '@rustok/kernel';
import { indexOptions } from './options.js';
import { requestRebuild } from './use-cases/request-rebuild.js';

/** The rebuild schedule of the configuration; an invalid expression is CONFIG_INVALID at boot. */
const scheduleOf = (config: Config): string | null => {
  const expression = indexOptions(config).index.reindex_schedule;
  if (!expression) return null;
  try {
    parseCron(expression);
  } catch (error) {
    throw kernelErrors.CONFIG_INVALID(`settings.rustok.index.reindex_schedule: ${(error as Error).message}`);
  }
  return expression;
};

/**
 * The optional rebuild schedule (settings.rustok.index.reindex_schedule): in each matching minute
 * index.reindex.requested is published for every active tenant, once for the deployment.
 */
export const reindexScheduleJob: ModuleJob = {
  name: 'reindex-schedule',
  cron: scheduleOf,
  run: async ({ db, events, logger }) => {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM tenants WHERE is_active ORDER BY id');
    for (const t of rows) await requestRebuild(db, events, t.id, {}, { userId: null, reason: 'schedule' });
    logger.info({ tenants: rows.length }, 'scheduled index rebuild requested');
  },
};
