import { hostname } from 'node:os';
import type { EventPublisher } from '@rustok/api';
import type { Database } from '@rustok/db';
import type { Config } from '@rustok/kernel';
import type { Logger } from 'pino';
import { claimPeriod, type RunOutcome, releasePeriod } from './claim.js';
import type { PlannedJob } from './plan.js';

export interface JobRunnerOptions {
  readonly jobs: readonly PlannedJob[];
  readonly db: Database;
  readonly events: EventPublisher;
  readonly config: Config;
  readonly logger: Logger;
  /** The clock (tests move it). */
  readonly now?: () => number;
  /** Who runs the jobs, as the run history records it (`<host>:<pid>` by default). */
  readonly instance?: string;
}

/** This process as the job history names it. */
export const instanceName = (): string => `${hostname()}:${process.pid}`;

export interface JobRunner {
  readonly jobs: readonly PlannedJob[];
  /** Starts the timers; resolves once the jobs marked `atStart` have had their first look (a failed run is logged, not thrown). */
  start(): Promise<void>;
  /** Stops the timers, waits for the runs in progress, then lets each job close what its runs keep open. */
  stop(): Promise<void>;
}

/**
 * Runs the modules' jobs while the app is up. Each instance looks at each job every `tickMs`; a run
 * happens only in a period this instance claimed in `sys_job_runs`, so of several instances on one
 * database one runs each period. Never two runs of one job at once; a failed run is logged and the
 * next period tries again.
 */
export const createJobRunner = (options: JobRunnerOptions): JobRunner => {
  const { db, events, config, logger } = options;
  const now = options.now ?? Date.now;
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  const instance = options.instance ?? instanceName();

  const runOnce = async (job: PlannedJob, slot: Date): Promise<void> => {
    if (!(await claimPeriod(db, job.name, slot, job.leaseMs, instance))) return;
    const log = logger.child({ job: job.name });
    let outcome: RunOutcome = { ok: true };
    try {
      await job.run({ db, events, config, logger: log, slot });
    } catch (error) {
      log.warn({ err: error }, `${job.name} failed`);
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    } finally {
      await releasePeriod(db, job.name, slot, outcome);
    }
  };

  const schedule = (job: PlannedJob): Promise<unknown> | undefined => {
    let last = 0;
    let current: Promise<unknown> | undefined;
    const tick = (): Promise<unknown> | undefined => {
      const slot = job.slotAt(now());
      if (stopped || current || !slot || slot.getTime() <= last) return current;
      current = runOnce(job, slot)
        .then(() => {
          last = slot.getTime();
        })
        .catch((error: unknown) => logger.warn({ err: error, job: job.name }, `${job.name}: could not claim its period`))
        .finally(() => {
          running.delete(current as Promise<unknown>);
          current = undefined;
        });
      running.add(current);
      return current;
    };
    const timer = setInterval(tick, job.tickMs);
    timer.unref();
    timers.push(timer);
    return job.atStart ? tick() : undefined;
  };

  return {
    jobs: options.jobs,
    async start() {
      await Promise.all(options.jobs.map(schedule));
    },
    async stop() {
      stopped = true;
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.all([...running]);
      for (const job of options.jobs) {
        await Promise.resolve(job.close?.(config)).catch((error: unknown) =>
          logger.warn({ err: error, job: job.name }, `${job.name}: could not close`),
        );
      }
    },
  };
};
