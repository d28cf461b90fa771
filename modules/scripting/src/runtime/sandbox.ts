import type { Config } from '@rustok/kernel';
import { createOutbound, type Outbound } from '@rustok/outbound';
import { createSandbox, type Sandbox } from '@rustok/sandbox';
import { scriptingOptions } from '../options.js';

/** The process's script runners and outbound client, one per configuration (the app closes them). */
export interface Engines {
  readonly sandbox: Sandbox;
  readonly outbound: Outbound;
}

const engines = new WeakMap<Config, Engines>();
const closed = new WeakSet<Config>();

/** The sandbox (worker threads) and outbound client of this configuration, made on first use. */
export const enginesFor = (config: Config): Engines => {
  let made = engines.get(config);
  if (made) return made;
  if (closed.has(config)) throw new Error('The scripting engines of this process are closed');
  const options = scriptingOptions(config);
  made = {
    sandbox: createSandbox({
      size: options.workers,
      concurrencyPerKey: options.concurrency_per_tenant,
      queuePerKey: options.queue_per_tenant,
    }),
    outbound: createOutbound({ allow: options.allow_networks }),
  };
  engines.set(config, made);
  return made;
};

/** Stops the worker threads (when the app closes); later runs of this configuration are refused. */
export const closeEngines = async (config: Config): Promise<void> => {
  closed.add(config);
  const made = engines.get(config);
  engines.delete(config);
  await made?.sandbox.close();
};
