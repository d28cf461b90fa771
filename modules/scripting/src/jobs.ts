import type {} from '@rustok/api';
import type { ModuleJob } from '@rustok/kernel';
import { scriptingOptions } from './options.js';
import { fireDueCron } from './triggers/fire-cron.js';
import { runQueued } from './triggers/run-queued.js';

/**
 * Runs the queued executions of event and cron triggers: every `poll_ms`, once for the whole
 * deployment (the platform's job claim), until none is due. Due cron triggers are queued first.
 */
export const scriptRunJob: ModuleJob = {
  name: 'run-scripts',
  everyMs: (config) => scriptingOptions(config).poll_ms,
  enabled: (config) => scriptingOptions(config).run_queued,
  run: async ({ db, events, config, logger }) => {
    const options = scriptingOptions(config);
    const fired = await fireDueCron(db, options);
    const ran = await runQueued({ db, events, config, options, logger }, 30_000);
    if (fired + ran > 0) logger.debug({ fired, ran }, 'scripts run');
  },
};
