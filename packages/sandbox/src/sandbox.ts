import { createCpuWindow } from './cpu-window.js';
import { createKeyedLimiter } from './limiter.js';
import { resolveLimits } from './limits.js';
import { createPool, type PoolOptions } from './pool.js';
import { failed } from './results.js';
import type { RunRequest, RunResult, Sandbox, SandboxOptions } from './types.js';

/** Internal: the pool's worker may be swapped (tests use a worker that hangs). */
export interface SandboxInternals {
  readonly spawn?: PoolOptions['spawn'];
}

const inputJson = (request: RunRequest): string | undefined => {
  try {
    return JSON.stringify(request.input ?? null);
  } catch {
    return undefined;
  }
};

/**
 * A sandbox for tenant scripts: QuickJS in a pool of worker threads, each run in a fresh context
 * under memory, stack, CPU, wall-time and host-call budgets, at most `concurrencyPerKey` runs of a
 * key at once and `queuePerKey` waiting. Failures come back as `{ ok: false, code }` values.
 */
export const createSandbox = (
  options: SandboxOptions = {},
  internals: SandboxInternals = {},
): Sandbox & { readonly replacedWorkers: number } => {
  const pool = createPool({
    size: options.size ?? 2,
    graceMs: options.graceMs ?? 1_000,
    nice: options.nice ?? 0,
    idle: options.idle ?? false,
    sliceMs: options.sliceMs ?? 0,
    ...(internals.spawn ? { spawn: internals.spawn } : {}),
  });
  const limiter = createKeyedLimiter(options.concurrencyPerKey ?? 4, options.queuePerKey ?? 100);
  const budget = options.cpuMsPerMinutePerKey;
  const cpu = budget === undefined ? undefined : createCpuWindow(budget);
  /** A key past its CPU budget is refused, before it waits for a worker and again once it has one. */
  const overBudget = (key: string): RunResult | undefined => {
    const waitMs = cpu?.waitMs(key) ?? 0;
    if (waitMs === 0) return undefined;
    const message = `"${key}" has spent its ${budget} ms of CPU time for the last minute; it may run again in ${Math.ceil(waitMs / 1000)} s`;
    return { ...failed('SCRIPT_CPU_BUDGET', message), retryAfterMs: waitMs };
  };

  const run = async (request: RunRequest): Promise<RunResult> => {
    const input = inputJson(request);
    if (input === undefined) return failed('SCRIPT_ERROR', 'The input is not JSON');
    const refused = overBudget(request.key);
    if (refused) return refused;
    const acquired = limiter.acquire(request.key);
    if (!acquired) return failed('SCRIPT_BUSY', `Too many runs for "${request.key}" running or waiting`);
    const release = await acquired;
    try {
      const late = overBudget(request.key);
      if (late) return late;
      const host = request.host ?? {};
      const limits = resolveLimits(options.limits, request.limits);
      const message = { source: request.source, input, limits, hostNames: Object.keys(host) };
      const result = await new Promise<RunResult>((resolve) => pool.submit({ message, host, resolve }));
      cpu?.spend(request.key, result.cpuMs);
      return result;
    } finally {
      release();
    }
  };

  return {
    run,
    close: () => pool.close(),
    get replacedWorkers() {
      return pool.replaced;
    },
  };
};
