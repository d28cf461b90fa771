import type { Logger } from 'pino';
import type { Config } from './config/schema.js';

/**
 * Services the platform hands to every job run. Empty here (the kernel opens nothing); the API
 * layer adds the database and the event publisher to it by declaration merging, so a job's `run`
 * sees them typed without the kernel depending on them.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface JobServices {}

export interface JobContext extends JobServices {
  /** The deployment's configuration (module options included). */
  readonly config: Config;
  readonly logger: Logger;
  /** Start of the period this run was claimed for. */
  readonly slot: Date;
}

interface JobBase {
  /** Unique in the module; the platform names the job `<module>.<name>` (claims, logs). */
  readonly name: string;
  /** One run; it logs what it did itself. A failed run is logged and the next period tries again. */
  readonly run: (ctx: JobContext) => Promise<unknown>;
  /**
   * Called once when the platform stops its jobs, after the last run: closes what the runs keep open
   * between them (an SMTP pool, say), so a stopping server leaves no connection behind.
   */
  readonly close?: (config: Config) => void | Promise<void>;
}

/** Runs once per `everyMs` period (periods start at multiples of `everyMs` since the epoch). */
export interface IntervalModuleJob extends JobBase {
  /** The period in ms, or read from the configuration. */
  readonly everyMs: number | ((config: Config) => number);
  /** Whether the job runs in this deployment; always when left out. */
  readonly enabled?: (config: Config) => boolean;
  /**
   * Also look as soon as the platform starts its jobs, not a tick (up to 20 s) later: for work the
   * first writes depend on, such as making the partitions they land in while the server is still
   * quiet. The run claims the current period as any run does (a period already run is not run again).
   */
  readonly atStart?: boolean;
}

/**
 * Runs once in each minute its cron expression matches (five fields, server time). The expression
 * may come from the configuration; null turns the job off.
 */
export interface CronModuleJob extends JobBase {
  readonly cron: string | ((config: Config) => string | null);
}

/** A background job of a module, run by the platform: once per period for the whole deployment. */
export type ModuleJob = IntervalModuleJob | CronModuleJob;

export const isCronJob = (job: ModuleJob): job is CronModuleJob => 'cron' in job;
