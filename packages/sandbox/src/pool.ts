import type { Worker } from 'node:worker_threads';
import { answerCall } from './host.js';
import type { FromWorker, RunMessage, ToWorker } from './protocol.js';
import { failed } from './results.js';
import { type SpawnWorker, spawnWorker } from './spawn.js';
import type { HostFunction, RunResult } from './types.js';

/** One run handed to the pool. */
export interface PoolJob {
  readonly message: Omit<RunMessage, 'runId' | 'type'>;
  readonly host: Readonly<Record<string, HostFunction>>;
  readonly resolve: (result: RunResult) => void;
}

export interface PoolOptions {
  readonly size: number;
  readonly graceMs: number;
  /** The workers' CPU priority (see SandboxOptions.nice). */
  readonly nice?: number;
  /** See SandboxOptions.idle. */
  readonly idle?: boolean;
  /** See SandboxOptions.sliceMs. */
  readonly sliceMs?: number;
  readonly spawn?: SpawnWorker;
}

export interface Pool {
  submit(job: PoolJob): void;
  /** Workers started to replace one that was terminated or died. */
  readonly replaced: number;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded QuickJS: a run's timer starts only then. */
  ready: boolean;
  busy?: { readonly runId: number; readonly job: PoolJob; readonly timer: NodeJS.Timeout };
}

/**
 * Worker threads, each running one script at a time; runs wait in one FIFO queue for a free worker.
 * A worker that does not answer within the run's wall budget plus `graceMs` is terminated and
 * replaced, and its run fails with SCRIPT_TIMEOUT.
 */
export const createPool = (options: PoolOptions): Pool => {
  const spawn =
    options.spawn ??
    (() => spawnWorker(undefined, { nice: options.nice ?? 0, idle: options.idle ?? false, sliceMs: options.sliceMs ?? 0 }));
  const queue: PoolJob[] = [];
  const slots: Slot[] = [];
  let nextRunId = 1;
  let replaced = 0;
  let closed = false;

  /**
   * An idle worker does not keep the process alive (a process that never closes its sandbox still
   * ends); a starting one does while runs wait for it. A busy one is held by its run's timer.
   */
  const refresh = (): void => {
    for (const slot of slots) {
      if (slot.busy || (queue.length > 0 && !slot.ready)) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  const finish = (slot: Slot, result: RunResult): void => {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    busy.job.resolve(result);
  };

  const dispatch = (): void => {
    for (const slot of slots) {
      const job = slot.busy || !slot.ready ? undefined : queue.shift();
      if (!job) continue;
      const runId = nextRunId++;
      const timer = setTimeout(
        () => replace(slot, failed('SCRIPT_TIMEOUT', 'The worker did not answer in time; it was stopped')),
        job.message.limits.wallMs + options.graceMs,
      );
      slot.busy = { runId, job, timer };
      post(slot, { ...job.message, type: 'run', runId });
    }
    refresh();
  };

  const post = (slot: Slot, message: ToWorker): void => slot.worker.postMessage(message);

  const onMessage = (slot: Slot, message: FromWorker): void => {
    if (message.type === 'ready') {
      slot.ready = true;
      dispatch();
      return;
    }
    const busy = slot.busy;
    if (!busy || busy.runId !== message.runId) return;
    if (message.type === 'done') {
      finish(slot, message.result);
      dispatch();
      return;
    }
    void answerCall(busy.job.host, message.name, message.args).then((answer) => {
      if (slot.busy?.runId === message.runId) post(slot, { type: 'callResult', runId: message.runId, callId: message.callId, ...answer });
    });
  };

  const attach = (slot: Slot): void => {
    const worker = slot.worker;
    worker.on('message', (message: FromWorker) => onMessage(slot, message));
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (slot.worker === worker && !closed) replace(slot, failed('SCRIPT_CRASHED', 'The worker running the script stopped'));
    });
  };

  const replace = (slot: Slot, result: RunResult): void => {
    const old = slot.worker;
    finish(slot, result);
    replaced += 1;
    slot.worker = spawn();
    slot.ready = false;
    attach(slot);
    void old.terminate();
    dispatch();
  };

  for (let i = 0; i < options.size; i++) {
    const slot: Slot = { worker: spawn(), ready: false };
    attach(slot);
    slots.push(slot);
  }
  refresh();

  return {
    submit: (job) => {
      if (closed) return job.resolve(failed('SCRIPT_CRASHED', 'The sandbox is closed'));
      queue.push(job);
      dispatch();
    },
    get replaced() {
      return replaced;
    },
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.resolve(failed('SCRIPT_CRASHED', 'The sandbox is closed'));
      for (const slot of slots) finish(slot, failed('SCRIPT_CRASHED', 'The sandbox is closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
};
