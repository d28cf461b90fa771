import type {} from '@rustok/api';
import type { Config, ModuleJob } from '@rustok/kernel';
import { createOutbound, type Outbound } from '@rustok/outbound';
import { webhookOptions } from '../options.js';
import { deliverDue } from './runner.js';

/** One outbound client per configuration (its keep-alive connections are shared by every run of this process). */
const clients = new WeakMap<Config, Outbound>();
const outboundFor = (config: Config): Outbound => {
  let outbound = clients.get(config);
  if (!outbound) {
    outbound = createOutbound({ allow: webhookOptions(config).allow_networks });
    clients.set(config, outbound);
  }
  return outbound;
};

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
