import type { EventPublisher } from '@rustok/api';
import type { Database } from '@rustok/db';
import type { Config } from '@rustok/kernel';
import type { Logger } from 'pino';
import type { ScriptingOptions } from '../options.js';
import { executeScript, wasRefused } from '../runtime/execute.js';
import { recordOutcome } from '../runtime/record.js';
import { enginesFor } from '../runtime/sandbox.js';
import { selectQueued } from '../store/executions.js';
import { type Claimed, claimQueued, deferQueued, dequeue, releaseClaim } from '../store/queue.js';
import { selectScript } from '../store/scripts.js';
import { scopeOf, toRun } from '../use-cases/run-common.js';

export interface QueueRun {
  readonly db: Database;
  readonly events: EventPublisher;
  readonly config: Config;
  readonly options: ScriptingOptions;
  readonly logger: Logger;
}

/** A run refused before it started: due again now (busy), or in `ms` (the tenant's CPU time for the minute spent). */
interface Refused {
  readonly againInMs: number;
}

/**
 * Runs one claimed execution (a script disabled or deleted meanwhile is dropped) and records it.
 * A run refused because the tenant has too many running, or has spent its CPU time, stays queued.
 */
const runOne = async (run: QueueRun, claimed: Claimed): Promise<'ran' | 'dropped' | Refused> => {
  const ctx = { ...run, tenantId: claimed.tenantId };
  const loaded = await run.db.transaction(
    async (tx) => {
      const queued = await selectQueued(tx, claimed.id);
      const row = queued && (await selectScript(tx, queued.scriptId));
      return queued && row ? { queued, row } : undefined;
    },
    { tenantId: claimed.tenantId },
  );
  if (!loaded?.row.enabled) return 'dropped';
  const { queued, row } = loaded;
  const scope = scopeOf(ctx, row, false);
  const script = toRun(row);
  const outcome = await executeScript(scope, enginesFor(run.config).sandbox, script, queued.request);
  if (wasRefused(outcome)) return { againInMs: outcome.result.retryAfterMs ?? 0 };
  const target = { executionId: claimed.id, queued: true, trigger: queued.trigger, triggerId: null, eventId: queued.eventId };
  await recordOutcome(scope, script, target, queued.request, outcome);
  return 'ran';
};

/**
 * Runs queued executions (event and cron triggers) until none is due or `budgetMs` is spent, as
 * many at once as the sandbox has workers; each leaves the queue once recorded (or dropped).
 */
export const runQueued = async (run: QueueRun, budgetMs: number): Promise<number> => {
  const started = Date.now();
  const batch = run.options.workers * run.options.concurrency_per_tenant;
  const leaseMs = run.options.limits.wall_ms * 4 + 30_000;
  let ran = 0;
  while (Date.now() - started < budgetMs) {
    const claimed = await claimQueued(run.db, batch, leaseMs);
    if (claimed.length === 0) break;
    await Promise.all(
      claimed.map(async (c) => {
        try {
          const done = await runOne(run, c);
          // Refused, it stays queued and is given back now (due at once, or when the tenant's CPU time renews), not when its lease runs out.
          if (typeof done === 'object') {
            return await (done.againInMs > 0 ? deferQueued(run.db, c.id, done.againInMs) : releaseClaim(run.db, c.id));
          }
          if (done === 'ran') ran++;
          await dequeue(run.db, c.id);
        } catch (error) {
          run.logger.warn({ err: error, executionId: c.id }, 'script execution not recorded; it is tried again');
        }
      }),
    );
  }
  return ran;
};
