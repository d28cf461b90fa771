import type { Database } from '@rustok/db';
import { generateId } from '@rustok/kernel';
import type { ScriptingOptions } from '../options.js';
import { tenantLimits } from '../settings.js';
import { insertQueued } from '../store/executions.js';
import { type CronEntry, cronEntries, enqueueExecution, markFired } from '../store/queue.js';
import { cronScript } from '../store/triggers.js';
import { dueMinute } from './cron-due.js';

/** Queues one run of a due cron trigger, in its tenant's transaction; the schedule is moved on only by the process that queues. */
const fireOne = async (db: Database, options: ScriptingOptions, entry: CronEntry, now: Date): Promise<boolean> =>
  db.transaction(
    async (tx) => {
      const { minCronIntervalMs } = await tenantLimits(tx, options);
      const due = dueMinute(entry.expression, entry.firedAt, now, minCronIntervalMs);
      if (!due) return false;
      const script = await cronScript(tx, entry.triggerId);
      if (!(await markFired(tx, entry, now)) || !script?.enabled) return false;
      const id = generateId();
      const request = { input: null, event: { type: 'cron', scheduledAt: due.toISOString(), expression: entry.expression } };
      const trigger = 'cron' as const;
      await insertQueued(tx, {
        id,
        scriptId: script.scriptId,
        version: script.version,
        trigger,
        triggerId: entry.triggerId,
        eventId: null,
        request,
      });
      await enqueueExecution(tx, entry.tenantId, id);
      return true;
    },
    { tenantId: entry.tenantId },
  );

/** Queues a run of every due cron trigger of every tenant (at `now`); answers how many. */
export const fireDueCron = async (db: Database, options: ScriptingOptions, now: Date = new Date()): Promise<number> => {
  let fired = 0;
  for (const entry of await cronEntries(db)) {
    // Most entries are not due: only those due by the deployment's own minimum open a transaction.
    if (!dueMinute(entry.expression, entry.firedAt, now, options.min_cron_interval_ms)) continue;
    if (await fireOne(db, options, entry, now)) fired++;
  }
  return fired;
};
