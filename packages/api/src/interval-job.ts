import type { FastifyInstance } from 'fastify';

export interface IntervalJob {
  /** Named in the log when a run fails. */
  readonly name: string;
  readonly everyMs: number;
  /** One run; it logs what it did itself. */
  readonly run: () => Promise<unknown>;
}

/**
 * A module's background job: `run` every `everyMs` while the app is up — started when the app is
 * ready, stopped when it closes (which waits for a run in progress). Never two runs at once in one
 * process; a failed run is logged and the next tick tries again. The kernel has no lifecycle hook
 * for background jobs, so a module starts its jobs from its REST plugin; jobs that several
 * instances run at once must claim their work themselves (SKIP LOCKED, a claimed slot).
 */
export const startIntervalJob = (app: FastifyInstance, job: IntervalJob): void => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    running ??= job
      .run()
      .catch((error: unknown) => app.log.warn({ err: error, job: job.name }, `${job.name} failed`))
      .finally(() => {
        running = undefined;
      });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, job.everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
};
