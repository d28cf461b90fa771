export { sandboxErrors } from './errors.js';
export { DEFAULT_LIMITS } from './limits.js';
export { createSandbox } from './sandbox.js';
export type {
  HostFunction,
  Json,
  LogLevel,
  LogLine,
  RunFailure,
  RunLimits,
  RunRequest,
  RunResult,
  RunStats,
  RunSuccess,
  Sandbox,
  SandboxFailureCode,
  SandboxOptions,
} from './types.js';
