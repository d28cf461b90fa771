// A worker that takes a run and never answers: the pool must terminate and replace it.
import { parentPort } from 'node:worker_threads';

parentPort?.postMessage({ type: 'ready' });
parentPort?.on('message', () => {
  for (;;) {
    // Spins with no interrupt handler to stop it.
  }
});
