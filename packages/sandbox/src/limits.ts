import type { RunLimits } from './types.js';

/** The default budget of one run. */
export const DEFAULT_LIMITS: RunLimits = Object.freeze({
  memoryBytes: 16 * 1024 * 1024,
  stackBytes: 256 * 1024,
  cpuMs: 50,
  wallMs: 1_000,
  maxCalls: 100,
  logLines: 100,
  logBytes: 16 * 1024,
  outputBytes: 256 * 1024,
});

/** The limits of a run: the request's over the sandbox's over the defaults. */
export const resolveLimits = (...layers: (Partial<RunLimits> | undefined)[]): RunLimits => {
  const merged: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) merged[name] = value;
    }
  }
  return merged as unknown as RunLimits;
};
