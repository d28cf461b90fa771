import type { RunFailure, SandboxFailureCode } from './types.js';

/** A run that failed before or outside the VM: nothing ran, nothing was logged. */
export const failed = (code: SandboxFailureCode, message: string, cpuMs = 0): RunFailure => ({
  ok: false,
  code,
  message,
  cpuMs,
  memoryBytes: 0,
  calls: 0,
  log: [],
  logTruncated: false,
});
