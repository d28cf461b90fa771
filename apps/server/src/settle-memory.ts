import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type FullCollection = () => void;

let collect: FullCollection | undefined;

/** V8's full collection, reached through a fresh context where `gc` is exposed (the application's own context never sees it). */
const fullCollection = (): FullCollection => {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as FullCollection;
  }
  return collect;
};

export interface SettleReport {
  readonly heapBeforeBytes: number;
  readonly heapAfterBytes: number;
  readonly ms: number;
}

/**
 * Two full, compacting garbage collections once start-up is done, before the server listens.
 * Start-up leaves much of the heap as garbage (migrations, schema and validator compilation,
 * module loading) spread over pages that also hold live objects, and an idle server allocates too
 * little for V8 to collect and compact it: a plain full collection frees the objects but keeps the
 * pages. Compacting moves the survivors together so the emptied pages go back to the system. On the
 * embedded database this took idle RSS from 353–401 MB to 311–328 MB (bench `startup`'s idle
 * measure, three runs each, 2026-12-05); the heap went from ~186 MB to ~120 MB.
 */
export const settleMemory = (): SettleReport => {
  const t0 = performance.now();
  const heapBeforeBytes = process.memoryUsage().heapTotal;
  const gc = fullCollection();
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
  return { heapBeforeBytes, heapAfterBytes: process.memoryUsage().heapTotal, ms: Math.round(performance.now() - t0) };
};
