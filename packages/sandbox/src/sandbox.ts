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
    ...(internals.spawn ? { spawn: internals.spawn } : {}),
  });
  const limiter = createKeyedLimiter(options.concurrencyPerKey ?? 4, options.queuePerKey ?? 100);

  const run = async (request: RunRequest): Promise<RunResult> => {
    const input = inputJson(request);
    if (input === undefined) return failed('SCRIPT_ERROR', 'The input is not JSON');
    const acquired = limiter.acquire(request.key);
    if (!acquired) return failed('SCRIPT_BUSY', `Too many runs for "${request.key}" running or waiting`);
    const release = await acquired;
    try {
      const host = request.host ?? {};
      const limits = resolveLimits(options.limits, request.limits);
      const message = { source: request.source, input, limits, hostNames: Object.keys(host) };
      return await new Promise<RunResult>((resolve) => pool.submit({ message, host, resolve }));
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
