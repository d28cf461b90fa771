import { type Config, isCronJob, type JobContext, kernelErrors, type ModuleDefinition, type ModuleJob, parseCron } from '@rustok/kernel';

const MINUTE_MS = 60_000;
/** How often an instance looks at a cron job: a few times a minute, so no matching minute is missed. */
const CRON_TICK_MS = 20_000;

/** A module's job as the runner sees it: its deployment-wide name, when to look, and its periods. */
export interface PlannedJob {
  /** `<module>.<name>` */
  readonly name: string;
  readonly tickMs: number;
  /** Longest a run may hold the job before another instance may start one (an instance died mid-run). */
  readonly leaseMs: number;
  /** Looks once when the runner starts too (ModuleJob `atStart`), besides every `tickMs`. */
  readonly atStart: boolean;
  /** The period `now` falls in, if the job runs in it (a cron job runs only in matching minutes). */
  slotAt(now: number): Date | undefined;
  readonly run: (ctx: JobContext) => Promise<unknown>;
  /** The module's clean-up after the last run (ModuleJob.close). */
  readonly close?: ModuleJob['close'];
}

const planOne = (mod: string, job: ModuleJob, config: Config): PlannedJob | undefined => {
  const name = `${mod}.${job.name}`;
  if (isCronJob(job)) {
    const expression = typeof job.cron === 'function' ? job.cron(config) : job.cron;
    if (expression === null) return undefined;
    let schedule: ReturnType<typeof parseCron>;
    try {
      schedule = parseCron(expression);
    } catch (error) {
      throw kernelErrors.CONFIG_INVALID(`job ${name}: ${(error as Error).message}`);
    }
    return {
      name,
      tickMs: CRON_TICK_MS,
      leaseMs: 10 * MINUTE_MS,
      atStart: false,
      slotAt: (now) => {
        const minute = new Date(Math.floor(now / MINUTE_MS) * MINUTE_MS);
        return schedule.matches(minute) ? minute : undefined;
      },
      run: job.run,
      close: job.close,
    };
  }
  if (job.enabled && !job.enabled(config)) return undefined;
  const every = typeof job.everyMs === 'function' ? job.everyMs(config) : job.everyMs;
  return {
    name,
    // Twice a period, so timer drift never skips one.
    tickMs: Math.max(5, Math.min(Math.floor(every / 2), CRON_TICK_MS)),
    leaseMs: Math.max(2 * every, 10 * MINUTE_MS),
    atStart: job.atStart === true,
    slotAt: (now) => new Date(Math.floor(now / every) * every),
    run: job.run,
    close: job.close,
  };
};

/** Every job of the modules that runs in this deployment. An invalid cron expression is CONFIG_INVALID at boot. */
export const planJobs = (modules: readonly ModuleDefinition[], config: Config): PlannedJob[] =>
  modules.flatMap((mod) => (mod.jobs ?? []).map((job) => planOne(mod.slug, job, config)).filter((j): j is PlannedJob => j !== undefined));
