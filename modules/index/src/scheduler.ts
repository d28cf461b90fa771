import { startIntervalJob } from '@rustok/api';
import type {} from '@rustok/events';
import { kernelErrors } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';
import { type CronSchedule, parseCron } from './cron.js';
import { requestRebuild } from './use-cases/request-rebuild.js';

const TICK_MS = 20_000;

/** Claims a minute for this deployment: of several instances, one asks for the scheduled rebuilds. */
const claimSlot = async (app: FastifyInstance, slot: Date): Promise<boolean> => {
  const { rows } = await app.rustok.db.query(
    'INSERT INTO index_schedule_runs (slot) VALUES ($1) ON CONFLICT (slot) DO NOTHING RETURNING slot',
    [slot.toISOString()],
  );
  return rows.length > 0;
};

const requestForAllTenants = async (app: FastifyInstance): Promise<number> => {
  const { rows } = await app.rustok.db.query<{ id: string }>('SELECT id FROM tenants WHERE is_active ORDER BY id');
  for (const t of rows) await requestRebuild(app.rustok.db, app.events, t.id, {}, { userId: null, reason: 'schedule' });
  return rows.length;
};

export const scheduleOf = (expression: string | null): CronSchedule | undefined => {
  if (!expression) return undefined;
  try {
    return parseCron(expression);
  } catch (error) {
    throw kernelErrors.CONFIG_INVALID(`settings.rustok.index.reindex_schedule: ${(error as Error).message}`);
  }
};

/**
 * The optional rebuild schedule (settings.rustok.index.reindex_schedule): at each matching minute one
 * instance publishes index.reindex.requested for every active tenant. Started with the app, stopped
 * when it closes, like content's scheduled publishing.
 */
export const startReindexSchedule = (app: FastifyInstance): void => {
  const schedule = scheduleOf(app.rustok.config.settings.rustok.index.reindex_schedule);
  if (!schedule) return;
  let last = '';
  startIntervalJob(app, {
    name: 'scheduled index rebuild',
    everyMs: TICK_MS,
    run: async () => {
      const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      if (slot.toISOString() === last || !schedule.matches(slot)) return;
      last = slot.toISOString();
      if (await claimSlot(app, slot)) app.log.info({ tenants: await requestForAllTenants(app) }, 'scheduled index rebuild requested');
    },
  });
};
