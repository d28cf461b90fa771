// The entry of a sandbox worker thread (see pool.ts): everything it does is in vm/worker-loop.ts.
import { parentPort } from 'node:worker_threads';
import { startWorkerLoop } from './vm/worker-loop.js';

if (!parentPort) throw new Error('The sandbox worker runs in a worker thread only');
await startWorkerLoop(parentPort);
