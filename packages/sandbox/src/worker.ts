// The entry of a sandbox worker thread (see pool.ts): everything it does is in vm/worker-loop.ts.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerStart } from './spawn.js';
import { startWorkerLoop } from './vm/worker-loop.js';

if (!parentPort) throw new Error('The sandbox worker runs in a worker thread only');
// On Linux a thread has its own nice value, and pid 0 is the calling thread: this one only.
const nice = (workerData as Partial<WorkerStart> | undefined)?.nice ?? 0;
if (nice > 0 && process.platform === 'linux') setPriority(0, nice);
await startWorkerLoop(parentPort);
