import type {} from '@rustok/api';
import type { ModuleJob } from '@rustok/kernel';
import { webhookOptions } from '../options.js';
import { outboundFor } from './outbound-client.js';
import { deliverDue } from './runner.js';

/**
 * Sends due webhook deliveries: every `poll_ms`, once for the whole deployment (the platform's job
 * claim), until nothing is due. Retries wait in the queue for their time.
 */
export const webhookDeliveryJob: ModuleJob = {
  name: 'webhook-delivery',
  everyMs: (config) => webhookOptions(config).poll_ms,
  enabled: (config) => webhookOptions(config).deliver,
  run: async ({ db, events, config, logger }) => {
    const options = webhookOptions(config);
    const { attempts } = await deliverDue({ db, events, outbound: outboundFor(config), options, logger, budgetMs: 30_000 });
    if (attempts > 0) logger.debug({ attempts }, 'webhook attempts');
  },
};
