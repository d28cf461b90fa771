import type { RunLimits, RunResult } from './types.js';

/** The messages between the main thread and a worker; every value inside travels as a JSON string. */
export interface RunMessage {
  readonly type: 'run';
  readonly runId: number;
  readonly source: string;
  readonly input: string;
  readonly limits: RunLimits;
  /** The names of the host functions the run may call. */
  readonly hostNames: readonly string[];
}

export interface CallResultMessage {
  readonly type: 'callResult';
  readonly runId: number;
  readonly callId: number;
  /** The JSON of the host function's value, or absent when it failed. */
  readonly value?: string;
  readonly error?: string;
}

export type ToWorker = RunMessage | CallResultMessage;

export interface CallMessage {
  readonly type: 'call';
  readonly runId: number;
  readonly callId: number;
  readonly name: string;
  readonly args: string;
}

export interface DoneMessage {
  readonly type: 'done';
  readonly runId: number;
  readonly result: RunResult;
}

/** Sent once the worker has loaded QuickJS and takes runs. */
export interface ReadyMessage {
  readonly type: 'ready';
}

export type FromWorker = CallMessage | DoneMessage | ReadyMessage;
