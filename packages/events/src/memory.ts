import type { Tx } from '@rustok/db';
import type { EventEnvelope } from '@rustok/kernel';
import type { Logger } from 'pino';
import { eventsErrors } from './errors.js';
import type { EventMetrics } from './metrics.js';
import { backoffMs } from './outbox/settle.js';
import type { EventSink, EventTransport } from './types.js';

export type BackpressureState = 'normal' | 'warning' | 'critical';

export interface MemoryTransportOptions {
  readonly sink: EventSink;
  readonly logger: Logger;
  readonly metrics?: EventMetrics;
  readonly capacity: number;
  /** Fractions of capacity where the state turns warning / critical (0.7 / 0.9 by default). */
  readonly warningRatio?: number;
  readonly criticalRatio?: number;
  readonly batchSize?: number;
  readonly maxAttempts?: number;
  readonly backoffBaseMs?: number;
}

export interface MemoryTransport extends EventTransport {
  state(): BackpressureState;
  depth(): number;
  /** Resolves when the queue is empty and nothing is being delivered. */
  idle(): Promise<void>;
}

interface Queued {
  readonly envelope: EventEnvelope;
  readonly attempt: number;
}

/**
 * L0: a bounded in-process queue. Fast, lost on a crash. Publishing while the queue is at the
 * critical level fails at once with EVENTS_BACKPRESSURE (503), before the writer commits.
 */
export const createMemoryTransport = (options: MemoryTransportOptions): MemoryTransport => {
  const { sink, logger, metrics, capacity } = options;
  const warningAt = Math.floor(capacity * (options.warningRatio ?? 0.7));
  const criticalAt = Math.floor(capacity * (options.criticalRatio ?? 0.9));
  const queue: Queued[] = [];
  let delivering = 0;
  let stopped = false;
  let draining: Promise<void> | undefined;
  const idleWaiters: (() => void)[] = [];

  const state = (): BackpressureState => (queue.length >= criticalAt ? 'critical' : queue.length >= warningAt ? 'warning' : 'normal');
  const refuseIfCritical = (count: number) => {
    if (queue.length + count > criticalAt || state() === 'critical') {
      metrics?.memoryRejected.inc(count);
      throw eventsErrors.EVENTS_BACKPRESSURE(
        `The in-memory event queue is at its critical level (${queue.length}/${capacity}); try again later`,
        { meta: { depth: queue.length, capacity } },
      );
    }
  };
  const settleIdle = () => {
    if (queue.length === 0 && delivering === 0) for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const deliverBatch = async (batch: Queued[]) => {
    const results = await sink.deliver(batch.map((q) => ({ ...q.envelope, retryCount: q.attempt })));
    for (const item of batch) {
      const result = results.get(item.envelope.id);
      if (!result || result.ok) continue;
      if (item.attempt + 1 >= (options.maxAttempts ?? 5)) {
        logger.error(
          { eventId: item.envelope.id, type: item.envelope.type, error: result.error },
          'memory transport dropped an event after its last attempt',
        );
        metrics?.deadLettered.inc({ type: item.envelope.type });
        continue;
      }
      metrics?.failed.inc({ type: item.envelope.type });
      delivering++;
      setTimeout(
        () => {
          delivering--;
          enqueue([{ envelope: item.envelope, attempt: item.attempt + 1 }]);
        },
        backoffMs(item.attempt + 1, { backoffBaseMs: options.backoffBaseMs ?? 50 }),
      ).unref();
    }
  };

  const drain = async () => {
    while (queue.length > 0 && !stopped) {
      const batch = queue.splice(0, options.batchSize ?? 100);
      metrics?.memoryDepth.set(queue.length);
      delivering++;
      try {
        await deliverBatch(batch);
      } catch (error) {
        logger.error({ err: error }, 'memory transport delivery failed');
      } finally {
        delivering--;
      }
    }
    draining = undefined;
    settleIdle();
  };

  const enqueue = (items: Queued[]) => {
    if (stopped) return;
    queue.push(...items);
    metrics?.memoryDepth.set(queue.length);
    draining ??= Promise.resolve().then(drain);
  };

  const accept = (envelopes: readonly EventEnvelope[], tx?: Tx) => {
    refuseIfCritical(envelopes.length);
    metrics?.memoryAccepted.inc(envelopes.length);
    const items = envelopes.map((envelope) => ({ envelope, attempt: 0 }));
    if (tx) tx.afterCommit(() => enqueue(items));
    else enqueue(items);
  };

  return {
    reliabilityLevel: 'memory',
    state,
    depth: () => queue.length,
    publish: async (envelope, tx) => accept([envelope], tx),
    publishBatch: async (envelopes, tx) => accept(envelopes, tx),
    acknowledge: async () => {},
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      }),
    start: async () => {
      stopped = false;
    },
    async stop() {
      await draining;
      stopped = true;
    },
  };
};
