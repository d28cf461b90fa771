import type { Config } from '@rustok/kernel';
import { createOutbound, type Outbound } from '@rustok/outbound';
import { webhookOptions } from '../options.js';

/** One outbound client per configuration: its keep-alive connections are shared by every sender of this process. */
const clients = new WeakMap<Config, Outbound>();

export const outboundFor = (config: Config): Outbound => {
  let outbound = clients.get(config);
  if (!outbound) {
    outbound = createOutbound({ allow: webhookOptions(config).allow_networks });
    clients.set(config, outbound);
  }
  return outbound;
};
