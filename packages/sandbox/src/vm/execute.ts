import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten';
import type { RunMessage } from '../protocol.js';
import type { Json, RunResult } from '../types.js';
import { createScriptContext, wrapScript } from './bridge.js';
import { type Classified, classifyThrown, SCRIPT_FILE } from './classify.js';
import { type ClockSources, createClock, type RunClock } from './clock.js';
import { createHostCalls, type HostCalls, type SendCall } from './host-calls.js';
import { createLog } from './log.js';

type Outcome = { readonly ok: true; readonly output: Json } | Classified;

interface Run {
  readonly runtime: QuickJSRuntime;
  readonly vm: QuickJSContext;
  readonly clock: RunClock;
  readonly calls: HostCalls;
  readonly message: RunMessage;
}

/** Runs VM work between the clock's brackets. */
const timed = <T>(clock: RunClock, work: () => T): T => {
  clock.enter();
  try {
    return work();
  } finally {
    clock.leave();
  }
};

/** A budget spent outranks whatever exception the VM raised on the way out. */
const failure = (run: Run, thrown: unknown, compiling = false): Classified => {
  if (run.clock.timedOut) return { code: 'SCRIPT_TIMEOUT', message: `The script ran past its time budget` };
  if (run.calls.overBudget) return { code: 'SCRIPT_CALL_LIMIT', message: `More than ${run.message.limits.maxCalls} host calls` };
  return classifyThrown(thrown, compiling);
};

const dumpError = (run: Run, handle: QuickJSHandle, compiling = false): Classified =>
  handle.consume((error) => failure(run, run.vm.dump(error), compiling));

/** Runs the VM's jobs and waits on host calls until the script's promise settles or a budget is spent. */
const drive = async (run: Run, promise: QuickJSHandle): Promise<Outcome | QuickJSHandle> => {
  for (;;) {
    const jobs = timed(run.clock, () => run.runtime.executePendingJobs());
    if (jobs.error) return dumpError(run, jobs.error);
    if (run.calls.overBudget) return failure(run, undefined);
    const state = run.vm.getPromiseState(promise);
    if (state.type === 'fulfilled') return state.value;
    if (state.type === 'rejected') return dumpError(run, state.error);
    if (run.clock.timedOut || run.calls.overBudget) return failure(run, undefined);
    if (run.calls.inFlight === 0) {
      return { code: 'SCRIPT_ERROR', message: 'The script awaits a promise that nothing can settle' };
    }
    await run.calls.next(run.clock.wallLeftMs());
    if (run.clock.expired()) return failure(run, undefined);
  }
};

/** The output as JSON, through the VM's own JSON.stringify. */
const toOutput = (run: Run, stringify: QuickJSHandle, value: QuickJSHandle): Outcome => {
  const result = timed(run.clock, () => run.vm.callFunction(stringify, run.vm.undefined, value));
  if (result.error) {
    const cause = dumpError(run, result.error);
    return cause.code === 'SCRIPT_ERROR' ? { code: 'SCRIPT_OUTPUT_INVALID', message: `The output is not JSON: ${cause.message}` } : cause;
  }
  const json = result.value.consume((handle) => (run.vm.typeof(handle) === 'string' ? run.vm.getString(handle) : 'null'));
  if (Buffer.byteLength(json) > run.message.limits.outputBytes) {
    return { code: 'SCRIPT_OUTPUT_INVALID', message: `The output is larger than ${run.message.limits.outputBytes} bytes` };
  }
  return { ok: true, output: JSON.parse(json) as Json };
};

/** Compiles and calls the script, then drives it to its output. */
const evaluate = async (run: Run, ctx: QuickJSHandle, stringify: QuickJSHandle): Promise<Outcome> => {
  const compiled = timed(run.clock, () => run.vm.evalCode(wrapScript(run.message.source), SCRIPT_FILE));
  if (compiled.error) return dumpError(run, compiled.error, true);
  const called = compiled.value.consume((fn) => timed(run.clock, () => run.vm.callFunction(fn, run.vm.undefined, ctx)));
  if (called.error) return dumpError(run, called.error);
  const promise = called.value;
  const settled = await drive(run, promise).finally(() => promise.dispose());
  if (!('alive' in settled)) return settled;
  return settled.consume((value) => toOutput(run, stringify, value));
};

const memoryUsed = (runtime: QuickJSRuntime, vm: QuickJSContext): number => {
  try {
    return runtime.computeMemoryUsage().consume((usage) => Number(vm.dump(usage).memory_used_size) || 0);
  } catch {
    return 0;
  }
};

/** How a run reaches the main thread: `send` posts a host call, `attach` hands over the calls to settle. */
export interface RunLink {
  readonly send: SendCall;
  readonly attach: (calls: HostCalls) => void;
}

/** One run in a fresh context of `runtime`; `poisoned` asks for a new runtime (a budget was hit inside it). */
export const execute = async (
  runtime: QuickJSRuntime,
  message: RunMessage,
  link: RunLink,
  sources: ClockSources = {},
): Promise<{ result: RunResult; poisoned: boolean }> => {
  const { limits } = message;
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(limits.stackBytes);
  const clock = createClock(limits.cpuMs, limits.wallMs, sources);
  runtime.setInterruptHandler(() => clock.expired());
  const vm = runtime.newContext();
  const log = createLog(limits.logLines, limits.logBytes);
  const calls = createHostCalls(vm, message.hostNames, limits.maxCalls, link.send);
  link.attach(calls);
  const run: Run = { runtime, vm, clock, calls, message };
  let outcome: Outcome;
  try {
    const { ctx, stringify } = timed(clock, () => createScriptContext(vm, message.input, { log: log.write, call: calls.start }));
    outcome = await evaluate(run, ctx, stringify).finally(() => {
      ctx.dispose();
      stringify.dispose();
    });
  } catch (error) {
    outcome = failure(run, { name: 'InternalError', message: error instanceof Error ? error.message : String(error) });
  }
  const stats = {
    cpuMs: clock.cpuMs(),
    memoryBytes: memoryUsed(runtime, vm),
    calls: calls.count,
    log: log.lines,
    logTruncated: log.truncated,
  };
  calls.dispose();
  vm.dispose();
  runtime.removeInterruptHandler();
  const result: RunResult = 'ok' in outcome ? { ...stats, ...outcome } : { ...stats, ok: false, ...outcome };
  return { result, poisoned: !('ok' in outcome) && outcome.code !== 'SCRIPT_ERROR' && outcome.code !== 'SCRIPT_SYNTAX' };
};
