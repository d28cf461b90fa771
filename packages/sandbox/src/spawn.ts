import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Starts one sandbox worker thread. */
export type SpawnWorker = () => Worker;

/** What a worker thread is told when it starts (its `workerData`). */
export interface WorkerStart {
  /** The thread's CPU priority (Linux nice); 0 leaves it as the process's. */
  readonly nice: number;
  /** SCHED_IDLE on Linux (see priority.ts). */
  readonly idle?: boolean;
  /** Longest stretch of VM work before the thread steps aside for a moment; 0: never. */
  readonly sliceMs?: number;
}

/**
 * Built (dist/*.js), the worker is dist/worker.js. Loaded from the TypeScript sources (tests, the
 * `source` export condition), the worker registers tsx first so it can load worker.ts too.
 */
export const spawnWorker = (
  entry: URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url),
  start: WorkerStart = { nice: 0 },
): Worker => {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: start });
  const tsx = new URL('./dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: start });
};
