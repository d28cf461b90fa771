import type { Config } from '@rustok/kernel';
import { createOutbound, type Outbound } from '@rustok/outbound';
import { createSandbox, type Sandbox } from '@rustok/sandbox';
import { scriptingOptions } from '../options.js';

/** The process's script runners and outbound client, one per configuration (the app closes them). */
export interface Engines {
  readonly sandbox: Sandbox;
  readonly outbound: Outbound;
  /** The validate hooks' own workers, started (and warmed by a first run each) when the first hook runs. */
  validator(): Promise<Sandbox>;
  /** Stops every worker these engines started. */
  close(): Promise<void>;
}

const engines = new WeakMap<Config, Engines>();

/**
 * A first run on each worker before any hook: a worker's first run is slow (QuickJS's WebAssembly
 * still cold), and a hook's CPU budget is short.
 */
const warmUp = async (sandbox: Sandbox, workers: number): Promise<Sandbox> => {
  const limits = { cpuMs: 2_000, wallMs: 5_000 };
  await Promise.all(Array.from({ length: workers }, () => sandbox.run({ key: 'warm-up', source: 'return null', limits })));
  return sandbox;
};
const closed = new WeakSet<Config>();

/** The sandbox (worker threads) and outbound client of this configuration, made on first use. */
export const enginesFor = (config: Config): Engines => {
  let made = engines.get(config);
  if (made) return made;
  if (closed.has(config)) throw new Error('The scripting engines of this process are closed');
  const options = scriptingOptions(config);
  let validator: Sandbox | undefined;
  let warmed: Promise<Sandbox> | undefined;
  made = {
    sandbox: createSandbox({
      size: options.workers,
      nice: options.workers_nice,
      idle: options.workers_idle,
      sliceMs: options.workers_slice_ms,
      ...(options.cpu_ms_per_minute > 0 ? { cpuMsPerMinutePerKey: options.cpu_ms_per_minute } : {}),
      concurrencyPerKey: options.concurrency_per_tenant,
      queuePerKey: options.queue_per_tenant,
    }),
    outbound: createOutbound({ allow: options.allow_networks }),
    validator: () => {
      if (warmed) return warmed;
      const size = options.validate.workers;
      const made = createSandbox({ size, concurrencyPerKey: size, queuePerKey: options.queue_per_tenant });
      validator = made;
      warmed = warmUp(made, size);
      return warmed;
    },
    close: async () => {
      await Promise.all([made?.sandbox.close(), validator?.close()]);
    },
  };
  engines.set(config, made);
  return made;
};

/** Stops the worker threads (when the app closes); later runs of this configuration are refused. */
export const closeEngines = async (config: Config): Promise<void> => {
  closed.add(config);
  const made = engines.get(config);
  engines.delete(config);
  await made?.close();
};
