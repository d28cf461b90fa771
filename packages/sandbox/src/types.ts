/** A JSON value: the only kind of value that crosses the sandbox boundary, in either direction. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A function of the host that a script may call by name (`await ctx.call(name, args)`); runs on the main thread. */
export type HostFunction = (args: Json) => Promise<Json | undefined> | Json | undefined;

/** The budgets of one run; every one has a default (see DEFAULT_LIMITS) and may be lowered or raised per run. */
export interface RunLimits {
  /** Heap of the QuickJS runtime for this run, in bytes. */
  readonly memoryBytes: number;
  /** Stack of the interpreter, in bytes: bounds recursion depth. */
  readonly stackBytes: number;
  /**
   * CPU time of the worker thread inside the VM (evaluating and running its jobs), in milliseconds; where
   * the system does not give a thread's CPU time (not Linux), wall time inside the VM.
   */
  readonly cpuMs: number;
  /** Whole run, host calls included, in milliseconds. */
  readonly wallMs: number;
  /** How many host calls one run may make. */
  readonly maxCalls: number;
  /** Lines and bytes of captured log kept; the rest is dropped and the log is marked truncated. */
  readonly logLines: number;
  readonly logBytes: number;
  /** Size of the JSON output, in bytes. */
  readonly outputBytes: number;
}

/** One run of a script. */
export interface RunRequest {
  /** Whose run it is (the tenant id): concurrency is limited per key. */
  readonly key: string;
  /** The body of an async function of `ctx` (see README: the script convention). */
  readonly source: string;
  readonly input?: Json;
  readonly host?: Readonly<Record<string, HostFunction>>;
  readonly limits?: Partial<RunLimits>;
}

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface LogLine {
  readonly level: LogLevel;
  readonly text: string;
}

/** The codes a failed run comes back with (declared in sandboxErrors). */
export type SandboxFailureCode =
  | 'SCRIPT_TIMEOUT'
  | 'SCRIPT_MEMORY_LIMIT'
  | 'SCRIPT_STACK_LIMIT'
  | 'SCRIPT_ERROR'
  | 'SCRIPT_SYNTAX'
  | 'SCRIPT_CALL_LIMIT'
  | 'SCRIPT_OUTPUT_INVALID'
  | 'SCRIPT_BUSY'
  | 'SCRIPT_CPU_BUDGET'
  | 'SCRIPT_CRASHED';

/** What every run reports, whatever its outcome. */
export interface RunStats {
  /** CPU time inside the VM (see RunLimits.cpuMs). */
  readonly cpuMs: number;
  /** Bytes the QuickJS runtime had in use when the run ended. */
  readonly memoryBytes: number;
  /** Host calls made. */
  readonly calls: number;
  readonly log: readonly LogLine[];
  readonly logTruncated: boolean;
}

export interface RunSuccess extends RunStats {
  readonly ok: true;
  /** What the script returned (`undefined` becomes null). */
  readonly output: Json;
}

export interface RunFailure extends RunStats {
  readonly ok: false;
  readonly code: SandboxFailureCode;
  readonly message: string;
  /** Line of the script where the uncaught exception or the syntax error is, when known. */
  readonly line?: number;
  /** SCRIPT_CPU_BUDGET: milliseconds until the key may run again. */
  readonly retryAfterMs?: number;
}

/** Expected failures are values, not exceptions. */
export type RunResult = RunSuccess | RunFailure;

export interface SandboxOptions {
  /** Worker threads, each with one QuickJS runtime. Default 2. */
  readonly size?: number;
  /** Runs at once per key. Default 4. */
  readonly concurrencyPerKey?: number;
  /** Runs waiting per key beyond those; more fail at once with SCRIPT_BUSY. Default 100. */
  readonly queuePerKey?: number;
  /** Defaults for every run's limits. */
  readonly limits?: Partial<RunLimits>;
  /** How long past `wallMs` a worker may stay silent before it is terminated and replaced. Default 1000 ms. */
  readonly graceMs?: number;
  /**
   * CPU priority of the worker threads (Linux `nice`, 0–19; default 0, the process's own): above 0,
   * a script burning its budget takes only the CPU the process's requests leave. Linux only, where
   * each thread has its own; elsewhere ignored (the call would lower the whole process).
   */
  readonly nice?: number;
  /**
   * Run the worker threads under SCHED_IDLE (Linux, through util-linux's `chrt`; where that fails the
   * nice value stands alone): they get only CPU time no other thread wants, and a waking request's
   * thread takes their CPU at once. Default false.
   */
  readonly idle?: boolean;
  /**
   * Longest stretch (ms) a worker thread runs scripts before it sleeps for a moment (~0.07 ms, not
   * counted as the script's time). Whatever its nice value, a thread the scheduler has picked keeps its
   * CPU until the next tick (up to 4 ms); stepping aside hands it at once to a thread that waits, such
   * as the process's requests. Costs a spinning script ~7 % of its speed at 1 ms. Default 0: never.
   */
  readonly sliceMs?: number;
  /**
   * CPU time (ms inside the VM) one key may spend over any minute, counted in this sandbox: past it,
   * runs of the key are refused with SCRIPT_CPU_BUDGET (and `retryAfterMs`) without starting. Default: none.
   */
  readonly cpuMsPerMinutePerKey?: number;
}

export interface Sandbox {
  run(request: RunRequest): Promise<RunResult>;
  /** Terminates the workers; runs still waiting fail with SCRIPT_CRASHED. */
  close(): Promise<void>;
}
