// The entry of a sandbox worker thread (see pool.ts): everything it does is in vm/worker-loop.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { applyThreadPriority } from './priority.js';
import type { WorkerStart } from './spawn.js';
import { startWorkerLoop } from './vm/worker-loop.js';

if (!parentPort) throw new Error('The sandbox worker runs in a worker thread only');
const start = workerData as Partial<WorkerStart> | undefined;
applyThreadPriority({ nice: start?.nice ?? 0, idle: start?.idle ?? false });
await startWorkerLoop(parentPort, start?.sliceMs ?? 0);
