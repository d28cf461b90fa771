import type { MessagePort } from 'node:worker_threads';
import { getQuickJS, type QuickJSRuntime } from 'quickjs-emscripten';
import { DEFAULT_LIMITS } from '../limits.js';
import type { FromWorker, RunMessage, ToWorker } from '../protocol.js';
import { execute } from './execute.js';
import type { HostCalls } from './host-calls.js';
import { createStepAside } from './step-aside.js';
import { threadWaitClock } from './thread-wait.js';

/** A first run before the worker says it is ready, so no tenant's budget pays for compiling the engine's WebAssembly. */
const warmUp = (runtime: QuickJSRuntime): Promise<unknown> =>
  execute(
    runtime,
    {
      type: 'run',
      runId: 0,
      source: 'console.log("warm"); return JSON.parse(JSON.stringify({ a: [1, "b"] }))',
      input: '{}',
      limits: { ...DEFAULT_LIMITS, cpuMs: 10_000, wallMs: 10_000 },
      hostNames: [],
    },
    { send: () => undefined, attach: () => undefined },
  );

/**
 * The body of a worker thread: one QuickJS runtime, one run at a time, each in a fresh context;
 * a run that keeps the thread busy `sliceMs` steps aside for a moment (see step-aside.ts).
 * After a run that hit a budget inside the VM the runtime is replaced; when it cannot be freed
 * cleanly, the worker exits and the pool starts another.
 */
export const startWorkerLoop = async (port: MessagePort, sliceMs = 0): Promise<void> => {
  const quickjs = await getQuickJS();
  const threadWaited = threadWaitClock();
  const sources = { stepAside: createStepAside(sliceMs), ...(threadWaited ? { threadWaited } : {}) };
  let runtime: QuickJSRuntime = quickjs.newRuntime();
  let current: { runId: number; calls?: HostCalls } | undefined;
  const post = (message: FromWorker): void => port.postMessage(message);

  const renew = (): void => {
    try {
      runtime.dispose();
    } catch {
      process.exit(0);
    }
    runtime = quickjs.newRuntime();
  };

  const run = async (message: RunMessage): Promise<void> => {
    const link = {
      send: (callId: number, name: string, args: string) => post({ type: 'call', runId: message.runId, callId, name, args }),
      attach: (calls: HostCalls) => {
        current = { runId: message.runId, calls };
      },
    };
    const { result, poisoned } = await execute(runtime, message, link, sources);
    current = undefined;
    post({ type: 'done', runId: message.runId, result });
    if (poisoned) renew();
  };

  port.on('message', (message: ToWorker) => {
    if (message.type === 'run') void run(message);
    else if (current?.runId === message.runId) current.calls?.settle(message.callId, message.value, message.error);
  });
  await warmUp(runtime);
  post({ type: 'ready' });
};
